import { EventRecord, effectiveDateOf } from '@bcl/kernel';

/** The period a pack covers: two calendar dates, both included. */
export interface PackPeriod {
  from: string;
  to: string;
}

/** The first and last day of a financial year ("2017-18") or a planning cycle ("2017-19"). */
export function yearSpan(years: string): PackPeriod | null {
  const match = /^(\d{4})-(\d{2})$/.exec(years);
  if (!match) return null;
  const start = Number(match[1]);
  const end = Math.floor(start / 100) * 100 + Number(match[2]);
  return { from: `${start}-04-01`, to: `${end < start ? end + 100 : end}-03-31` };
}

/** Whether two spans of days share at least one day (ISO dates compare as text). */
export const overlaps = (a: PackPeriod, b: PackPeriod): boolean => a.from <= b.to && b.from <= a.to;

/** The date an event speaks of: its effective date, else the day it was recorded. */
export const eventDate = (event: EventRecord): string =>
  effectiveDateOf(event) ?? event.recordedAt.slice(0, 10);

const field = (event: EventRecord, name: string): string | undefined => {
  const value = (event.data as Record<string, unknown> | null)?.[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * The streams of one HWB area: those established for it (its own stream, plans, decision bodies, section 75
 * agreements, quarterly returns), and those reached through them: a body's meetings and delegations, a
 * meeting's resolutions, an agreement's pool-years, an instrument's approvals. Organisations, posts and people
 * are shared between areas and left out: the pack is about the area's decisions, plans, fund and returns.
 */
export function areaStreams(events: readonly EventRecord[], areaId: string): Set<string> {
  const parent = new Map<string, string>();
  const streams = new Set<string>();
  for (const event of events) {
    const area = field(event, 'areaId');
    if (area === areaId && !event.stream.startsWith('organisation-')) streams.add(event.stream);
    const bodyId = field(event, 'bodyId') ?? field(event, 'grantingBodyId');
    if (event.type === 'MeetingRecorded' && bodyId) parent.set(event.stream, `body-${bodyId}`);
    if (event.type === 'DelegationGranted' && bodyId) parent.set(event.stream, `body-${bodyId}`);
    const meetingId = field(event, 'meetingId');
    if (event.type === 'ResolutionIdClaimed' && meetingId) parent.set(event.stream, `meeting-${meetingId}`);
    const agreementId = field(event, 'agreementId');
    if (event.type === 'PooledFundYearOpened' && agreementId)
      parent.set(event.stream, `s75-agreement-${agreementId}`);
    const instrument = (event.data as { instrument?: { kind?: string; id?: string } } | null)?.instrument;
    if (event.type === 'ApprovalRecorded' && instrument?.id)
      parent.set(
        event.stream,
        instrument.kind === 'bcf-plan' ? `plan-${instrument.id}` : `quarterly-return-${instrument.id}`,
      );
  }
  const inArea = (stream: string, depth = 0): boolean => {
    if (streams.has(stream)) return true;
    const up = parent.get(stream);
    return up !== undefined && depth < 8 && inArea(up, depth + 1);
  };
  for (const stream of parent.keys()) if (inArea(stream)) streams.add(stream);
  return streams;
}
