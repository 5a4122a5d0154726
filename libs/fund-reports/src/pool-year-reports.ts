import {
  Evidence,
  FinancialYear,
  Viewpoint as PlanViewpoint,
  evidenceOf,
  knownBy,
  spreadsheetText,
  yearBounds,
} from '@bcl/kernel';
import ExcelJS from 'exceljs';
import { EventStore, foldEvents, readWholeStream } from '@bcl/event-store';
import { loadPlan } from '@bcl/plan-import';
import { planVersions } from '@bcl/domain-plans';
import { factEvidenceOf, factsSummary } from './fact-evidence';
import {
  Finding,
  LedgerTotalsIndex,
  PlanFigures,
  PoolYearRecord,
  PooledFundState,
  Viewpoint,
  agreementAsAt,
  agreementStream,
  certificationPack,
  evolveAgreement,
  evolvePooledFund,
  fundPosition,
  pooledFundStream,
  reconcile,
} from '@bcl/domain-fund';

/** The planning cycle a financial year falls in: the two-year 2017-19 plans cover 2017-18 and 2018-19. */
const cycleOf = (year: FinancialYear): string =>
  year === '2017-18' || year === '2018-19' ? '2017-19' : year;

/** The id a plan import gives the area's BCF plan covering the year: `<area>-<cycle>`. */
export const planIdOf = (areaId: string, year: FinancialYear): string => `${areaId}-${cycleOf(year)}`;

/**
 * Where a fund report stands, as a viewpoint on the plan (docs/time-travel.md): on the effective axis, the plan
 * as at the report's date (no date asked: the plan of any date, as the report counts figures of any statement
 * date); on the recorded axis, as recorded by the end of that day (UTC); and as known at `knownAt`, either way.
 */
export function planViewpoint(viewpoint: Viewpoint): PlanViewpoint {
  const endOfDay = `${viewpoint.asAt}T23:59:59.999Z`;
  const knownAt =
    viewpoint.axis === 'recorded' && (viewpoint.knownAt === undefined || endOfDay < viewpoint.knownAt)
      ? endOfDay
      : viewpoint.knownAt;
  const asAt =
    viewpoint.axis === 'effective' && viewpoint.figuresAsAt !== null
      ? (viewpoint.figuresAsAt ?? viewpoint.asAt)
      : undefined;
  return { ...(asAt !== undefined ? { asAt } : {}), ...(knownAt !== undefined ? { knownAt } : {}) };
}

/**
 * The BCF plan of the agreement's area for the year, if the event log holds one (by the import's default id,
 * `<area>-<cycle>`), as seen from the report's viewpoint (`planViewpoint`; none given: as it is now): its
 * contributions, scheme spend and DFG pass-down for the year, to reconcile with the fund's books. Null when the
 * plan had no version in effect, or none recorded, from that viewpoint.
 */
export async function loadPlanFigures(
  store: EventStore,
  areaId: string,
  year: FinancialYear,
  viewpoint: PlanViewpoint = {},
): Promise<PlanFigures | null> {
  const planId = planIdOf(areaId, year);
  const state = planVersions((await loadPlan(store, planId)).events, viewpoint).at(-1)?.state;
  if (!state) return null;
  const spendLines = state.content.schemes.flatMap((s) => s.spend).filter((line) => line.year === year);
  const inYear = <T extends { amountsPence: Record<string, number> }>(entries: T[]) =>
    entries.filter((e) => e.amountsPence[year] !== undefined);
  return {
    planId,
    version: state.version,
    contributions: inYear(state.content.contributions).map((c) => ({
      partnerId: c.contributorId,
      source: c.source,
      amountPence: c.amountsPence[year]!,
    })),
    schemeSpendPence: spendLines.length === 0 ? null : spendLines.reduce((sum, l) => sum + l.amountPence, 0),
    dfgPassDown: inYear(state.content.dfgPassDown).map((d) => ({
      districtId: d.districtId,
      amountPence: d.amountsPence[year]!,
    })),
  };
}

/**
 * A stream's events as the ledger knew them at `knownAt` (all when absent), and its current revision: its first
 * events, up to the first one recorded after `knownAt`. An event appended after another cannot have been known
 * before it, even when its writer's clock was behind (two writers' clocks apart): counting it would fold, say, a
 * reversal without the posting it reverses.
 */
async function readKnownStream(store: EventStore, stream: string, knownAt?: string) {
  const events = await readWholeStream(store, stream);
  const firstUnknown = events.findIndex((e) => !knownBy(knownAt, e));
  return { known: firstUnknown < 0 ? events : events.slice(0, firstUnknown), revision: events.length - 1 };
}

