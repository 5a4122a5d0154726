import { Inject, Injectable } from '@nestjs/common';
import { Evidence, NO_EVIDENCE_GIVEN } from '@bcl/kernel';
import {
  Actor,
  EventMetadata,
  EventStore,
  JsonObject,
  NewEvent,
  StoredEvent,
  WrongExpectedRevisionError,
  derivedEventId,
  newEventId,
  foldEvents,
  readWholeStream,
} from '@bcl/event-store';
import { ProjectionRunner } from '@bcl/service-store';
import { Problem } from '../problem';
import { EVENT_STORE, PROJECTIONS } from './event-log.tokens';

/** Who is acting, why, and how the request is tied to others: everything but the command itself. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  reason: string;
  /** What the change rests on: citations, or assumed with why (absent: recorded as assumed, saying none was cited). */
  evidence?: Evidence;
  /** The Idempotency-Key header: event ids are derived from it, so a retry appends nothing new. */
  idempotencyKey?: string;
  /**
   * The hash of the request that carried the Idempotency-Key (method, path, If-Match and body; not the
   * correlation id): recorded in the events' metadata, so a retry is recognised from the log alone.
   */
  requestHash?: string;
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
  /** True when the log already held this write (same Idempotency-Key and request): nothing new was appended. */
  replayed?: boolean;
  /**
   * Set by a handler whose write may or may not create (a plan import): true when it began a resource (or a
   * new version of one), so the HTTP shell answers 201 rather than the route's 200.
   */
  created?: boolean;
}

/**
 * Thrown after the events were recorded when the answer cannot show them yet (a read model is behind, or a
 * side record failed): the HTTP shell answers 202 with what was recorded, never a 5xx.
 */
export class RecordedButNotReadable extends Error {
  constructor(
    readonly result: WriteResult,
    readonly why: string,
  ) {
    super(`${result.stream} revision ${result.revision} was recorded, but ${why}`);
  }
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
    const result = await this.record(decision);
    if (decision.awaitViews !== false && result.position !== null) await this.awaitViews(result);
    return result;
  }

  /** Waits until every projection has applied the write; if one has not, the write stays recorded (202). */
  /**
   * After a recorded write, the record beside the log it needs (a vault entry), then the views. A failure of the
   * side record is answered 202 (recorded) with `failure` and how to repair it: retry with the same key.
   */
  async completeBesideTheLog(
    result: WriteResult,
    sideRecord: () => Promise<void>,
    failure: string,
  ): Promise<WriteResult> {
    try {
      await sideRecord();
    } catch (error) {
      throw new RecordedButNotReadable(
        result,
        `${failure} (${(error as Error).message}); retry with the same Idempotency-Key to complete it`,
      );
    }
    await this.awaitViews(result);
    return result;
  }

  async awaitViews(result: WriteResult): Promise<void> {
    if (result.position === null) return;
    try {
      await Promise.all(this.projections.map((projection) => projection.waitFor(result.position!)));
    } catch (error) {
      throw new RecordedButNotReadable(
        result,
        `the read model has not caught up (${(error as Error).message})`,
      );
    }
  }

  /**
   * Decides and appends. With an Idempotency-Key, a write the log already holds (its events carry the ids
   * derived from the key) is answered as the original, before deciding and after any refusal of the append,
   * so a retry after a crash, or a duplicate racing the first attempt, never conflicts with itself.
   */
  private async record<S, E extends { type: string; data: object }, F>(
    decision: Decision<S, E, F>,
  ): Promise<WriteResult> {
    const { context } = decision;
    const { state, revision, facts, decided, original } = await this.decide(decision);
    if (original) return original;
    if (decided.length === 0) return { stream: decision.stream, revision, position: null };
    const metadata: EventMetadata = {
      actor: context.actor,
      correlationId: context.correlationId,
      reason: context.reason,
      evidence: { ...(context.evidence ?? NO_EVIDENCE_GIVEN) },
    };
    if (context.idempotencyKey) metadata.idempotencyKey = context.idempotencyKey;
    if (context.idempotencyKey && context.requestHash) metadata.requestHash = context.requestHash;
    const effectiveOn =
      typeof decision.effectiveOn === 'function' ? decision.effectiveOn(state, facts) : decision.effectiveOn;
    if (effectiveOn) metadata.validTime = effectiveOn;
    const events: NewEvent[] = decided.map((event, index) => ({
      eventId: context.idempotencyKey ? this.derivedId(decision, index) : newEventId(),
      type: event.type,
      data: event.data as JsonObject,
      metadata,
    }));
    try {
      const appended = await this.store.append(
        decision.stream,
        events,
        revision === -1 ? 'no-stream' : revision,
      );
      return {
        stream: decision.stream,
        revision: appended.lastRevision,
        position: appended.lastPosition,
        ...(appended.replayed ? { replayed: true } : {}),
      };
    } catch (error) {
      if (context.idempotencyKey) {
        const stored = await readWholeStream(this.store, decision.stream);
        const recorded = this.originalWrite(decision, stored);
        if (recorded) return recorded;
      }
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
  }

  private derivedId(decision: { stream: string; context: CommandContext }, index: number): string {
    const { actor, idempotencyKey } = decision.context;
    return derivedEventId(`${actor.id}\n${idempotencyKey}\n${decision.stream}\n${index}`);
  }

  /**
   * The write this key already recorded in the stream, as its original answer; undefined when there is none.
   * The same key with a different request (its recorded request hash differs) is refused with 422.
   */
  private originalWrite(
    decision: { stream: string; context: CommandContext },
    stored: StoredEvent[],
  ): WriteResult | undefined {
    const { context } = decision;
    if (!context.idempotencyKey) return undefined;
    const first = this.derivedId(decision, 0);
    const start = stored.findIndex((event) => event.eventId === first);
    if (start === -1) return undefined;
    let last = stored[start]!;
    for (let index = 1; stored[start + index]?.eventId === this.derivedId(decision, index); index += 1)
      last = stored[start + index]!;
    const recordedHash = last.metadata.requestHash;
    if (typeof recordedHash === 'string' && context.requestHash && recordedHash !== context.requestHash)
      throw keyReused(context.idempotencyKey);
    return { stream: decision.stream, revision: last.revision, position: last.position, replayed: true };
  }

  private async decide<S, E extends { type: string; data: object }, F>(decision: Decision<S, E, F>) {
    const stored = await readWholeStream(this.store, decision.stream);
    const original = this.originalWrite(decision, stored);
    if (original)
      return { state: undefined, revision: original.revision, facts: undefined as F, decided: [], original };
    const state = foldEvents(stored, decision.evolve);
    const revision = stored.length - 1;
    const { ifMatch } = decision.context;
    if (ifMatch !== undefined && ifMatch !== revision) throw preconditionFailed(decision.stream, revision);
    const facts = (decision.gather ? await decision.gather(state) : undefined) as F;
    return { state, revision, facts, decided: decision.decide(state, facts), original: undefined };
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

function keyReused(key: string): Problem {
  return new Problem(
    422,
    'idempotency-key-reused',
    'The Idempotency-Key was used for another request',
    `key '${key}' was first used for a different request; use a new key`,
    [{ field: 'Idempotency-Key', reason: 'was used before with a different method, path or body' }],
  );
}
