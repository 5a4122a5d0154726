import { refuse } from '@bcl/kernel';
import { Declarations, MeetingEvent, MeetingState } from './meeting';

/** Declarations of interest, or an explicit "none declared"; each by someone present, on an agenda item. */
export function declareInterests(
  state: MeetingState | undefined,
  command: Declarations & { meetingId: string },
): MeetingEvent[] {
  if (!state) return refuse('not-found', 'meetingId', `meeting '${command.meetingId}' is not recorded`);
  if (!state.attendance) return refuse('conflict', 'meetingId', 'record the attendance before declarations');
  if (state.declarations)
    refuse('conflict', 'meetingId', 'declarations are already recorded for this meeting');
  if (command.noneDeclared === command.declarations.length > 0)
    refuse(
      'invalid',
      'noneDeclared',
      command.noneDeclared
        ? 'cannot be true while declarations are listed'
        : 'set true, or list the declarations',
    );
  const present = state.attendance.present.map((member) => member.personId);
  command.declarations.forEach((declaration, index) => {
    if (!present.includes(declaration.personId))
      refuse('invalid', `declarations[${index}].personId`, `'${declaration.personId}' was not present`);
    if (!state.agenda.some((item) => item.itemNo === declaration.itemNo))
      refuse('invalid', `declarations[${index}].itemNo`, `item '${declaration.itemNo}' is not on the agenda`);
  });
  return [{ type: 'InterestsDeclared', data: { ...command } }];
}
