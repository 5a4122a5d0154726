import {
  CALENDAR_DATE_RULE,
  FINANCIAL_YEAR_RULE,
  ID_PATTERN,
  isCalendarDate,
  isFinancialYear,
  isInstant,
  normaliseText,
  textProblem,
  TEXT_LIMITS,
} from '@bcl/kernel';
import { Transform } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidationOptions,
  registerDecorator,
} from 'class-validator';

/** A real calendar date, YYYY-MM-DD, within the kernel's years. */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: CALENDAR_DATE_RULE, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

/** An ISO 8601 date-time with a time zone on a real date (a `knownAt` instant). */
export function IsInstant(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName,
      options: {
        message: 'must be an ISO 8601 date-time with a time zone, such as 2026-01-01T00:00:00Z',
        ...options,
      },
      validator: { validate: (value: unknown) => isInstant(value) },
    });
}

/** A financial year such as 2016-17, within the kernel's years. */
export function IsFinancialYear(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isFinancialYear',
      target: target.constructor,
      propertyName,
      options: { message: FINANCIAL_YEAR_RULE, ...options },
      validator: { validate: (value: unknown) => isFinancialYear(value) },
    });
}

const ID_MESSAGE = `must be lower-case letters, digits and hyphens, at most ${TEXT_LIMITS.idLengthMax} characters`;
/** A caller-chosen id (the registry's pattern); `each` for arrays of ids. */
export const IsId = (each = false) => Matches(ID_PATTERN, { message: ID_MESSAGE, each });

/** Several property decorators as one. */
export const applyAll =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((decorator) => decorator(target, key));

/**
 * An instrument version (1 to 1,000,000), required: the checks run in this order and the first failing one is
 * the reason given (a missing version is "is required", not a bound).
 */
export const IsVersion = (): PropertyDecorator =>
  applyAll(
    IsDefined({ message: 'is required: name the version' }),
    IsInt({ message: 'must be a whole number' }),
    Min(1),
    Max(1_000_000),
  );

const nfc = (value: unknown): unknown =>
  typeof value === 'string'
    ? normaliseText(value)
    : Array.isArray(value)
      ? value.map((item: unknown) => (typeof item === 'string' ? normaliseText(item) : item))
      : value;

/** The kernel's text hygiene (textProblem) as a validator: its reason is the message. */
function IsCleanText(multiline: boolean, each: boolean): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { each },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !textProblem(value, { multiline }),
        defaultMessage: (args) => {
          const texts: unknown[] = Array.isArray(args?.value) ? args.value : [args?.value];
          const problems = texts.map((text) => typeof text === 'string' && textProblem(text, { multiline }));
          return problems.find((problem) => problem) || 'must be text';
        },
      },
    });
}

/**
 * A name, reason or other free text of 1 to `lengthMax` characters: a string with a visible character, no
 * control characters (a `multiline` field allows `\n` only), no lone surrogates and no bidirectional
 * overrides or isolates; stored in Unicode NFC. `each` for arrays of texts.
 */
export const IsText = (lengthMax: number, options: { multiline?: boolean; each?: boolean } = {}) =>
  applyAll(
    Transform(({ value }) => nfc(value)),
    IsString({ each: options.each }),
    Length(1, lengthMax, { each: options.each }),
    IsCleanText(options.multiline ?? false, options.each ?? false),
  );
