import { ArgumentMetadata, Injectable, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, invalidRequest } from '@bcl/application';

/** Flattens class-validator errors into `field: reason` pairs with JSON paths (`codes[0].value`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      reason:
        constraint === 'whitelistValidation'
          ? 'is not a known field'
          : message.replace(`${error.property} `, ''),
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/**
 * Validates bodies and queries against their DTO classes: unknown fields are refused, types are not coerced
 * except query strings declared as numbers. A body that is not a JSON object is refused as a whole.
 */
@Injectable()
export class StrictValidationPipe implements PipeTransform {
  private readonly inner = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalidRequest(fieldProblems(errors)),
  });

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value)))
      throw invalidRequest([{ field: 'body', reason: 'must be a JSON object' }]);
    return this.inner.transform(value, metadata);
  }
}