/**
 * Folds a stream as the ledger knew it at `knownAt` (only the events recorded by then; all when absent), with the
 * stream's current revision (what a write's If-Match expects, whatever the viewpoint).
 */
export async function foldKnownAt<S, E extends { type: string; data: object }>(
  store: EventStore,
  stream: string,
  evolve: (state: S | undefined, event: E) => S,
  knownAt?: string,
): Promise<{ state: S | undefined; revision: number }> {
  const { known, revision } = await readKnownStream(store, stream, knownAt);
  return { state: foldEvents(known, evolve), revision };
}

/**
 * A pool-year's record and its agreement, read from their streams as known at `knownAt` (absent: now);
 * undefined when the year is not opened (or was not yet recorded as opened).
 */
export async function loadPoolYear(store: EventStore, poolId: string, year: FinancialYear, knownAt?: string) {
  const { known, revision } = await readKnownStream(store, pooledFundStream(poolId, year), knownAt);
  const state = foldEvents(known, evolvePooledFund);
  if (!state) return undefined;
  const { agreement, termsEvidence } = await loadAgreementOf(store, state.agreementId, knownAt);
  return { state, agreement, revision, termsEvidence, facts: factEvidenceOf(known, termsEvidence) };
}

/** A pool-year's agreement as known at `knownAt` (absent: now), and the evidence of each version's terms. */
export async function loadAgreementOf(store: EventStore, agreementId: string, knownAt?: string) {
  const terms = (await readKnownStream(store, agreementStream(agreementId), knownAt)).known;
  const agreement = foldEvents(terms, evolveAgreement)!;
  const termsEvidence: Record<string, Evidence> = {};
  for (const event of terms)
    termsEvidence[(event.data as { variationId: string }).variationId] = evidenceOf(event);
  return { agreement, termsEvidence };
}

/**
 * A pool-year as read: with `totals` (its transactions summed per day) when read through the `PoolYearCache`,
 * so its position is a sum of days rather than a fold of every posting, and `places` (each transaction's index in
 * the ledger, by id; shared by the cache's reads, so it may hold places beyond this read's transactions), so a
 * page of the transactions finds what its rows name without a pass over them all.
 */
export type LoadedPoolYear = NonNullable<Awaited<ReturnType<typeof loadPoolYear>>> & {
  totals?: LedgerTotalsIndex;
  places?: ReadonlyMap<string, number>;
};

/**
 * A pool-year as a position and a reconciliation read it: as loaded, or without its transactions, its ledger
 * summed per day (`PoolYearLedgers`, from the fund-totals projection).
 */
export type LoadedPoolYearLedger = Omit<LoadedPoolYear, 'state' | 'places'> & {
  state: PoolYearRecord;
  places?: ReadonlyMap<string, number>;
};

/** The last day of the year: the default "as at" of a pool-year's reports. */
export const yearEnd = (year: FinancialYear): string => {
  const end = new Date(`${yearBounds(year).end}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
};

/**
 * The agreement's terms a pool-year's position and reconciliation rest on (the version in effect at the
 * viewpoint) and their evidence: a position resting on assumed terms (a stand-in host, risk share or underspend
 * rule) says so.
 */
export function termsBasis({ state, agreement, termsEvidence }: LoadedPoolYearLedger, viewpoint: Viewpoint) {
  const version = agreementAsAt(agreement, viewpoint.asAt);
  if (!version) return null;
  const evidence = termsEvidence[version.variationId] ?? evidenceOf({});
  const restsOnAssumedTerms = evidence.assumed !== null;
  return {
    agreementId: state.agreementId,
    variationId: version.variationId,
    effectiveOn: version.effectiveOn,
    evidence,
    restsOnAssumedTerms,
    note: restsOnAssumedTerms
      ? `rests on assumed terms: ${evidence.assumed}`
      : `rests on the agreement's cited terms (${evidence.citations.join('; ')})`,
  };
}

/** The fund position of a pool-year, under the agreement's terms in effect at the viewpoint, and what they rest on. */
export function poolYearPosition(loaded: LoadedPoolYearLedger, viewpoint: Viewpoint) {
  const { state, agreement } = loaded;
  return {
    ...fundPosition(state, agreementAsAt(agreement, viewpoint.asAt)?.terms ?? null, viewpoint, loaded.totals),
    terms: termsBasis(loaded, viewpoint),
    facts: factsSummary(loaded, viewpoint),
  };
}

