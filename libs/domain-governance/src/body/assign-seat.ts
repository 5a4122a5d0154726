import { CalendarDate, refuse } from '@bcl/kernel';
import { BodyEvent, BodyState, SeatRole } from './body';

export interface AssignSeat {
  bodyId: string;
  postId: string;
  role: SeatRole;
  from: CalendarDate;
}

/** A post sits on a body once at a time; the body has one Chair and one Vice-Chair at a time. */
export function assignSeat(
  state: BodyState | undefined,
  command: AssignSeat,
  facts: { postExists: boolean },
): BodyEvent[] {
  if (!state) return refuse('not-found', 'bodyId', `body '${command.bodyId}' is not established`);
  if (!facts.postExists) refuse('not-found', 'postId', `post '${command.postId}' is not in the registry`);
  if (command.from < state.establishedOn)
    refuse('invalid', 'from', `the body was only established on ${state.establishedOn}`);
  const open = (seat: { until: CalendarDate | null }) => seat.until === null || command.from < seat.until;
  const same = state.seats.find((seat) => seat.postId === command.postId && open(seat));
  if (same)
    refuse(
      'conflict',
      'postId',
      `post '${command.postId}' already sits on the body as ${same.role} from ${same.from}`,
    );
  if (command.role !== 'member') {
    const holder = state.seats.find((seat) => seat.role === command.role && open(seat));
    if (holder)
      refuse(
        'conflict',
        'role',
        `the ${command.role} seat is held by post '${holder.postId}' from ${holder.from}`,
      );
  }
  return [{ type: 'BodySeatAssigned', data: { ...command } }];
}
