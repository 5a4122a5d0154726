import { MoneyMovement } from '@bcl/domain-fund';
import { invalidRequest } from '../http/problem';
import { PostTransactionDto } from './dto/fund.dto';

/** The flat request body as the movement its `kind` names; a field that kind needs and lacks is a 400. */
export function toMovement(dto: PostTransactionDto): MoneyMovement {
  const need = <K extends keyof PostTransactionDto>(field: K): NonNullable<PostTransactionDto[K]> => {
    const value = dto[field];
    if (value === undefined || value === null)
      throw invalidRequest([{ field, reason: `is required for a '${dto.kind}' transaction` }]);
    return value as NonNullable<PostTransactionDto[K]>;
  };
  switch (dto.kind) {
    case 'contribution-committed':
    case 'contribution-received':
      return {
        kind: dto.kind,
        partnerId: need('partnerId'),
        source: need('source'),
        amountPence: need('amountPence'),
      };
    case 'allocation':
    case 'expenditure':
      return { kind: dto.kind, schemeId: need('schemeId'), amountPence: need('amountPence') };
    case 'dfg-pass-down':
      return { kind: dto.kind, districtId: need('districtId'), amountPence: need('amountPence') };
    case 'overspend-charged':
      return {
        kind: dto.kind,
        schemeId: need('schemeId'),
        amountPence: need('amountPence'),
        partnerId: dto.partnerId ?? null,
      };
    case 'reserve-set-aside':
    case 'underspend-ring-fenced':
      return { kind: dto.kind, reserve: need('reserve'), amountPence: need('amountPence') };
    case 'reserve-drawn':
      return {
        kind: dto.kind,
        reserve: need('reserve'),
        amountPence: need('amountPence'),
        trigger: need('trigger'),
      };
    case 'carried-forward-in':
      return {
        kind: dto.kind,
        fromYear: need('fromYear'),
        parts: need('parts').map(({ purpose, amountPence }) => ({ purpose, amountPence })),
      };
    case 'carried-forward-out':
      return { kind: dto.kind, toYear: need('toYear'), amountPence: need('amountPence') };
    case 'journal':
      return {
        kind: dto.kind,
        postings: need('postings').map(({ account, amountPence }) => ({ account, amountPence })),
      };
  }
}
