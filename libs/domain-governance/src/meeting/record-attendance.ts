import { refuse } from '@bcl/kernel';
import { Attendance, MeetingEvent, MeetingState } from './meeting';

/**
 * Who was present (Chairman and Vice-Chairman flagged), who sent apologies, who substituted for whom, and the
 * officers in attendance. A substitute stands for a member whose apology is recorded (brief G3).
 */
export function recordAttendance(
  state: MeetingState | undefined,
  command: Attendance & { meetingId: string },
  facts: { personExists(personId: string): boolean },
): MeetingEvent[] {
  if (!state) return refuse('not-found', 'meetingId', `meeting '${command.meetingId}' is not recorded`);
  if (state.attendance) refuse('conflict', 'meetingId', 'attendance is already recorded for this meeting');
  if (command.present.length === 0) refuse('invalid', 'present', 'name at least one member present');
  const everyone = [
    ...command.present.map((p, i) => [p.personId, `present[${i}].personId`] as const),
    ...command.apologies.map((id, i) => [id, `apologies[${i}]`] as const),
    ...command.inAttendance.map((o, i) => [o.personId, `inAttendance[${i}].personId`] as const),
  ];
  const seen = new Set<string>();
  for (const [personId, field] of everyone) {
    if (!facts.personExists(personId)) refuse('not-found', field, `person '${personId}' is not registered`);
    if (seen.has(personId)) refuse('invalid', field, `'${personId}' is listed twice in the attendance`);
    seen.add(personId);
  }
  command.present.forEach((member, index) => {
    if (member.substituteFor !== null && !command.apologies.includes(member.substituteFor))
      refuse(
        'invalid',
        `present[${index}].substituteFor`,
        `'${member.substituteFor}' must be among the apologies for a substitute to stand in`,
      );
  });
  for (const capacity of ['chair', 'vice-chair'] as const)
    if (command.present.filter((member) => member.capacity === capacity).length > 1)
      refuse('invalid', 'present', `only one member can be ${capacity}`);
  return [{ type: 'MeetingAttendanceRecorded', data: { ...command } }];
}
