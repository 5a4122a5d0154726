import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  EventMetadata,
  EventStore,
  JsonObject,
  NewEvent,
  WrongExpectedRevisionError,
  foldStream,
  derivedEventId,
  newEventId,
} from '@bcl/event-store';
import { ProjectionRunner } from '@bcl/service-store';
import { Problem } from '../http/problem';
import { EVENT_STORE, PROJECTIONS } from './event-log.tokens';

/** Who is acting, why, and how the request is tied to others: everything but the command itself. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  reason: string;
  /** The Idempotency-Key header: event ids are derived from it, so a retry appends nothing new. */
  idempotencyKey?: string;
  /** The If-Match header's revision: the write is refused if the resource has moved on. */
  ifMatch?: number;
}

/**
 * One write: the stream it appends to, how its state folds, the facts it is checked against (gathered first,
 * with I/O), and the decision itself (pure and synchronous, refusing only with a DomainError).
 */
export interface Decision<S, E extends { type: string; data: object }, F = undefined> {
  stream: string;
  evolve: (state: S | undefined, event: E) => S;
  /** Loads what the decision needs beyond its own stream (facts of other streams); may refuse with a DomainError. */
  gather?: (state: S | undefined) => Promise<F>;
  /** Pure and synchronous: the events to record, or a DomainError refusal. */
  decide: (state: S | undefined, facts: F) => E[];
  /** The date the change takes effect, written as the events' validTime: given, or read from the state and facts. */
  effectiveOn?: string | ((state: S | undefined, facts: F) => string | undefined);
  context: CommandContext;
  /**
   * Whether the write waits until every projection has applied it (read-your-writes; default true). A step
   * that the request's own answer does not read, and that the next step of the same request follows, sets
   * false, so a slow read model cannot answer "recorded" for a request that stopped half way.
   */
  awaitViews?: boolean;
}

export interface WriteResult {
  stream: string;
  revision: number;
  /** Position of the last event appended; null when the command decided there was nothing to record. */
  position: bigint | null;
}

/**
 * The command side's one way to the log: load a stream, fold it, let the pure domain decide, append with
 * the expected revision, then wait until the read model includes the change (read-your-writes).
 */
@Injectable()
export class EventLogWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner[],
  ) {}

  /** Loads the stream and gathers the facts, then decides without appending: refuses as `execute` would. */
  async check<S, E extends { type: string; data: object }, F>(decision: Decision<S, E, F>): Promise<void> {
    await this.decide(decision);
  }

  async execute<S, E extends { type: string; data: object }, F>(
    decision: Decision<S, E, F>,
  ): Promise<WriteResult> {
    const { context } = decision;
    const { state, revision, facts, decided } = await this.decide(decision);
    if (decided.length === 0) return { stream: decision.stream, revision, position: null };
    const metadata: EventMetadata = {
      actor: context.actor,
      correlationId: context.correlationId,
      reason: context.reason,
    };
    if (context.idempotencyKey) metadata.idempotencyKey = context.idempotencyKey;
    const effectiveOn =
      typeof decision.effectiveOn === 'function' ? decision.effectiveOn(state, facts) : decision.effectiveOn;
    if (effectiveOn) metadata.validTime = effectiveOn;
    const events: NewEvent[] = decided.map((event, index) => ({
      eventId: context.idempotencyKey
        ? derivedEventId(`${context.actor.id}\n${context.idempotencyKey}\n${decision.stream}\n${index}`)
        : newEventId(),
      type: event.type,
      data: event.data as JsonObject,
      metadata,
    }));
    let result;
    try {
      result = await this.store.append(decision.stream, events, revision === -1 ? 'no-stream' : revision);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const current = error.actual === 'no-stream' ? -1 : error.actual;
      if (context.ifMatch !== undefined) throw preconditionFailed(decision.stream, current);
      throw new Problem(
        409,
        'concurrent-change',
        'The resource changed meanwhile',
        `${decision.stream} changed while this request was being decided; read it again and retry`,
        [],
        { currentRevision: current },
      );
    }
    if (decision.awaitViews === false)
      return { stream: decision.stream, revision: result.lastRevision, position: result.lastPosition };
    try {
      await Promise.all(this.projections.map((projection) => projection.waitFor(result.lastPosition)));
    } catch (error) {
      throw new Problem(
        503,
        'read-model-behind',
        'Recorded, but not yet readable',
        `the change was recorded (${decision.stream} revision ${result.lastRevision}) but the read model has not caught up (${(error as Error).message}); read it again shortly`,
        [],
        { revision: result.lastRevision },
      );
    }
    return { stream: decision.stream, revision: result.lastRevision, position: result.lastPosition };
  }

  private async decide<S, E extends { type: string; data: object }, F>(decision: Decision<S, E, F>) {
    const { state, revision } = await foldStream(this.store, decision.stream, decision.evolve);
    const { ifMatch } = decision.context;
    if (ifMatch !== undefined && ifMatch !== revision) throw preconditionFailed(decision.stream, revision);
    const facts = (decision.gather ? await decision.gather(state) : undefined) as F;
    return { state, revision, facts, decided: decision.decide(state, facts) };
  }
}

function preconditionFailed(stream: string, current: number): Problem {
  return new Problem(
    412,
    'precondition-failed',
    'The resource has changed',
    `If-Match does not match: ${stream} is at revision ${current}`,
    [{ field: 'If-Match', reason: `must be "${current}", the current revision` }],
    { currentRevision: current },
  );
}
