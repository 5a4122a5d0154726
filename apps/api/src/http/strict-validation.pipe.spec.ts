import 'reflect-metadata';
import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { Problem } from '@bcl/application';
import { AsAtQueryDto } from './common.dto';
import { IdParam, MemberParams } from './id-param';
import { STRICT_VALIDATION, StrictValidationPipe } from './strict-validation.pipe';
import { ValidationFastPath } from './validation-fast-path';
import { PlanDiffQueryDto } from '../plans/dto/plan.dto';
import { PoolYearParams } from '../fund/dto/fund.dto';

/** What a pipe gives for a value: the instance (class and fields) or the problem it refuses it with. */
async function outcome(
  pipe: { transform(v: unknown, m: ArgumentMetadata): unknown },
  value: unknown,
  metadata: ArgumentMetadata,
) {
  try {
    const result = (await pipe.transform(value, metadata)) as object;
    return { class: result.constructor.name, fields: { ...result } };
  } catch (error) {
    return {
      problem: error instanceof Problem ? { status: error.getStatus(), errors: error.errors } : String(error),
    };
  }
}

/** A fresh copy with the same prototype (structuredClone's would be of Node's realm, not the test's). */
const copy = (value: unknown): unknown =>
  typeof value === 'object' && value !== null
    ? Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as object, value)
    : value;
const param = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'param', metatype });
const query = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'query', metatype });
const emptyQuery = () => Object.create(null) as object; // as Express parses a URL without a query string

const CASES: Array<[string, unknown, ArgumentMetadata]> = [
  ['a good id', { id: 'bench-0' }, param(IdParam)],
  ['an id with capitals', { id: 'Bench-0' }, param(IdParam)],
  ['an id ending in a hyphen', { id: 'bench-' }, param(IdParam)],
  ['an id too long', { id: 'a'.repeat(70) }, param(IdParam)],
  ['an id that is not a string', { id: 7 }, param(IdParam)],
  ['no id', {}, param(IdParam)],
  ['an id and an unknown parameter', { id: 'a', other: 'b' }, param(IdParam)],
  ['good member params', { id: 'area-1', memberId: 'org-2' }, param(MemberParams)],
  ['member params without the member', { id: 'area-1' }, param(MemberParams)],
  ['member params with a bad member', { id: 'area-1', memberId: 'Org 2' }, param(MemberParams)],
  ['pool-year params (not only patterns)', { poolId: 'kent', year: '2016-17' }, param(PoolYearParams)],
  ['pool-year params with a bad year', { poolId: 'kent', year: '2016' }, param(PoolYearParams)],
  ['an empty query', emptyQuery(), query(AsAtQueryDto)],
  ['an empty query, again', emptyQuery(), query(AsAtQueryDto)],
  ['a query with a bad date', { asAt: '2022-13-01' }, query(AsAtQueryDto)],
  ['a query with an unknown field', { colour: 'red' }, query(AsAtQueryDto)],
  ['an empty query where a field is required', emptyQuery(), query(PlanDiffQueryDto)],
  ['the same, again', emptyQuery(), query(PlanDiffQueryDto)],
];

describe('the strict validation pipe’s fast path', () => {
  it.each(CASES)('gives what the full run gives: %s', async (_name, value, metadata) => {
    const pipe = new StrictValidationPipe();
    // twice through one pipe, so that what it learns from the first (an empty query passes) is used in the second
    const first = await outcome(pipe, copy(value), metadata);
    const second = await outcome(pipe, copy(value), metadata);
    const full = await outcome(new ValidationPipe(STRICT_VALIDATION), copy(value), metadata);
    expect(first).toEqual(full);
    expect(second).toEqual(full);
  });

  it('answers good path ids, and an empty query once one has passed, without the full run', async () => {
    const fastPath = new ValidationFastPath();
    expect(fastPath.answer({ id: 'bench-0' }, param(IdParam))).toBeInstanceOf(IdParam);
    expect(fastPath.answer({ id: 'a', memberId: 'b' }, param(MemberParams))).toBeInstanceOf(MemberParams);
    expect(fastPath.answer({ id: 'Bench' }, param(IdParam))).toBeUndefined();
    expect(fastPath.answer({ poolId: 'kent', year: '2016-17' }, param(PoolYearParams))).toBeUndefined();
    expect(fastPath.answer(emptyQuery(), query(AsAtQueryDto))).toBeUndefined(); // not yet seen to pass
    fastPath.emptyPassed(query(AsAtQueryDto));
    expect(fastPath.answer(emptyQuery(), query(AsAtQueryDto))).toBeInstanceOf(AsAtQueryDto);
    expect(fastPath.answer({ asAt: '2022-07-01' }, query(AsAtQueryDto))).toBeUndefined();
    expect(fastPath.answer(emptyQuery(), { type: 'custom', metatype: AsAtQueryDto })).toBeUndefined();
  });
});
