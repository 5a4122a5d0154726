import { Request, Response } from 'express';
import { Problem } from '@bcl/application';
import { errorSummaryOf, newFormKey } from '../../forms/page-form';

/** What the decisions forms share: the acting person, sending a command, and showing a form. */

/** The acting person: the page session's only (a form never names who acts). */
export function personOf(request: Request): string {
  const personId = request.identity?.personId;
  if (typeof personId !== 'string')
    throw new Problem(
      403,
      'no-person',
      'Your session names no person',
      'approvals and consultations are recorded by the person who acts: sign in with your person id',
    );
  return personId;
}

/**
 * Sends the command; a refusal re-renders the form (`reshow`, with the refusal's status and error summary) and
 * answers false, recording nothing. A fault (5xx) is not a refusal: it is thrown on to the error page.
 */
export async function sendForm(
  request: Request,
  inputs: Record<string, string>,
  command: () => Promise<unknown>,
  reshow: (status: number, summary: Record<string, unknown>) => Promise<void> | void,
): Promise<boolean> {
  try {
    await command();
    return true;
  } catch (error) {
    const { problem, errorList, fieldErrors } = errorSummaryOf(error, inputs, request.path);
    if (problem.status >= 500) throw error;
    await reshow(problem.status, { errorList, fieldErrors });
    return false;
  }
}

/** Renders `features/decisions/<form>-form.njk` with a fresh form key. */
export function renderForm(
  response: Response,
  status: number,
  form: string,
  context: Record<string, unknown>,
): void {
  response.status(status).render(`features/decisions/${form}-form.njk`, {
    section: 'decisions',
    formKey: newFormKey(),
    ...context,
  });
}
