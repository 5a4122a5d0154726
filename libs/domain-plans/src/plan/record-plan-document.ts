import { DomainError } from '@bcl/kernel';
import { MONEY_LIMIT_PENCE, PlanningReference } from '../reference/planning-reference';
import { PLAN_SECTIONS, PlanContent, PlanEntry, PlanEvent, PlanState, SPEND_CATEGORIES } from './plan';

/** What the registry says about the plan's area, for checking the parties a plan names. */
export interface AreaFacts {
  areaId: string;
  /** Every organisation that is or was a member of the area (or succeeded one). */
  organisationIds: string[];
  districtIds: string[];
  twoTier: boolean;
}

export interface RecordPlanDocument {
  planId: string;
  areaId: string;
  cycle: string;
  /** The sections given; a section left out is left as it is. */
  content: Partial<PlanContent>;
  /** The document or decision that justified these figures (every money change carries one). */
  justification: string;
}

export const PLAN_LIMITS = { entriesPerSectionMax: 500, textLengthMax: 20_000, keyLengthMax: 100 } as const;

/**
 * Records a plan document (the whole plan, or some sections) as the entry-level changes it makes: recorded,
 * amended or removed. Re-recording the same document changes nothing. A change after agreement or sign-off
 * first starts a new version, which needs fresh agreement and sign-off. Refuses (changing nothing) anything the reference data
 * or the area does not allow, naming the field by its JSON path.
 */
export function recordPlanDocument(
  state: PlanState | undefined,
  command: RecordPlanDocument,
  reference: PlanningReference,
  area: AreaFacts,
  /** Versions with an approval recorded against them (governance): a change to one starts the next version. */
  approvedVersions: readonly number[] = [],
): PlanEvent[] {
  if (command.cycle !== reference.cycle) fail('cycle', `must be ${reference.cycle} for this reference data`);
  if (command.areaId !== area.areaId) fail('areaId', `must be the plan's area '${area.areaId}'`);
  if (state && (state.areaId !== command.areaId || state.cycle !== command.cycle))
    fail('planId', `plan '${command.planId}' is for ${state.areaId} ${state.cycle}`);
  validateContent(command.content, reference, area);

  const events: PlanEvent[] = [];
  const planId = command.planId;
  if (!state)
    events.push({ type: 'PlanInitiated', data: { planId, areaId: command.areaId, cycle: command.cycle } });
  const current = state?.content;
  const changes: PlanEvent[] = [];
  let version = state?.version ?? 1;
  // Once anything was agreed, signed or approved in this version, a change starts the next version.
  const settled = state !== undefined && (state.steps.length > 0 || approvedVersions.includes(state.version));
  if (settled) version += 1;
  for (const section of PLAN_SECTIONS) {
    const given = command.content[section] as PlanEntry[] | undefined;
    if (!given) continue;
    const before = new Map(((current?.[section] ?? []) as PlanEntry[]).map((entry) => [entry.key, entry]));
    const after = new Map(given.map((entry) => [entry.key, entry]));
    for (const [key, entry] of after) {
      const previous = before.get(key) ?? null;
      if (previous && canonical(previous) === canonical(entry)) continue;
      changes.push({
        type: previous ? 'PlanEntryAmended' : 'PlanEntryRecorded',
        data: { planId, version, section, key, entry, previous, justification: command.justification },
      });
    }
    for (const [key, previous] of before)
      if (!after.has(key))
        changes.push({
          type: 'PlanEntryRemoved',
          data: { planId, version, section, key, previous, justification: command.justification },
        });
  }
  if (changes.length > 0 && settled)
    events.push({
      type: 'PlanVersionStarted',
      data: { planId, version, after: state.steps.at(-1)?.step ?? 'approval' },
    });
  return [...events, ...changes];
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : item,
  );
}

function fail(field: string, reason: string): never {
  throw new DomainError('invalid', field, reason);
}

