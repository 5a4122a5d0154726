import { CalendarDate } from '@bcl/kernel';
import { InstrumentKind, InstrumentRef } from '../authority';

/**
 * An agenda item, numbered on the agenda (Kent: Item 1-12), apart from minute numbers. A supplementary item
 * taken as urgent carries the reason for lateness and its legal basis (Medway: s100B LGA 1972; brief G1).
 */
export interface AgendaItem {
  itemNo: string;
  title: string;
  urgent: { reasonForLateness: string; legalBasis: string } | null;
}

export const PRESENT_CAPACITIES = ['chair', 'vice-chair', 'member'] as const;
export interface Attendance {
  present: {
    personId: string;
    capacity: (typeof PRESENT_CAPACITIES)[number];
    substituteFor: string | null;
  }[];
  apologies: string[];
  /** Officers in attendance, not members: e.g. "Principal Democratic Services Officer". */
  inAttendance: { personId: string; capacity: string }[];
}

export interface Declarations {
  /** An explicit "there were no declarations of interest" (brief G4), not an absence of events. */
  noneDeclared: boolean;
  declarations: { personId: string; itemNo: string; interest: string }[];
}

export const RESOLUTION_OUTCOMES = ['noted', 'agreed', 'resolved', 'deferred'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

/** A resolution as passed: verbatim lettered parts, an outcome, and what it concerns or authorises. */
export interface Resolution {
  resolutionId: string;
  meetingId: string;
  bodyId: string;
  /** Minute numbers run across meetings (Kent 190-201), apart from agenda item numbers. Null: not in the source. */
  minuteNo: string | null;
  itemNo: string | null;
  parts: { letter: string | null; text: string }[];
  outcome: ResolutionOutcome;
  /** The reports it considered, by their titles or references. */
  reportsConsidered: string[];
  /** The plan versions, returns or variations it concerns. */
  concerns: InstrumentRef[];
  /** Where the body itself authorises the holders of posts to sign an instrument on its behalf. */
  authorises: { posts: string[]; instrumentKind: InstrumentKind; instrumentId: string | null } | null;
  /** Where it approves the minutes of an earlier meeting of the same body (brief G2). */
  approvesMinutesOf: string | null;
}

export interface MeetingState {
  meetingId: string;
  bodyId: string;
  date: CalendarDate;
  venue: string | null;
  /** The items as published; empty where the agenda is not known. */
  agenda: AgendaItem[];
  attendance: Attendance | null;
  declarations: Declarations | null;
  resolutions: Resolution[];
}

export type MeetingEvent =
  | {
      type: 'MeetingRecorded';
      data: {
        meetingId: string;
        bodyId: string;
        date: CalendarDate;
        venue: string | null;
        agenda: AgendaItem[];
      };
    }
  | { type: 'MeetingAttendanceRecorded'; data: Attendance & { meetingId: string } }
  | { type: 'InterestsDeclared'; data: Declarations & { meetingId: string } }
  | { type: 'ResolutionPassed'; data: Resolution & { meetingDate: CalendarDate } };

export const meetingStream = (meetingId: string): string => `meeting-${meetingId}`;

export function evolveMeeting(state: MeetingState | undefined, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case 'MeetingRecorded':
      return { ...event.data, attendance: null, declarations: null, resolutions: [] };
    case 'MeetingAttendanceRecorded': {
      const { meetingId: _, ...attendance } = event.data;
      return { ...state!, attendance };
    }
    case 'InterestsDeclared': {
      const { meetingId: _, ...declarations } = event.data;
      return { ...state!, declarations };
    }
    case 'ResolutionPassed': {
      const { meetingDate: _, ...resolution } = event.data;
      return { ...state!, resolutions: [...state!.resolutions, resolution] };
    }
  }
}
