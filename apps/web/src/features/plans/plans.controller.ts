import { Get, Param, Query, Render } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { READERS } from '@bcl/identity';
import { ID_PATTERN } from '@bcl/kernel';
import {
  AllowRoles,
  GetAreaQuery,
  GetPlanQuery,
  ListAreasQuery,
  ListPlansQuery,
  PLAN_INSTRUMENT_KINDS,
  PlanDiffQuery,
  PlanVersionsQuery,
  Problem,
  ProvenanceQuery,
  invalidRequest,
  viewpointOf as storeViewpointOf,
} from '@bcl/application';
import {
  PagesController,
  REGISTRY_ID_RULE,
  isRegistryId,
  optionalQuery,
  viewpointOf,
} from '../../page-route';
import { checkRows, displayValue, evidenceText, fieldLabel, sectionTables, sectionTitle } from './plan-view';
import { ProvenanceApproval, signOffRows } from './sign-off-view';

const PLANS_MAX = 500;
const AREAS_MAX = 500;
const VERSION_MAX = 10_000;

/** The plan id of a page's path: a registry-style id, else 404 (no query runs on a malformed id). */
function planIdOf(planId: string): string {
  if (!ID_PATTERN.test(planId)) throw new Problem(404, 'not-found', 'Not found', `no plan '${planId}'`);
  return planId;
}

/** A version number from the query string: absent, or a whole number from 1 (else 400 naming the field). */
function versionOf(value: unknown, field: string, required = false): number | undefined {
  if (value === undefined || value === '') {
    if (required) throw invalidRequest([{ field, reason: 'is required' }]);
    return undefined;
  }
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1 || version > VERSION_MAX)
    throw invalidRequest([{ field, reason: `must be a version number from 1 to ${VERSION_MAX}` }]);
  return version;
}

/** `?asAt=…&knownAt=…` of the viewpoint, to carry it on links between the plan pages. */
function viewpointQuery(viewpoint: { asAt?: string; knownAt?: string }, extra: Record<string, string> = {}) {
  const query = new URLSearchParams({ ...viewpoint, ...extra }).toString();
  return query ? `?${query}` : '';
}

