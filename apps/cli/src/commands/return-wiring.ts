import { EventStore } from '@bcl/event-store';
import { FinancialYear, Quarter, Recorded, Viewpoint } from '@bcl/kernel';
import {
  FieldValue,
  ReturnCheck,
  ReturnEvent,
  ReturnTemplate,
  ReturnUnderCheck,
  ReturnView,
  checkReturn,
  importIntoReturn,
  issueReturn,
  returnView,
  valueProblems,
} from '@bcl/domain-returns';
import {
  DocumentAmendment,
  IssueFacts,
  ValueRules,
  gatherIssueFacts,
  loadLaterAmendments,
  loadReturnEvents,
  readReturnTemplate,
  returnTemplateDirectory,
} from '@bcl/quarterly-returns';
import { cliConfigFromEnv } from '../config';

/**
 * What the return commands need from the libraries, in one place: the commands take it as a parameter, so that
 * their specs can run them over a small made-up template and lifecycle (return.command.fixtures.ts).
 */
export interface ReturnWiring {
  readReturnTemplate(version: string): ReturnTemplate;
  loadReturnEvents(store: EventStore, returnId: string): Promise<Recorded<ReturnEvent>[]>;
  loadLaterAmendments(store: EventStore, view: ReturnView): Promise<Recorded<ReturnEvent>[]>;
  gatherIssueFacts(
    store: EventStore,
    input: { areaId: string; financialYear: FinancialYear; quarter: Quarter; template: ReturnTemplate },
  ): Promise<IssueFacts>;
  /** The return as its events (and, as restated, the later returns' amendments) show it from a viewpoint. */
  returnViewOf(
    events: Recorded<ReturnEvent>[],
    options: { basis: ReturnView['basis']; viewpoint: Viewpoint; later: Recorded<ReturnEvent>[] },
  ): ReturnView | null;
  /** `ReturnIssued` for a return not yet issued (refused when the previous quarter's is not submitted). */
  decideIssue(input: {
    areaId: string;
    financialYear: FinancialYear;
    quarter: Quarter;
    template: ReturnTemplate;
    facts: IssueFacts;
  }): ReturnEvent[];
  /**
   * The events an import records: one `ReturnFieldsEntered` of the values (if any), then one
   * `PriorQuarterAmended` per amendment, versions in sequence; `CellsRefused` (one problem per cell) or a
   * DomainError when refused.
   */
  decideImport(
    view: ReturnView,
    template: ReturnTemplate,
    input: { values: Record<string, FieldValue>; amendments: DocumentAmendment[] },
    actor: string,
  ): ReturnEvent[];
  checkReturn(input: ReturnUnderCheck): ReturnCheck[];
  /** The value rules every imported cell is checked by (`valueProblems` of @bcl/domain-returns). */
  valueProblems: ValueRules;
}

/** The functions the commands run with: the libraries'. */
export const RETURN_WIRING: ReturnWiring = {
  readReturnTemplate: (version) =>
    readReturnTemplate(version, returnTemplateDirectory(cliConfigFromEnv().returnTemplateDir)),
  loadReturnEvents,
  loadLaterAmendments: async (store, view) =>
    (await loadLaterAmendments(store, view.returnId)).flatMap((later) => later.events),
  // Issued from the CLI: pre-populated with what the ledger holds today.
  gatherIssueFacts: (store, input) =>
    gatherIssueFacts(
      store,
      { ...input, on: new Date().toISOString().slice(0, 10) },
      cliConfigFromEnv().returnDeadlines,
    ),
  returnViewOf: (events, { basis, viewpoint, later }) =>
    returnView(events, basis === 'as-restated' ? { viewpoint, restatedBy: later } : { viewpoint }),
  decideIssue: ({ areaId, financialYear, quarter, template, facts }) =>
    issueReturn(
      undefined,
      { areaId, financialYear, quarter, templateVersion: template.templateVersion },
      { template, ...facts },
    ),
  decideImport: (view, template, { values, amendments }, actor) =>
    importIntoReturn({ ...view, revision: 0 }, { values, amendments, by: actor }, template),
  checkReturn,
  valueProblems,
};
