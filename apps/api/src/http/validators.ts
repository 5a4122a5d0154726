import { ValidationOptions, registerDecorator } from 'class-validator';
import { isCalendarDate } from '@bcl/domain-registry';

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
