import { CalendarDate, FinancialYear, Quarter } from '@bcl/kernel';
import { EventStore, StoredEvent, foldEvents, readWholeStream } from '@bcl/event-store';
import {
  Cell,
  Deadline,
  Prepopulation,
  QuarterlyReturnState,
  ReturnTemplate,
  ValueSource,
  returnIdOf,
} from '@bcl/domain-returns';
import { hwbAreaStream } from '@bcl/domain-registry';
import { agreementStream, evolveAgreement, pooledFundStream } from '@bcl/domain-fund';
import { loadPlan } from '@bcl/plan-import';
import { planVersions } from '@bcl/domain-plans';
import { loadReturnEvents } from './return-repository';
import { foldReturn, quarterFields } from '@bcl/domain-returns';
import { planIdOf } from '@bcl/fund-reports';

/** What issuing a return gathers from the ledger before the pure decision. */
export interface IssueFacts {
  /** Every field with a `prepopulate`, pre-filled with its source (null with a ledger source when none was recorded). */
  prepopulated: Record<string, Cell>;
  /** The previous quarter's return of the same year (null for Q1, or when it was never issued). */
  previous: QuarterlyReturnState | null;
  deadline: Deadline;
}

/** The request a return is issued for, with its template. */
export interface IssueRequest {
  areaId: string;
  financialYear: FinancialYear;
  quarter: Quarter;
  template: ReturnTemplate;
  /** The issue's date: only figures stated by then are pre-filled (absent: every statement recorded). */
  on?: CalendarDate;
}

/** The setting holding deadlines that replace the template's: `{ "<templateVersion>": { "Q1": "<ISO>" } }`. */
export const DEADLINES_SETTING = 'LEDGER_RETURN_DEADLINES';

/**
 * The quarter's deadline: `LEDGER_RETURN_DEADLINES`' entry for the template version and quarter where it has
 * one (its source says so), else the template's own. A malformed setting is an error naming it.
 */
export function deadlineOf(template: ReturnTemplate, quarter: Quarter, setting?: string): Deadline {
  if (setting) {
    let map: unknown;
    try {
      map = JSON.parse(setting);
    } catch {
      throw new Error(
        `${DEADLINES_SETTING} is not JSON: expected {"<template version>": {"Q1": "<ISO 8601>"}}`,
      );
    }
    const at = (map as Record<string, Record<string, unknown> | undefined>)?.[template.templateVersion]?.[
      `Q${quarter}`
    ];
    if (at !== undefined) {
      if (typeof at !== 'string' || Number.isNaN(Date.parse(at)))
        throw new Error(
          `${DEADLINES_SETTING} ${template.templateVersion} Q${quarter} is not an ISO 8601 instant`,
        );
      return { at, source: null, assumed: `configured by ${DEADLINES_SETTING}` };
    }
  }
  return { ...template.quarters[`Q${quarter}`].deadline };
}

const fromEvent = (event: StoredEvent, description: string): ValueSource => ({
  kind: 'ledger',
  description,
  stream: event.stream,
  revision: event.revision,
  position: event.position.toString(),
});
const notRecorded = (description: string): Cell => ({
  value: null,
  from: {
    kind: 'ledger',
    description: `${description}: nothing was recorded`,
    stream: null,
    revision: null,
    position: null,
  },
});

/** Whole pounds, in pence (the template shows pounds): halves away from zero, in integers. */
export function toWholePounds(pence: number): number {
  const remainder = pence % 100;
  const down = pence - remainder;
  if (remainder >= 50) return down + 100;
  if (remainder <= -50) return down - 100;
  return down;
}

/**
 * The pool of an area for a year: the pool-year opened under a section 75 agreement of the area (the lowest id
 * when there are several); null when none is. Reads the log's `PooledFundYearOpened` events, then the agreements.
 */
export async function poolOfArea(
  store: EventStore,
  areaId: string,
  year: FinancialYear,
): Promise<string | null> {
  const opened: { poolId: string; agreementId: string }[] = [];
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after });
    for (const event of page.events)
      if (event.type === 'PooledFundYearOpened' && event.data['year'] === year)
        opened.push({ poolId: String(event.data['poolId']), agreementId: String(event.data['agreementId']) });
    if (page.isEnd || page.events.length === 0) break;
    after = page.lastPosition;
  }
  const ofArea = await Promise.all(
    opened.map(async (pool) => {
      const agreement = foldEvents(
        await readWholeStream(store, agreementStream(pool.agreementId)),
        evolveAgreement,
      );
      return agreement?.areaId === areaId ? pool.poolId : null;
    }),
  );
  return ofArea.filter((id): id is string => id !== null).sort()[0] ?? null;
}

