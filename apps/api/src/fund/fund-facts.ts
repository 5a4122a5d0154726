import { Inject, Injectable } from '@nestjs/common';
import { EventStore, foldStream } from '@bcl/event-store';
import { AgreementState, agreementStream, evolveAgreement } from '@bcl/domain-fund';
import {
  evolveHwbArea,
  evolveOrganisation,
  evolvePost,
  hwbAreaStream,
  organisationStream,
  postStream,
} from '@bcl/domain-registry';
import { EVENT_STORE } from '../ledger/ledger.tokens';

/** What pooled-fund commands and queries are checked against, from the streams that own each fact. */
@Injectable()
export class FundFacts {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async agreement(agreementId: string): Promise<AgreementState | undefined> {
    return (await foldStream(this.store, agreementStream(agreementId), evolveAgreement)).state;
  }

  async organisationsExist(ids: string[]): Promise<Set<string>> {
    const found = await Promise.all(
      ids.map(async (id) =>
        (await foldStream(this.store, organisationStream(id), evolveOrganisation)).state ? id : null,
      ),
    );
    return new Set(found.filter((id): id is string => id !== null));
  }

  async postExists(postId: string): Promise<boolean> {
    return (await foldStream(this.store, postStream(postId), evolvePost)).state !== undefined;
  }

  async areaExists(areaId: string): Promise<boolean> {
    return (await foldStream(this.store, hwbAreaStream(areaId), evolveHwbArea)).state !== undefined;
  }
}
