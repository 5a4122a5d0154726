import { CalendarDate } from '@bcl/kernel';

/** Bodies that take decisions: the HWB, joint commissioning groups, CCG/ICB governing bodies, cabinets. */
export const BODY_KINDS = [
  'health-and-wellbeing-board',
  'joint-commissioning-group',
  'ccg-governing-body',
  'icb-board',
  'council-cabinet',
  'other',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const SEAT_ROLES = ['chair', 'vice-chair', 'member'] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];

/** A seat on a body is held by a post (whose holders change), from a date. `until` is for a seat that ends. */
export interface Seat {
  postId: string;
  role: SeatRole;
  from: CalendarDate;
  until: CalendarDate | null;
}

export interface BodyState {
  bodyId: string;
  name: string;
  kind: BodyKind;
  areaId: string | null;
  establishedOn: CalendarDate;
  seats: Seat[];
}

export type BodyEvent =
  | {
      type: 'DecisionBodyEstablished';
      data: {
        bodyId: string;
        name: string;
        kind: BodyKind;
        areaId: string | null;
        establishedOn: CalendarDate;
      };
    }
  | {
      type: 'BodySeatAssigned';
      data: { bodyId: string; postId: string; role: SeatRole; from: CalendarDate };
    };

export const bodyStream = (bodyId: string): string => `body-${bodyId}`;

export function evolveBody(state: BodyState | undefined, event: BodyEvent): BodyState {
  switch (event.type) {
    case 'DecisionBodyEstablished':
      return { ...event.data, seats: [] };
    case 'BodySeatAssigned': {
      const { bodyId: _, ...seat } = event.data;
      return { ...state!, seats: [...state!.seats, { ...seat, until: null }] };
    }
  }
}

/** The posts in a role on a date (the chair, the vice-chair, or the members). */
export const seatsOn = (seats: Seat[], role: SeatRole, date: CalendarDate): Seat[] =>
  seats.filter(
    (seat) => seat.role === role && seat.from <= date && (seat.until === null || date < seat.until),
  );
