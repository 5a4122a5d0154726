import { DomainError } from '@bcl/kernel';
import { MONEY_LIMIT_PENCE, PlanningReference } from '../reference/planning-reference';
import { PLAN_SECTIONS, PlanContent, PlanEntry, SPEND_CATEGORIES } from './plan';
import type { AreaFacts } from './record-plan-document';

export const PLAN_LIMITS = { entriesPerSectionMax: 500, textLengthMax: 20_000, keyLengthMax: 100 } as const;

export function fail(field: string, reason: string): never {
  throw new DomainError('invalid', field, reason);
}

type Section<K extends keyof PlanContent> = NonNullable<PlanContent[K]>;

/** What the reference data and the area allow, and the field checks every section shares. */
class Allowed {
  readonly years: Set<string>;
  readonly maxPence: number;
  readonly conditions: Set<string>;
  readonly metrics: Map<string, PlanningReference['metrics'][number]>;
  readonly sources: Set<string>;
  readonly organisations: Set<string>;
  readonly districts: Set<string>;

  constructor(
    readonly reference: PlanningReference,
    readonly area: AreaFacts,
  ) {
    this.years = new Set(reference.financialYears);
    this.maxPence = MONEY_LIMIT_PENCE(reference);
    this.conditions = new Set(reference.nationalConditions.map((condition) => condition.id));
    this.metrics = new Map(reference.metrics.map((metric) => [metric.code, metric]));
    this.sources = new Set(reference.fundingSources);
    this.organisations = new Set(area.organisationIds);
    this.districts = new Set(area.districtIds);
  }

  money(field: string, value: unknown): void {
    if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > this.maxPence)
      fail(
        field,
        `must be whole pence from 0 to ${this.maxPence} (£${this.reference.amountPoundsMax.toLocaleString('en-GB')})`,
      );
  }

  year(field: string, value: string): void {
    if (!this.years.has(value)) fail(field, `must be one of ${[...this.years].join(', ')}`);
  }

  amounts(field: string, byYear: Record<string, number>): void {
    for (const [y, amount] of Object.entries(byYear)) {
      this.year(`${field}.${y}`, y);
      this.money(`${field}.${y}`, amount);
    }
  }

  text(field: string, value: string): void {
    if (value.length > PLAN_LIMITS.textLengthMax)
      fail(field, `must be at most ${PLAN_LIMITS.textLengthMax} characters`);
  }
}

/** Every section: at most so many entries, each with a short key, no key twice. */
function validateKeys(content: Partial<PlanContent>): void {
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
}

function validateContributions(contributions: Section<'contributions'>, allowed: Allowed): void {
  contributions.forEach((c, i) => {
    if (!allowed.sources.has(c.source))
      fail(`contributions[${i}].source`, `must be one of ${[...allowed.sources].join(', ')}`);
    if (!allowed.organisations.has(c.contributorId))
      fail(
        `contributions[${i}].contributorId`,
        `'${c.contributorId}' is not an organisation of area '${allowed.area.areaId}'`,
      );
    allowed.amounts(`contributions[${i}].amountsPence`, c.amountsPence);
  });
}

function validateDfgPassDown(passDown: Section<'dfgPassDown'>, allowed: Allowed): void {
  const { area } = allowed;
  passDown.forEach((d, i) => {
    if (!area.twoTier)
      fail(`dfgPassDown[${i}]`, `area '${area.areaId}' is unitary: there is no district pass-down`);
    if (!allowed.districts.has(d.districtId))
      fail(`dfgPassDown[${i}].districtId`, `'${d.districtId}' is not a district council of '${area.areaId}'`);
    allowed.amounts(`dfgPassDown[${i}].amountsPence`, d.amountsPence);
  });
}

function validateSchemes(schemes: Section<'schemes'>, allowed: Allowed): void {
  const { conditions, sources } = allowed;
  schemes.forEach((s, i) => {
    allowed.text(`schemes[${i}].name`, s.name);
    s.nationalConditions.forEach((condition, j) => {
      if (!conditions.has(condition))
        fail(
          `schemes[${i}].nationalConditions[${j}]`,
          `must be one of ${[...conditions].join(', ')} (${allowed.reference.cycle})`,
        );
    });
    s.spend.forEach((line, j) => {
      allowed.year(`schemes[${i}].spend[${j}].year`, line.year);
      if (line.source !== null && !sources.has(line.source))
        fail(`schemes[${i}].spend[${j}].source`, `must be one of ${[...sources].join(', ')}, or null`);
      if (line.category !== null && !SPEND_CATEGORIES.includes(line.category))
        fail(`schemes[${i}].spend[${j}].category`, `must be one of ${SPEND_CATEGORIES.join(', ')}, or null`);
      allowed.money(`schemes[${i}].spend[${j}].amountPence`, line.amountPence);
    });
  });
}

