import { CalendarDate, refuse } from '@bcl/kernel';
import { MeetingEvent, MeetingState, Resolution } from './meeting';

export type PassResolution = Omit<Resolution, 'bodyId'>;

export interface ResolutionFacts {
  resolutionExists(resolutionId: string): boolean;
  meeting(meetingId: string): { bodyId: string; date: CalendarDate } | undefined;
  postExists(postId: string): boolean;
}

/** A resolution of a recorded meeting, on one of its agenda items, with its lettered parts verbatim. */
export function passResolution(
  state: MeetingState | undefined,
  command: PassResolution,
  facts: ResolutionFacts,
): MeetingEvent[] {
  if (!state) return refuse('not-found', 'meetingId', `meeting '${command.meetingId}' is not recorded`);
  if (facts.resolutionExists(command.resolutionId))
    refuse('conflict', 'resolutionId', `resolution '${command.resolutionId}' is already recorded`);
  if (command.minuteNo !== null && state.resolutions.some((r) => r.minuteNo === command.minuteNo))
    refuse('conflict', 'minuteNo', `minute ${command.minuteNo} is already recorded at this meeting`);
  if (command.itemNo !== null && !state.agenda.some((item) => item.itemNo === command.itemNo))
    refuse('invalid', 'itemNo', `item '${command.itemNo}' is not on the meeting's agenda`);
  if (command.parts.length === 0) refuse('invalid', 'parts', 'give the resolution text');
  const letters = command.parts.map((part) => part.letter);
  if (command.parts.length > 1 && letters.some((letter) => letter === null))
    refuse('invalid', 'parts', 'a resolution of several parts letters each one');
  letters.forEach((letter, index) => {
    if (letter !== null && letters.indexOf(letter) !== index)
      refuse('invalid', `parts[${index}].letter`, `part (${letter}) appears twice`);
  });
  command.authorises?.posts.forEach((post, index) => {
    if (!facts.postExists(post))
      refuse('not-found', `authorises.posts[${index}]`, `post '${post}' is not in the registry`);
  });
  if (command.approvesMinutesOf !== null) {
    const earlier = facts.meeting(command.approvesMinutesOf);
    if (!earlier)
      refuse('not-found', 'approvesMinutesOf', `meeting '${command.approvesMinutesOf}' is not recorded`);
    else if (earlier.bodyId !== state.bodyId || earlier.date >= state.date)
      refuse('invalid', 'approvesMinutesOf', 'must be an earlier meeting of the same body');
  }
  return [{ type: 'ResolutionPassed', data: { ...command, bodyId: state.bodyId, meetingDate: state.date } }];
}
