import { HttpException } from '@nestjs/common';

export interface FieldProblem {
  /** JSON path of the field: `name`, `codes[0].value`, `body`, or a header such as `If-Match`. */
  field: string;
  reason: string;
}

/** An RFC 9457 problem, thrown anywhere and written as application/problem+json by ProblemDetailsFilter. */
export class Problem extends HttpException {
  constructor(
    status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail, status);
  }
}

export const invalidRequest = (errors: FieldProblem[]): Problem =>
  new Problem(
    400,
    'invalid-request',
    'The request is not valid',
    errors.map((error) => `${error.field}: ${error.reason}`).join('; '),
    errors,
  );
