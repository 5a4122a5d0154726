import {
  Controller,
  ExecutionContext,
  Injectable,
  Logger,
  applyDecorators,
  createParamDecorator,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Actor } from '@bcl/event-store';
import { Evidence, evidenceProblem } from '@bcl/kernel';
import { actorOf } from '../auth/actor';
import { CommandContext, RecordedButNotReadable, WriteResult } from '@bcl/application';
import { ifMatchRevision, setEtag } from './etag';
import { invalidRequest } from '@bcl/application';

/**
 * The HTTP shell's one write path. A write route is a `CommandQueryController` method that takes its body DTO
 * and `@WriteContext() request`, builds the command with `request.because(reason)`, and returns
 * `this.write(command, request, query)`: the command runs, the ETag is the revision it wrote, and the answer is
 * the query showing the result.
 */

/** What a write route needs from its request besides the body: who acts, the headers, and the response. */
export interface WriteRequest {
  /** The actor, from the verified token only. */
  readonly actor: Actor;
  readonly response: Response;
  /** The command context: actor, correlation id, Idempotency-Key and If-Match, with the reason the body gives. */
  because(reason: string): CommandContext;
}

/**
 * The one way a write route turns its request into a command context: `@WriteContext() write: WriteRequest`.
 * Headers are read when `because` is called, so a malformed If-Match is refused after the body is validated.
 */
export const WriteContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): WriteRequest => {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const actor = actorOf(context);
    return {
      actor,
      response: http.getResponse<Response>(),
      because: (reason) => commandContext(request, actor, reason),
    };
  },
);

/**
 * The evidence a write's body gives (`evidence`: citations, or assumed with why), or undefined where it gives
 * none (the writer then records it as assumed, saying no source was cited). Bad evidence is a 400 naming the
 * field, before any command runs.
 */
export function evidenceOfRequest(request: Request): Evidence | undefined {
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null || Buffer.isBuffer(body) || !('evidence' in body))
    return undefined;
  const evidence = (body as { evidence: unknown }).evidence;
  const problem = evidenceProblem(evidence);
  if (problem) throw invalidRequest([problem]);
  const { citations, assumed } = evidence as Evidence;
  return { citations: [...citations], assumed };
}

/**
 * Builds a command's context from the authenticated actor and the request headers; of the body, only the
 * `evidence` every write may give.
 */
export function commandContext(request: Request, actor: Actor, reason: string): CommandContext {
  const key = request.headers['idempotency-key'];
  const evidence = evidenceOfRequest(request);
  return {
    actor,
    reason,
    ...(evidence ? { evidence } : {}),
    correlationId: request.correlationId,
    ifMatch: ifMatchRevision(request),
    idempotencyKey: typeof key === 'string' ? key : undefined,
    requestHash: request.idempotencyRequestHash,
  };
}

/** DTO instances (nested ones included) as the plain JSON the event store records. */
export const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A controller that turns HTTP into commands and queries, answering each write with what it changed. */
@Injectable()
export abstract class CommandQueryController {
  constructor(
    protected readonly commands: CommandBus,
    protected readonly queries: QueryBus,
  ) {}

  /**
   * The one write helper: runs a command, sets the ETag to the revision it wrote (and the Location of what it
   * created, if given), then answers the query showing the result. Once the events are recorded the answer is
   * 2xx: if the result cannot be shown yet (a read model is behind), 202 says what was recorded.
   */
  protected async write<T>(
    command: object,
    request: WriteRequest,
    then: object,
    location?: string,
  ): Promise<T | RecordedAnswer> {
    let result: WriteResult;
    try {
      result = await this.commands.execute<object, WriteResult>(command);
    } catch (error) {
      if (error instanceof RecordedButNotReadable) return recordedAnswer(request, error, location);
      throw error;
    }
    setEtag(request.response, result.revision);
    if (location) request.response.setHeader('Location', location);
    if (result.created) request.response.status(201);
    if (result.replayed) request.response.setHeader('Idempotency-Replayed', 'true');
    try {
      return await this.queries.execute<object, T>(then);
    } catch (error) {
      if (result.position === null) throw error; // nothing was recorded: the error is the answer
      logger.warn(
        `recorded ${result.stream} revision ${result.revision}, but the answer failed: ${String(error)}`,
      );
      return recordedAnswer(
        request,
        new RecordedButNotReadable(result, `the answer could not be read (${(error as Error).message})`),
        location,
      );
    }
  }
}

const logger = new Logger('http');

/** The 202 body: what was recorded, and that the read model does not show it yet. */
export interface RecordedAnswer {
  recorded: true;
  readModel: 'behind';
  stream: string;
  revision: number;
  position: string | null;
  location?: string;
  detail: string;
}

/** 202 Accepted with the stream, revision and position recorded, `Location`, and `Ledger-Read-Model: behind`. */
function recordedAnswer(
  request: WriteRequest,
  recorded: RecordedButNotReadable,
  location?: string,
): RecordedAnswer {
  const { result } = recorded;
  const response = request.response;
  response.status(202);
  setEtag(response, result.revision);
  if (location) response.setHeader('Location', location);
  response.setHeader('Ledger-Read-Model', 'behind');
  if (result.replayed) response.setHeader('Idempotency-Replayed', 'true');
  return {
    recorded: true,
    readModel: 'behind',
    stream: result.stream,
    revision: result.revision,
    position: result.position === null ? null : result.position.toString(),
    ...(location ? { location } : {}),
    detail: `the change is recorded (${result.stream} revision ${result.revision}), but ${recorded.why}; it will show when the read model catches up: read ${location ?? 'it'} again later (a retry with the same Idempotency-Key records nothing twice)`,
  };
}

/**
 * Keeps a route's OpenAPI operationId as it was when the route lived in the context's one controller
 * (`<Controller>_<method>`, Nest's default), so clients generated from the document keep their method names
 * now that each write route has a use-case file of its own.
 */
export const OperationId = (controller: string, method: string) =>
  ApiOperation({ operationId: `${controller}_${method}`, summary: undefined });

/** A write use case's route class: under `/api/<tag>`, in the OpenAPI tag of its context, with a bearer token and an optional Idempotency-Key. */
export const WriteRoutes = (tag: string) =>
  applyDecorators(
    ApiTags(tag),
    ApiBearerAuth(),
    ApiHeader({ name: 'Idempotency-Key', required: false }),
    Controller(tag),
  );