type FigureKey = { basis: string; line: string; quarter: Quarter | null };
const figureKey = (k: FigureKey) => `${k.basis}/${k.line}/${k.quarter ?? 'year'}`;

/**
 * The last statement of each pool-level figure of the pool-year, by basis, line and quarter, stated by `on`
 * (a figure recorded without a statement date counts from any date).
 */
async function statedFigures(store: EventStore, poolId: string, year: FinancialYear, on?: CalendarDate) {
  const figures = new Map<string, StoredEvent>();
  for (const event of await readWholeStream(store, pooledFundStream(poolId, year)))
    if (
      event.type === 'FundFigureStated' &&
      event.data['subject'] === 'pool' &&
      (on === undefined || typeof event.data['statedOn'] !== 'string' || event.data['statedOn'] <= on)
    )
      figures.set(figureKey(event.data as unknown as FigureKey), event);
  return figures;
}

/** The area's plan metric targets for the year: the quarter's where stated, else the year's. */
async function planMetrics(store: EventStore, areaId: string, year: FinancialYear, quarter: Quarter) {
  const planId = planIdOf(areaId, year);
  const { events } = await loadPlan(store, planId);
  const state = planVersions(events, {}).at(-1)?.state;
  const last = events.at(-1);
  if (!state || !last) return null;
  return (metric: string): Cell | undefined => {
    const stated =
      state.content.metrics.find((m) => m.metric === metric && m.period === `${year} Q${quarter}`) ??
      state.content.metrics.find((m) => m.metric === metric && m.period === year);
    if (!stated) return undefined;
    const description = `plan ${planId} version ${state.version}: ${metric} ${stated.period}`;
    return { value: stated.statedValue, from: fromEvent(last as unknown as StoredEvent, description) };
  };
}

/**
 * Everything a return is pre-filled with when issued, each value with the ledger event it came from: the HWB's
 * name (registry), the pool-year's stated pooled budget and plan/forecast/actual figures (fund), the area's plan
 * metric targets (plans), and the previous quarter's return (for carried values); and the deadline.
 */
export async function gatherIssueFacts(
  store: EventStore,
  { areaId, financialYear, quarter, template, on }: IssueRequest,
  deadlines?: string,
): Promise<IssueFacts> {
  const areaEvents = await readWholeStream(store, hwbAreaStream(areaId));
  const poolId = await poolOfArea(store, areaId, financialYear);
  const figures = poolId
    ? await statedFigures(store, poolId, financialYear, on)
    : new Map<string, StoredEvent>();
  const metric = await planMetrics(store, areaId, financialYear, quarter);
  const poolName = poolId
    ? `pool ${poolId} ${financialYear}`
    : `the pool of ${areaId} ${financialYear} (none opened)`;

  const figureCell = (key: FigureKey, what: string): Cell => {
    const event = figures.get(figureKey(key));
    if (!event) return notRecorded(`${what} of ${poolName}${on ? ` stated by ${on}` : ''}`);
    const pence = Number(event.data['amountPence']);
    return {
      value: toWholePounds(pence),
      from: fromEvent(event, `${what} of ${poolName} (${String(event.data['figureId'])})`),
    };
  };
  const prepopulate = (p: Prepopulation): Cell | undefined => {
    switch (p.from) {
      case 'hwb-name': {
        const named = areaEvents.filter((e) => typeof e.data['name'] === 'string').at(-1);
        return named
          ? { value: String(named.data['name']), from: fromEvent(named, `name of HWB area ${areaId}`) }
          : notRecorded(`name of HWB area ${areaId}`);
      }
      case 'pooled-fund-total':
        return figureCell({ basis: 'plan', line: 'pooled-fund', quarter: null }, 'stated pooled budget');
      case 'fund-figure':
        return figureCell(
          { basis: p.basis, line: p.direction, quarter: p.quarter },
          `stated ${p.basis} ${p.direction} Q${p.quarter}`,
        );
      case 'plan-metric':
        return metric?.(p.metric);
      case 'reference':
        return undefined;
    }
  };
  const prepopulated: Record<string, Cell> = {};
  for (const field of quarterFields(template, quarter)) {
    const cell = field.prepopulate && prepopulate(field.prepopulate);
    if (cell) prepopulated[field.id] = cell;
  }
  const previous =
    quarter === 1
      ? null
      : (foldReturn(
          await loadReturnEvents(store, returnIdOf(areaId, financialYear, (quarter - 1) as Quarter)),
        ) ?? null);
  return { prepopulated, previous, deadline: deadlineOf(template, quarter, deadlines) };
}
