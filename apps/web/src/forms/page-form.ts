import { createHash, randomUUID } from 'node:crypto';
import { Request } from 'express';
import { Role } from '@bcl/identity';
import { CommandContext, ProblemBody, actorFrom, problemOf } from '@bcl/application';

/**
 * What the pages' forms share: the command context a form's POST is recorded under, and a refusal shown as the
 * GOV.UK error summary (each field's reason linked to its input), never a half-recorded act.
 */

/** A fresh key for a form as it is rendered (a hidden `formKey`): sending the same form twice records once. */
export const newFormKey = (): string => randomUUID();

/**
 * The command context of a form's POST: the actor from the page session only (never the form), the authority
 * is the first of the session's roles the page allows, the form's `formKey` as the Idempotency-Key.
 */
export function formCommandContext(
  request: Request,
  allowed: readonly Role[],
  reason: string,
  formKey: unknown,
): CommandContext {
  const body = { ...(request.body as Record<string, unknown>) };
  delete body._csrf;
  const key = typeof formKey === 'string' && /^[0-9a-f-]{36}$/.test(formKey) ? formKey : undefined;
  return {
    actor: actorFrom(request.identity!, allowed),
    correlationId: request.correlationId,
    reason,
    ...(key
      ? {
          idempotencyKey: `page-form:${key}`,
          requestHash: createHash('sha256')
            .update(`${request.method} ${request.path}\n${JSON.stringify(body)}`)
            .digest('hex'),
        }
      : {}),
  };
}

/** One line of the GOV.UK error summary: its text, and the `#id` of the input it is about. */
export interface ErrorSummaryItem {
  text: string;
  href: string;
}

/**
 * A refusal as the error summary: each field problem linked to the input `inputIds` names for that field (a
 * field the form does not show is linked to the summary's first input), and the problem's detail when it names
 * no field. The summary is what the API would have answered, in the same words.
 */
export function errorSummaryOf(
  exception: unknown,
  inputIds: Record<string, string>,
  instance: string,
): { problem: ProblemBody; errorList: ErrorSummaryItem[]; fieldErrors: Record<string, string> } {
  const problem = problemOf(exception, instance);
  const first = Object.values(inputIds)[0] ?? 'main-content';
  const fieldErrors: Record<string, string> = {};
  const errorList = (problem.errors ?? []).map(({ field, reason }) => {
    const id = inputIds[field] ?? inputIds[field.split(/[.[]/)[0] ?? ''] ?? first;
    fieldErrors[id] ??= reason;
    return { text: `${field}: ${reason}`, href: `#${id}` };
  });
  if (errorList.length === 0) errorList.push({ text: problem.detail, href: `#${first}` });
  return { problem, errorList, fieldErrors };
}