/**
 * Position, reconciliation (with the area's plan, when held) and certification pack, from one viewpoint; the
 * pack is made when first read, and only of a pool-year read with its transactions (it lists the reversals).
 */
export function poolYearReports(
  loaded: LoadedPoolYearLedger,
  plan: PlanFigures | null,
  viewpoint: Viewpoint,
) {
  const { state, agreement } = loaded;
  const version = agreementAsAt(agreement, viewpoint.asAt);
  const terms = version?.terms ?? null;
  const basis = termsBasis(loaded, viewpoint);
  const position = {
    ...fundPosition(state, terms, viewpoint, loaded.totals),
    terms: basis,
    facts: factsSummary(loaded, viewpoint),
  };
  const rules = (terms?.contributionRules ?? [])
    .filter((r) => r.poolId === state.poolId && (r.year === null || r.year === state.year))
    .map((r) => ({ ...r, variationId: version!.variationId }));
  const reconciliation = {
    ...reconcile(state, position, viewpoint, plan, rules, loaded.facts, loaded.totals),
    terms: basis,
  };
  let certification: ReturnType<typeof certificationPack> | undefined;
  return {
    position,
    reconciliation,
    /** Made when first read (it lists the reversals, a pass over every transaction): the pages do not read it. */
    get certification() {
      if (state.transactions === undefined)
        throw new Error('the certification pack lists the transactions: read the pool-year with them');
      return (certification ??= certificationPack(
        state as PooledFundState,
        position,
        reconciliation.findings,
      ));
    },
  };
}

const MONEY = '£#,##0.00;[Red]-£#,##0.00';

/**
 * The reconciliation as a workbook a finance officer can open: a summary sheet and one row per finding.
 * Text is written as string cells (never formulas), escaped as the CSV is (`spreadsheetText`); money as numbers.
 */
export async function reconciliationWorkbook(report: ReturnType<typeof reconcile>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Better Care Ledger';
  const summary = workbook.addWorksheet('Summary');
  summary.addRows([
    ['Pool', spreadsheetText(report.poolId)],
    ['Financial year', report.year],
    ['As at', report.asAt],
    ['Time axis', report.axis],
    ['Rounding tolerance (£)', report.roundingTolerancePence / 100],
    ['Agree', report.summary.agrees],
    ['Rounding', report.summary.rounding],
    ['Discrepancy', report.summary.discrepancy],
    ['Not checkable', report.summary.notCheckable],
    ['Resting on assumed facts', report.findingsRestingOnAssumed],
  ]);
  summary.getColumn(1).width = 26;
  const sheet = workbook.addWorksheet('Findings');
  sheet.columns = [
    { header: 'Check', key: 'check', width: 30 },
    { header: 'Subject', key: 'subject', width: 36 },
    { header: 'Quarter', key: 'quarter', width: 8 },
    { header: 'Stated (£)', key: 'stated', width: 16, style: { numFmt: MONEY } },
    { header: 'Stated by', key: 'statedBy', width: 50 },
    { header: 'Computed (£)', key: 'computed', width: 16, style: { numFmt: MONEY } },
    { header: 'Computed from', key: 'from', width: 44 },
    { header: 'Difference (£)', key: 'difference', width: 16, style: { numFmt: MONEY } },
    { header: 'Difference (pence)', key: 'differencePence', width: 18 },
    { header: 'Classification', key: 'classification', width: 14 },
    { header: 'Missing', key: 'missing', width: 44 },
    { header: 'Rests on assumed', key: 'restsOnAssumed', width: 16 },
    { header: 'Evidence', key: 'evidence', width: 80 },
  ];
  report.findings.forEach((f: Finding) =>
    sheet.addRow({
      check: spreadsheetText(f.check),
      subject: spreadsheetText(f.subject),
      quarter: f.quarter,
      stated: f.stated.amountPence / 100,
      statedBy: spreadsheetText(f.stated.source),
      computed: f.computed.amountPence === null ? null : f.computed.amountPence / 100,
      from: spreadsheetText(f.computed.from),
      difference: f.differencePence === null ? null : f.differencePence / 100,
      differencePence: f.differencePence,
      classification: spreadsheetText(f.classification),
      missing: f.missing ? spreadsheetText(f.missing) : null,
      restsOnAssumed: f.evidence ? (f.evidence.restsOnAssumed ? 'yes' : 'no') : null,
      evidence: f.evidence ? spreadsheetText(f.evidence.note) : null,
    }),
  );
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
