import { CalendarDate, isCalendarDate, isVisibleText, refuse } from '@bcl/kernel';
import { QuarterlyReturnState, ReturnEvent, ReturnSignOff } from './quarterly-return';
import { writableReturn } from './return-guards';

export interface SubmitReturn {
  /** ISO 8601 instant with its offset, e.g. `2016-11-25T11:42:00Z`. */
  submittedAt: string;
  /** e.g. `email to england.bettercaresupport@nhs.net`. */
  channel: string;
  fileName: string;
}

/** What submitting reads besides the command: governance's sign-off and the blocking checks that fail. */
export interface SubmitFacts {
  /** The complete approval of a version of this return, if any (governance). */
  signOff: ReturnSignOff | null;
  blocking: { checkId: string; message: string }[];
  /** The effective date of the return's latest event (its last fill, validation or amendment), if known. */
  lastChangedOn?: CalendarDate | null;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Whether text is an ISO 8601 instant: a real date, a time and an offset (`Z` or ±hh:mm). */
export const isIsoInstant = (text: string): boolean => {
  const match = INSTANT.exec(text);
  return match !== null && isCalendarDate(match[1]) && !Number.isNaN(Date.parse(text));
};

/**
 * Records the return sent to NHS England: its current version, signed off and with no blocking check
 * failing. After it the return never changes. `late` (submitted after the deadline, Q2) is a finding, never a
 * refusal.
 */
export function submitReturn(
  state: QuarterlyReturnState | undefined,
  command: SubmitReturn,
  facts: SubmitFacts,
): ReturnEvent[] {
  const current = writableReturn(state);
  if (!isIsoInstant(command.submittedAt))
    refuse(
      'invalid',
      'submittedAt',
      'must be an ISO 8601 instant with its offset, e.g. 2016-11-25T11:42:00Z',
    );
  if (!isVisibleText(command.channel)) refuse('invalid', 'channel', 'must say how the return was sent');
  if (!isVisibleText(command.fileName)) refuse('invalid', 'fileName', 'must name the file sent');
  const { signOff } = facts;
  if (signOff === null || signOff.version !== current.version)
    refuse(
      'conflict',
      'returnId',
      `version ${current.version} is not signed off${signOff ? ` (the approval '${signOff.approvalId}' is of version ${signOff.version})` : ''}`,
    );
  const sentOn = command.submittedAt.slice(0, 10);
  const before = [
    { on: signOff.on, what: `its sign-off ('${signOff.approvalId}')` },
    ...(facts.lastChangedOn ? [{ on: facts.lastChangedOn, what: 'its last recorded change' }] : []),
  ].find((earlier) => sentOn < earlier.on);
  if (before)
    refuse(
      'invalid',
      'submittedAt',
      `${sentOn} is before ${before.what} on ${before.on}: a return is sent once signed off`,
    );
  if (facts.blocking.length > 0)
    refuse(
      'conflict',
      'returnId',
      `blocking checks fail: ${facts.blocking.map((b) => `${b.checkId} (${b.message})`).join('; ')}`,
    );
  return [
    {
      type: 'ReturnSubmitted',
      data: {
        returnId: current.returnId,
        version: current.version,
        submittedAt: command.submittedAt,
        deadline: current.deadline,
        late: Date.parse(command.submittedAt) > Date.parse(current.deadline.at),
        channel: command.channel.trim(),
        fileName: command.fileName.trim(),
        approvalId: signOff.approvalId,
      },
    },
  ];
}
