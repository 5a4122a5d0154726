import { CalendarDate, isCalendarDate, refuse } from '@bcl/kernel';
import { AgendaItem, MeetingEvent, MeetingState } from './meeting';

export interface RecordMeeting {
  meetingId: string;
  bodyId: string;
  date: CalendarDate;
  venue: string | null;
  agenda: AgendaItem[];
}

/** A meeting of an established body, with its agenda (item numbers unique). */
export function recordMeeting(
  state: MeetingState | undefined,
  command: RecordMeeting,
  facts: { body: { establishedOn: CalendarDate } | undefined },
): MeetingEvent[] {
  if (state) refuse('conflict', 'meetingId', `meeting '${command.meetingId}' is already recorded`);
  if (!facts.body) return refuse('not-found', 'bodyId', `body '${command.bodyId}' is not established`);
  if (!isCalendarDate(command.date)) refuse('invalid', 'date', 'must be a real date written YYYY-MM-DD');
  if (command.date < facts.body.establishedOn)
    refuse('invalid', 'date', `the body was only established on ${facts.body.establishedOn}`);
  command.agenda.forEach((item, index) => {
    if (command.agenda.findIndex((other) => other.itemNo === item.itemNo) !== index)
      refuse('invalid', `agenda[${index}].itemNo`, `item '${item.itemNo}' is listed twice`);
  });
  return [{ type: 'MeetingRecorded', data: { ...command } }];
}