function validateMetrics(metrics: Section<'metrics'>, allowed: Allowed): void {
  metrics.forEach((m, i) => {
    const definition = allowed.metrics.get(m.metric);
    if (!definition)
      return fail(
        `metrics[${i}].metric`,
        `must be one of ${[...allowed.metrics.keys()].join(', ')} (${allowed.reference.cycle})`,
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
}

function validateRisks(risks: Section<'risks'>, allowed: Allowed): void {
  risks.forEach((r, i) => {
    for (const field of ['likelihood', 'impact'] as const)
      if (!Number.isSafeInteger(r[field]) || r[field] < 1 || r[field] > 100)
        fail(`risks[${i}].${field}`, 'must be a whole number from 1 to 100');
    allowed.text(`risks[${i}].description`, r.description);
  });
}

function validateStatedTotals(totals: Section<'statedTotals'>, allowed: Allowed): void {
  totals.forEach((t, i) => {
    allowed.year(`statedTotals[${i}].year`, t.year);
    if (t.table === 'nea-annual') {
      if (!Number.isSafeInteger(t.value) || t.value < 0)
        fail(`statedTotals[${i}].value`, 'must be a whole number, 0 or more');
    } else allowed.money(`statedTotals[${i}].value`, t.value);
  });
}

/** The planned NHS-minimum contribution to adult social care, and a declared variant: one entry at most each. */
function validateSingles(content: Partial<PlanContent>, allowed: Allowed, planId: string | undefined): void {
  if ((content.ascNhsMinimum?.length ?? 0) > 1) fail('ascNhsMinimum', 'holds one entry at most');
  content.ascNhsMinimum?.forEach((a, i) =>
    allowed.amounts(`ascNhsMinimum[${i}].amountsPence`, a.amountsPence),
  );
  if ((content.variant?.length ?? 0) > 1) fail('variant', 'holds one entry at most');
  content.variant?.forEach((v, i) => {
    if (!v.of || v.of.length > PLAN_LIMITS.keyLengthMax)
      fail(`variant[${i}].of`, `must be a plan id of 1-${PLAN_LIMITS.keyLengthMax} characters`);
    if (v.of === planId) fail(`variant[${i}].of`, 'must name another plan, not this one');
    if (!v.why.trim()) fail(`variant[${i}].why`, 'must say why this plan is a variant');
    allowed.text(`variant[${i}].why`, v.why);
  });
}

/** The smaller sections: the ASC baseline (one at most), DFG joint agreements, narratives, condition statements. */
function validateStatements(content: Partial<PlanContent>, allowed: Allowed): void {
  content.ascBaseline?.forEach((b, i) => allowed.money(`ascBaseline[${i}].baselinePence`, b.baselinePence));
  if ((content.ascBaseline?.length ?? 0) > 1) fail('ascBaseline', 'holds one baseline at most');
  content.dfgJointAgreements?.forEach((a, i) => allowed.year(`dfgJointAgreements[${i}].year`, a.year));
  content.narratives?.forEach((n, i) => allowed.text(`narratives[${i}].text`, n.text));
  content.conditionStatements?.forEach((c, i) => {
    if (!allowed.conditions.has(c.condition))
      fail(`conditionStatements[${i}].condition`, `must be one of ${[...allowed.conditions].join(', ')}`);
    allowed.text(`conditionStatements[${i}].text`, c.text);
  });
}

/**
 * Refuses (with the field's JSON path) the first thing in the given sections that the reference data or the
 * area does not allow; the sections are checked in a fixed order, so the same document gives the same refusal.
 */
export function validateContent(
  content: Partial<PlanContent>,
  reference: PlanningReference,
  area: AreaFacts,
  /** The plan's own id, which a declared variant may not name. */
  planId?: string,
): void {
  const allowed = new Allowed(reference, area);
  validateKeys(content);
  if (content.contributions) validateContributions(content.contributions, allowed);
  if (content.dfgPassDown) validateDfgPassDown(content.dfgPassDown, allowed);
  if (content.schemes) validateSchemes(content.schemes, allowed);
  if (content.metrics) validateMetrics(content.metrics, allowed);
  if (content.risks) validateRisks(content.risks, allowed);
  if (content.statedTotals) validateStatedTotals(content.statedTotals, allowed);
  validateStatements(content, allowed);
  validateSingles(content, allowed, planId);
}
