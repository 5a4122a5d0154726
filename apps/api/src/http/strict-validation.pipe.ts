import {
  ArgumentMetadata,
  Injectable,
  PipeTransform,
  ValidationError,
  ValidationPipe,
  ValidationPipeOptions,
} from '@nestjs/common';
import { FieldProblem, invalidRequest } from '@bcl/application';
import { ValidationFastPath } from './validation-fast-path';

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

/** The full run's options: unknown fields refused, the first failure of each field reported as a problem. */
export const STRICT_VALIDATION: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => invalidRequest(fieldProblems(errors)),
};

/**
 * Validates bodies and queries against their DTO classes: unknown fields are refused, types are not coerced
 * except query strings declared as numbers. A body that is not a JSON object is refused as a whole. Where the
 * full run is sure to pass (an empty query, path ids: validation-fast-path.ts), its answer is given without it.
 */
@Injectable()
export class StrictValidationPipe implements PipeTransform {
  private readonly inner = new ValidationPipe(STRICT_VALIDATION);

  private readonly fastPath = new ValidationFastPath();

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value)))
      throw invalidRequest([{ field: 'body', reason: 'must be a JSON object' }]);
    const answer = this.fastPath.answer(value, metadata);
    if (answer !== undefined) return answer;
    if (!this.fastPath.isEmptyObject(value)) return this.inner.transform(value, metadata);
    return this.inner.transform(value, metadata).then((result: unknown) => {
      this.fastPath.emptyPassed(metadata);
      return result;
    });
  }
}