/** The plans pages: the list, a plan as at a date, its versions and the differences between two of them. */
@PagesController('plans')
export class PlansController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowRoles(...READERS)
  @Render('features/plans/plans.njk')
  async list(@Query() query: Record<string, unknown>) {
    const viewpoint = viewpointOf(query);
    const areaId = optionalQuery(query, 'areaId', isRegistryId, REGISTRY_ID_RULE);
    const [plans, areas] = (await Promise.all([
      this.queries.execute(new ListPlansQuery({ areaId, limit: PLANS_MAX }, storeViewpointOf(viewpoint))),
      this.queries.execute(new ListAreasQuery(AREAS_MAX, undefined, storeViewpointOf(viewpoint))),
    ])) as [
      {
        items: {
          planId: string;
          areaId: string;
          cycle: string;
          version: number;
          steps: { step: string; on: string; operatorWrite?: OperatorWriteMark }[];
        }[];
      },
      { items: { areaId: string; name: string }[] },
    ];
    const areaNames = new Map(areas.items.map((area) => [area.areaId, area.name]));
    return {
      section: 'plans',
      viewpoint,
      areaId: areaId ?? '',
      areas: areas.items,
      plans: plans.items.map((plan) => ({
        ...plan,
        areaName: areaNames.get(plan.areaId) ?? plan.areaId,
        href: `/plans/${plan.planId}${viewpointQuery(viewpoint)}`,
        lastStep: plan.steps.at(-1) ?? null,
      })),
      dataLinks: [
        { href: `/api/plans${viewpointQuery(viewpoint, areaId ? { areaId } : {})}`, text: 'plans as JSON' },
      ],
    };
  }

  @Get(':planId')
  @AllowRoles(...READERS)
  @Render('features/plans/plan.njk')
  async plan(@Param('planId') id: string, @Query() query: Record<string, unknown>) {
    const planId = planIdOf(id);
    const viewpoint = viewpointOf(query);
    const version = versionOf(query.version, 'version');
    const plan = (await this.queries.execute(
      new GetPlanQuery(planId, version, storeViewpointOf(viewpoint)),
    )) as PlanAnswer;
    const provenances = (await Promise.all(
      PLAN_INSTRUMENT_KINDS.map((kind) =>
        this.queries.execute(new ProvenanceQuery(kind, planId, storeViewpointOf(viewpoint))),
      ),
    )) as { instrument: { kind: string }; approvals: ProvenanceApproval[] }[];
    const versionQuery = viewpointQuery(viewpoint, { version: String(plan.version) });
    // the area as seen from the same viewpoint names the plan; its id stands in where the area is not yet seen
    const area = (await this.queries
      .execute(new GetAreaQuery(plan.areaId, storeViewpointOf(viewpoint)))
      .catch(() => ({ name: plan.areaId }))) as { name: string };
    return {
      section: 'plans',
      viewpoint,
      plan,
      areaName: area.name,
      versionEvidence: evidenceText(plan.evidence),
      sections: sectionTables(plan.content),
      checks: checkRows(plan.checks),
      steps: plan.steps.map((step) => ({ ...step, evidence: evidenceText(step.evidence) })),
      signOffs: signOffRows(provenances),
      links: {
        versions: `/plans/${planId}/versions${viewpointQuery(viewpoint)}`,
        area: `/areas/${plan.areaId}${viewpointQuery(viewpoint)}`,
      },
      dataLinks: [
        { href: `/api/plans/${planId}${versionQuery}`, text: 'this version as JSON' },
        { href: `/api/plans/${planId}/checks${versionQuery}`, text: 'its checks as JSON' },
        { href: `/api/plans/${planId}/export${versionQuery}`, text: 'as a plan document (JSON)' },
        {
          href: `/api/plans/${planId}/export${viewpointQuery(viewpoint, { version: String(plan.version), format: 'xlsx' })}`,
          text: 'as a planning workbook (XLSX)',
        },
      ],
    };
  }

  @Get(':planId/versions')
  @AllowRoles(...READERS)
  @Render('features/plans/plan-versions.njk')
  async versions(@Param('planId') id: string, @Query() query: Record<string, unknown>) {
    const planId = planIdOf(id);
    const viewpoint = viewpointOf(query);
    const answer = (await this.queries.execute(
      new PlanVersionsQuery(planId, storeViewpointOf(viewpoint)),
    )) as VersionsAnswer;
    return {
      section: 'plans',
      viewpoint,
      planId,
      planHref: `/plans/${planId}${viewpointQuery(viewpoint)}`,
      versions: answer.versions.map((version, index) => ({
        version: version.version,
        evidence: evidenceText(version.evidence),
        href: `/plans/${planId}${viewpointQuery(viewpoint, { version: String(version.version) })}`,
        diffHref:
          index === 0
            ? null
            : `/plans/${planId}/diff${viewpointQuery(viewpoint, { from: String(version.version - 1), to: String(version.version) })}`,
        steps: version.steps.map((step) => ({
          step: step.step,
          on: step.on,
          operatorWrite: step.operatorWrite ?? null,
        })),
        changes: version.changes.map((change) => ({
          what:
            change.type === 'PlanWarningAccepted'
              ? `warning ${change.checkId} accepted`
              : `${sectionTitle(change.section ?? '')}: ${change.key} ${changeVerb(change.type)}`,
          who: change.actor ?? change.acceptedBy ?? '',
          why: change.justification ?? change.reason ?? '',
          reason: change.reason ?? '',
          when: change.recordedAt,
          evidence: evidenceText(change.evidence),
          operatorWrite: change.operatorWrite ?? null,
        })),
      })),
      dataLinks: [
        { href: `/api/plans/${planId}/versions${viewpointQuery(viewpoint)}`, text: 'versions as JSON' },
      ],
    };
  }

  @Get(':planId/diff')
  @AllowRoles(...READERS)
  @Render('features/plans/plan-diff.njk')
  async diff(@Param('planId') id: string, @Query() query: Record<string, unknown>) {
    const planId = planIdOf(id);
    const viewpoint = viewpointOf(query);
    const from = versionOf(query.from, 'from', true)!;
    const to = versionOf(query.to, 'to', true)!;
    const answer = (await this.queries.execute(
      new PlanDiffQuery(planId, from, to, storeViewpointOf(viewpoint)),
    )) as DiffAnswer;
    const range = { from: String(from), to: String(to) };
    return {
      section: 'plans',
      viewpoint,
      planId,
      from,
      to,
      range,
      planHref: `/plans/${planId}${viewpointQuery(viewpoint)}`,
      versionsHref: `/plans/${planId}/versions${viewpointQuery(viewpoint)}`,
      changes: answer.changes.map((change) => ({
        section: sectionTitle(change.section),
        key: change.key,
        field: change.field === '*' ? 'whole entry' : fieldLabel(change.field),
        before: change.before === null ? 'none' : displayValue(change.field, change.before),
        after: change.after === null ? 'none' : displayValue(change.field, change.after),
        who: change.changedBy?.actor ?? '',
        why: change.changedBy ? `${change.changedBy.justification} (${change.changedBy.reason})` : '',
        when: change.changedBy?.recordedAt ?? '',
      })),
      dataLinks: [
        { href: `/api/plans/${planId}/diff${viewpointQuery(viewpoint, range)}`, text: 'differences as JSON' },
      ],
    };
  }
}

const changeVerb = (type: string): string =>
  type === 'PlanEntryRecorded' ? 'added' : type === 'PlanEntryRemoved' ? 'removed' : 'changed';

type Evidence = { citations: string[]; assumed: string | null };
/** An operator's raw write (`bcl append`): the page marks it (views/operator-write.njk). */
type OperatorWriteMark = { reason: string };

interface PlanAnswer {
  planId: string;
  areaId: string;
  cycle: string;
  version: number;
  currentVersion: number;
  asAt: string | null;
  knownAt: string | null;
  evidence: Evidence;
  steps: { step: string; on: string; evidence?: Evidence; operatorWrite?: OperatorWriteMark }[];
  content: Record<string, Record<string, unknown>[]>;
  checks: Parameters<typeof checkRows>[0];
}

interface VersionsAnswer {
  versions: {
    version: number;
    evidence: Evidence;
    steps: { step: string; on: string; operatorWrite?: OperatorWriteMark }[];
    changes: {
      type: string;
      section?: string;
      key?: string;
      checkId?: string;
      actor?: string;
      acceptedBy?: string;
      reason?: string;
      justification?: string;
      recordedAt: string;
      evidence?: Evidence;
      operatorWrite?: OperatorWriteMark;
    }[];
  }[];
}

interface DiffAnswer {
  changes: {
    section: string;
    key: string;
    field: string;
    before: unknown;
    after: unknown;
    changedBy: { actor: string; reason: string; justification: string; recordedAt: string } | null;
  }[];
}