function validateContent(content: Partial<PlanContent>, reference: PlanningReference, area: AreaFacts): void {
  const years = new Set(reference.financialYears);
  const maxPence = MONEY_LIMIT_PENCE(reference);
  const conditions = new Set(reference.nationalConditions.map((condition) => condition.id));
  const metrics = new Map(reference.metrics.map((metric) => [metric.code, metric]));
  const sources = new Set(reference.fundingSources);
  const organisations = new Set(area.organisationIds);
  const districts = new Set(area.districtIds);
  const money = (field: string, value: unknown) => {
    if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > maxPence)
      fail(
        field,
        `must be whole pence from 0 to ${maxPence} (£${reference.amountPoundsMax.toLocaleString('en-GB')})`,
      );
  };
  const year = (field: string, value: string) => {
    if (!years.has(value)) fail(field, `must be one of ${[...years].join(', ')}`);
  };
  const amounts = (field: string, byYear: Record<string, number>) => {
    for (const [y, amount] of Object.entries(byYear)) {
      year(`${field}.${y}`, y);
      money(`${field}.${y}`, amount);
    }
  };
  const text = (field: string, value: string) => {
    if (value.length > PLAN_LIMITS.textLengthMax)
      fail(field, `must be at most ${PLAN_LIMITS.textLengthMax} characters`);
  };

  for (const section of PLAN_SECTIONS) {
    const entries = content[section] as PlanEntry[] | undefined;
    if (!entries) continue;
    if (entries.length > PLAN_LIMITS.entriesPerSectionMax)
      fail(section, `must have at most ${PLAN_LIMITS.entriesPerSectionMax} entries`);
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (!entry.key || entry.key.length > PLAN_LIMITS.keyLengthMax)
        fail(`${section}[${index}].key`, `must be 1-${PLAN_LIMITS.keyLengthMax} characters`);
      if (seen.has(entry.key)) fail(`${section}[${index}].key`, `'${entry.key}' appears twice in ${section}`);
      seen.add(entry.key);
    });
  }
  content.contributions?.forEach((c, i) => {
    if (!sources.has(c.source))
      fail(`contributions[${i}].source`, `must be one of ${[...sources].join(', ')}`);
    if (!organisations.has(c.contributorId))
      fail(
        `contributions[${i}].contributorId`,
        `'${c.contributorId}' is not an organisation of area '${area.areaId}'`,
      );
    amounts(`contributions[${i}].amountsPence`, c.amountsPence);
  });
  content.dfgPassDown?.forEach((d, i) => {
    if (!area.twoTier)
      fail(`dfgPassDown[${i}]`, `area '${area.areaId}' is unitary: there is no district pass-down`);
    if (!districts.has(d.districtId))
      fail(`dfgPassDown[${i}].districtId`, `'${d.districtId}' is not a district council of '${area.areaId}'`);
    amounts(`dfgPassDown[${i}].amountsPence`, d.amountsPence);
  });
  content.schemes?.forEach((s, i) => {
    text(`schemes[${i}].name`, s.name);
    s.nationalConditions.forEach((condition, j) => {
      if (!conditions.has(condition))
        fail(
          `schemes[${i}].nationalConditions[${j}]`,
          `must be one of ${[...conditions].join(', ')} (${reference.cycle})`,
        );
    });
    s.spend.forEach((line, j) => {
      year(`schemes[${i}].spend[${j}].year`, line.year);
      if (line.source !== null && !sources.has(line.source))
        fail(`schemes[${i}].spend[${j}].source`, `must be one of ${[...sources].join(', ')}, or null`);
      if (line.category !== null && !SPEND_CATEGORIES.includes(line.category))
        fail(`schemes[${i}].spend[${j}].category`, `must be one of ${SPEND_CATEGORIES.join(', ')}, or null`);
      money(`schemes[${i}].spend[${j}].amountPence`, line.amountPence);
    });
  });
  content.metrics?.forEach((m, i) => {
    const definition = metrics.get(m.metric);
    if (!definition)
      return fail(
        `metrics[${i}].metric`,
        `must be one of ${[...metrics.keys()].join(', ')} (${reference.cycle})`,
      );
    if (m.unit !== definition.unit)
      fail(`metrics[${i}].unit`, `must be '${definition.unit}' for ${m.metric}`);
    if (!/^\d{1,12}(\.\d{1,4})?$/.test(m.statedValue))
      fail(`metrics[${i}].statedValue`, 'must be a non-negative decimal such as 510.2');
    if (!/^\d{4}-\d{2}( Q[1-4])?$/.test(m.period))
      fail(`metrics[${i}].period`, "must be a year such as '2017-18', or a quarter such as '2017-18 Q1'");
    if ((m.numerator === null) !== (m.denominator === null))
      fail(`metrics[${i}].denominator`, 'numerator and denominator come together, or not at all');
    if (m.denominator !== null && !(Number.isSafeInteger(m.denominator) && m.denominator > 0))
      fail(`metrics[${i}].denominator`, 'must be a whole number above 0');
    if (m.numerator !== null && !(Number.isSafeInteger(m.numerator) && m.numerator >= 0))
      fail(`metrics[${i}].numerator`, 'must be a whole number, 0 or more');
  });
  content.risks?.forEach((r, i) => {
    for (const field of ['likelihood', 'impact'] as const)
      if (!Number.isSafeInteger(r[field]) || r[field] < 1 || r[field] > 100)
        fail(`risks[${i}].${field}`, 'must be a whole number from 1 to 100');
    text(`risks[${i}].description`, r.description);
  });
  content.statedTotals?.forEach((t, i) => {
    year(`statedTotals[${i}].year`, t.year);
    if (t.table === 'nea-annual') {
      if (!Number.isSafeInteger(t.value) || t.value < 0)
        fail(`statedTotals[${i}].value`, 'must be a whole number, 0 or more');
    } else money(`statedTotals[${i}].value`, t.value);
  });
  content.ascBaseline?.forEach((b, i) => money(`ascBaseline[${i}].baselinePence`, b.baselinePence));
  if ((content.ascBaseline?.length ?? 0) > 1) fail('ascBaseline', 'holds one baseline at most');
  content.dfgJointAgreements?.forEach((a, i) => year(`dfgJointAgreements[${i}].year`, a.year));
  content.narratives?.forEach((n, i) => text(`narratives[${i}].text`, n.text));
  content.conditionStatements?.forEach((c, i) => {
    if (!conditions.has(c.condition))
      fail(`conditionStatements[${i}].condition`, `must be one of ${[...conditions].join(', ')}`);
    text(`conditionStatements[${i}].text`, c.text);
  });
}
