import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Response } from 'express';
import { WriteResult } from '../ledger/ledger-writer';
import { setEtag } from './etag';

/** DTO instances (nested ones included) as the plain JSON the event store records. */
export const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A controller that turns HTTP into commands and queries, answering each write with what it changed. */
@Injectable()
export abstract class CommandQueryController {
  constructor(
    protected readonly commands: CommandBus,
    protected readonly queries: QueryBus,
  ) {}

  /** Runs a command, sets the ETag to the revision it wrote, then answers the query showing the result. */
  protected async write<T>(command: object, response: Response, then: object): Promise<T> {
    const result = await this.commands.execute<object, WriteResult>(command);
    setEtag(response, result.revision);
    return this.queries.execute<object, T>(then);
  }
}
