import { ID_PATTERN, isCalendarDate, TEXT_LIMITS } from '@bcl/kernel';
import { Matches, ValidationOptions, registerDecorator } from 'class-validator';

/** A real calendar date, YYYY-MM-DD. */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: 'must be a real date written YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
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
