import { Inject, Injectable } from '@nestjs/common';
import { CalendarDate, FinancialYear, effectiveDateOf } from '@bcl/kernel';
import { EventStore } from '@bcl/event-store';
import {
  QuarterlyReturnState,
  ReturnCheck,
  ReturnSignOff,
  ReturnTemplate,
  SignOffObstacle,
  checkReturn,
  foldReturn,
  returnUnderCheck,
  signOffObstacles,
} from '@bcl/domain-returns';
import {
  loadReturnEvents,
  loadYearReturns,
  readReturnTemplate,
  returnTemplateDirectory,
} from '@bcl/quarterly-returns';
import { LEDGER_SETTINGS, LedgerSettings } from '../ledger-settings';
import { EVENT_STORE } from '../event-log/event-log.tokens';
import { StreamFacts } from '../event-log/stream-facts';
import { Problem } from '../problem';
import { todayInEngland } from '../business-dates';

/** The template version of a financial year's returns: `bcf-quarterly-<year>`. */
export const templateVersionOf = (year: FinancialYear): string => `bcf-quarterly-${year}`;

/** 404 naming the return. */
export const returnNotIssued = (returnId: string): Problem =>
  new Problem(404, 'not-found', 'Not found', `return '${returnId}' is not issued`);

/**
 * What governance asks of a quarterly return when it is signed off (instrument kind `quarterly-return`, id =
 * the return id): its current version, and what stops that version being signed off on a date (its blocking
 * checks, or that it is already submitted). The returns' use cases ask it the same: the template, the state,
 * the checks and the sign-offs recorded. Needs only the global event-log providers, so governance's module may
 * provide it too.
 */
@Injectable()
export class ReturnContext {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly streams: StreamFacts,
    @Inject(LEDGER_SETTINGS) private readonly config: LedgerSettings,
  ) {}

  /** Deadlines replacing the templates' (LEDGER_RETURN_DEADLINES), as configured. */
  get deadlines(): string | undefined {
    return this.config.returnDeadlines;
  }

  /** The template version's reference data; 422 naming the version when the ledger holds none. */
  template(version: string): ReturnTemplate {
    try {
      return readReturnTemplate(version, returnTemplateDirectory(this.config.returnTemplateDir));
    } catch {
      throw new Problem(422, 'domain-invalid', 'No return template', `no return template '${version}'`, [
        // the reason, never the server's file paths
        {
          field: 'financialYear',
          reason: `no template ${version} is held: a return for another year needs its template file (docs/quarterly-returns.md)`,
        },
      ]);
    }
  }

  /** The return's state now; undefined when it was never issued. */
  async state(returnId: string): Promise<QuarterlyReturnState | undefined> {
    return foldReturn(await loadReturnEvents(this.store, returnId));
  }

  /** The latest effective date of the return's events (its issue, fills, validations, amendments). */
  async lastChangedOn(returnId: string): Promise<CalendarDate | null> {
    const dates = (await loadReturnEvents(this.store, returnId))
      .map((event) => effectiveDateOf(event))
      .filter((date): date is CalendarDate => date !== null);
    return dates.length === 0 ? null : dates.reduce((latest, date) => (date > latest ? date : latest));
  }

  /** The return's current version; a 404 Problem when no such return is recorded. */
  async currentVersion(returnId: string): Promise<number> {
    const state = await this.state(returnId);
    if (!state) throw returnNotIssued(returnId);
    return state.version;
  }

  /** The area the return is for (a chair signs only for their own Board's area). */
  async areaOf(returnId: string): Promise<string | null> {
    return (await this.state(returnId))?.areaId ?? null;
  }

  /** The complete (and, if provisional, ratified) approvals governance recorded of the return's versions. */
  async signOffs(returnId: string): Promise<ReturnSignOff[]> {
    const approvals = await this.streams.approvals({ kind: 'quarterly-return', id: returnId });
    return (approvals?.approvals ?? []).flatMap((a) =>
      a.complete && a.instrument.version !== null && (a.provisionalConditions === null || a.ratified)
        ? [
            {
              approvalId: a.approvalId,
              version: a.instrument.version,
              signedBy: a.actorPersonId,
              actingPostId: a.actingPostId,
              on: a.effectiveOn,
            },
          ]
        : [],
    );
  }

  /** Every check of the return (template rules and consistency), read as completed on `on`. */
  async checks(state: QuarterlyReturnState, on: CalendarDate = todayInEngland()): Promise<ReturnCheck[]> {
    const earlier = (await loadYearReturns(this.store, state.areaId, state.financialYear))
      .filter((q) => q.quarter < state.quarter)
      .flatMap((q) => foldReturn(q.events) ?? []);
    return checkReturn(returnUnderCheck(this.template(state.templateVersion), state, earlier, on));
  }

  /** The blocking checks failing (template rules and consistency checks the template makes blocking). */
  async blockingFailures(state: QuarterlyReturnState, on?: CalendarDate): Promise<ReturnCheck[]> {
    return (await this.checks(state, on)).filter((c) => c.severity === 'blocking' && c.outcome === 'fail');
  }

  /**
   * What stops the current version being signed off on `on`: each blocking check failing, and that the return
   * is already submitted; none for a return the ledger does not hold (governance then refuses on the version).
   */
  async signOffObstacles(returnId: string, on: CalendarDate): Promise<SignOffObstacle[]> {
    const state = await this.state(returnId);
    if (!state) return [];
    const failing = (await this.blockingFailures(state, on)).map(({ checkId, message }) => ({
      checkId,
      message,
    }));
    return signOffObstacles(state, failing);
  }
}
