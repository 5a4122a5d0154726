import { refuse } from '@bcl/kernel';

/**
 * Where a resolution was passed. Each resolution id has a small stream of its own, claimed (expected: no
 * stream) before the meeting records the resolution: a write decision finds a resolution's meeting by folding
 * the log, never a projection, and one id cannot be passed at two meetings.
 */
export interface ResolutionIndex {
  resolutionId: string;
  meetingId: string;
}

export type ResolutionIndexEvent = { type: 'ResolutionIdClaimed'; data: ResolutionIndex };

export const resolutionStream = (resolutionId: string): string => `resolution-${resolutionId}`;

export function evolveResolutionIndex(
  _state: ResolutionIndex | undefined,
  event: ResolutionIndexEvent,
): ResolutionIndex {
  return { resolutionId: event.data.resolutionId, meetingId: event.data.meetingId };
}

/** Claims the id for a meeting; nothing to record when it is already claimed for that meeting (a retry). */
export function claimResolutionId(
  state: ResolutionIndex | undefined,
  command: ResolutionIndex,
): ResolutionIndexEvent[] {
  if (!state)
    return [
      {
        type: 'ResolutionIdClaimed',
        data: { resolutionId: command.resolutionId, meetingId: command.meetingId },
      },
    ];
  if (state.meetingId === command.meetingId) return [];
  return refuse('conflict', 'resolutionId', `resolution '${command.resolutionId}' is already recorded`);
}
