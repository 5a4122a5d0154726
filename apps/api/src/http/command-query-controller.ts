import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { WriteResult } from '../event-log/event-log-writer';
import { setEtag } from './etag';
import { WriteRequest } from './write-context';

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
   * created, if given), then answers the query showing the result.
   */
  protected async write<T>(
    command: object,
    request: WriteRequest,
    then: object,
    location?: string,
  ): Promise<T> {
    const result = await this.commands.execute<object, WriteResult>(command);
    setEtag(request.response, result.revision);
    if (location) request.response.setHeader('Location', location);
    return this.queries.execute<object, T>(then);
  }
}
