import { EventStore, readWholeStream } from '@bcl/event-store';
import { Recorded } from '@bcl/kernel';
import {
  Cell,
  CellsRefused,
  ReturnCheck,
  ReturnEvent,
  ReturnView,
  returnIdOf,
  returnStream,
} from '@bcl/domain-returns';
import { UsageError } from '../cli-context';
import { ReturnWiring } from './return-wiring';
import {
  FILE_TEMPLATE,
  standInValueRules,
} from '../../../../libs/quarterly-returns/src/return-workbook.fixtures';

/**
 * Stand-ins for the lifecycle's fold and decisions, the store reads and the template's checks (their helpers'
 * code was not merged when the return commands were written), so that the command specs test the commands' own
 * work against a real SQLite ledger: issue-then-fill, one line per refused cell, exit codes, files written and
 * read. A minimal fold: issue, entries and amendments, and (as restated) the later returns' amendments.
 */
function fold(
  events: Recorded<ReturnEvent>[],
  basis: ReturnView['basis'],
  knownAt: string | undefined,
  later: Recorded<ReturnEvent>[],
): ReturnView | null {
  const known = events.filter((e) => knownAt === undefined || e.recordedAt <= knownAt);
  const issued = known[0];
  if (!issued || issued.type !== 'ReturnIssued') return null;
  const view: ReturnView = {
    ...issued.data,
    version: 1,
    cells: { ...issued.data.prepopulated },
    amendments: [],
    validation: null,
    submitted: null,
    status: 'issued',
    basis,
    restatements: [],
    recordedAt: { issued: issued.recordedAt, lastChanged: issued.recordedAt },
  };
  for (const event of known.slice(1)) {
    const from = { kind: 'entered', stream: event.stream, revision: event.revision, position: null } as const;
    if (event.type === 'ReturnFieldsEntered') {
      for (const [field, value] of Object.entries(event.data.values)) view.cells[field] = { value, from };
      view.version = event.data.version;
      view.status = 'in-completion';
    }
    if (event.type === 'PriorQuarterAmended') {
      view.cells[event.data.field] = { value: event.data.amendedValue, from: { ...from, kind: 'amended' } };
      view.amendments.push({ ...event.data, revision: event.revision });
      view.version = event.data.version;
    }
  }
  if (basis === 'as-restated')
    for (const event of later)
      if (event.type === 'PriorQuarterAmended') {
        const { stream, revision } = event;
        view.cells[event.data.field] = {
          value: event.data.amendedValue,
          from: { kind: 'amended', stream, revision, position: null },
        };
        view.restatements.push({ ...event.data, stream, revision, position: null });
      }
  return view;
}

const readEvents = async (store: EventStore, returnId: string) =>
  (await readWholeStream(store, returnStream(returnId))).map(
    (e) =>
      ({
        ...e,
        metadata: e.metadata as unknown as Record<string, unknown>,
      }) as unknown as Recorded<ReturnEvent>,
  );

/** A Q1 figure carried into Q2 (previously returned). */
export const carriedQ1: Cell = {
  value: 500_00,
  from: {
    kind: 'previous-return',
    returnId: 'southend-on-sea-2016-17-q1',
    stream: 's',
    revision: 3,
    position: null,
  },
};

/** The stand-in wiring the return command specs run with. */
export const STAND_IN_WIRING: ReturnWiring = {
  readReturnTemplate: (version) => {
    if (version !== FILE_TEMPLATE.templateVersion) throw new UsageError(`no template ${version}`);
    return FILE_TEMPLATE;
  },
  loadReturnEvents: readEvents,
  loadLaterAmendments: async (store, view) => {
    const later: Recorded<ReturnEvent>[] = [];
    for (let quarter = view.quarter + 1; quarter <= 4; quarter += 1)
      for (const event of await readEvents(store, returnIdOf(view.areaId, view.financialYear, quarter as 4)))
        if (event.type === 'PriorQuarterAmended' && event.data.targetReturnId === view.returnId)
          later.push(event);
    return later;
  },
  gatherIssueFacts: async (_store, { quarter }) => ({
    prepopulated: {
      'cover.hwb': {
        value: 'Southend-on-Sea',
        from: { kind: 'ledger', description: 'area name', stream: 'a', revision: 0, position: null },
      },
      ...(quarter > 1 ? { 'ie.income.actual.q1': carriedQ1 } : {}),
    },
    previous: null,
    deadline: FILE_TEMPLATE.quarters.Q1.deadline,
  }),
  returnViewOf: (events, { basis, viewpoint, later }) => fold(events, basis, viewpoint.knownAt, later),
  decideIssue: ({ areaId, financialYear, quarter, template, facts }) => [
    {
      type: 'ReturnIssued',
      data: {
        returnId: returnIdOf(areaId, financialYear, quarter),
        areaId,
        financialYear,
        quarter,
        templateVersion: template.templateVersion,
        previousReturnId: quarter > 1 ? returnIdOf(areaId, financialYear, (quarter - 1) as 1) : null,
        deadline: facts.deadline,
        prepopulated: facts.prepopulated,
      },
    },
  ],
  decideImport: (view, template, { values, amendments }, actor) => {
    const problems = standInValueRules(template, view.quarter, values);
    if (problems.length > 0) throw new CellsRefused(problems);
    const events: ReturnEvent[] = [];
    let version = view.version;
    if (Object.keys(values).length > 0)
      events.push({
        type: 'ReturnFieldsEntered',
        data: { returnId: view.returnId, version: ++version, enteredBy: actor, values },
      });
    for (const a of amendments)
      events.push({
        type: 'PriorQuarterAmended',
        data: {
          returnId: view.returnId,
          version: ++version,
          field: a.field,
          targetQuarter: 1,
          targetReturnId: 'southend-on-sea-2016-17-q1',
          previousValue: view.cells[a.field]?.value ?? null,
          amendedValue: a.value,
          amendedBy: actor,
          reason: a.reason,
        },
      });
    return events;
  },
  valueProblems: standInValueRules,
  // stands in for the template's Q6 rule: a 'No' answer needs an explanation
  checkReturn: ({ cells, returnId }) =>
    ['1', '2'].map((c): ReturnCheck => {
      const status = cells[`conditions.${c}.status`]?.value;
      const explanation = cells[`conditions.${c}.explanation`];
      const fails = (status === 'No' || status === 'No - In Progress') && !explanation?.value;
      return {
        checkId: `Q6:conditions.${c}`,
        rule: 'Q6',
        kind: 'rule',
        severity: 'blocking',
        outcome: fails ? 'fail' : 'pass',
        section: 'conditions',
        message: fails ? `condition ${c} is '${String(status)}' without an explanation` : 'answered',
        source: 'test',
        cells: [
          {
            field: `conditions.${c}.explanation`,
            returnId,
            value: explanation?.value ?? null,
            from: explanation?.from ?? carriedQ1.from,
          },
        ],
      };
    }),
};
