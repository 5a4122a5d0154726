import { QueryBus } from '@nestjs/cqrs';
import { EventStore, readWholeStream } from '@bcl/event-store';
import { GovernanceAct, PostHolderQuery } from '@bcl/application';

/** What the decisions pages share: post holders on a day, an act's event in the log, timeline items. */

/** A post and who held it on a date (null: nobody recorded, or the post is not in the registry). */
export interface HolderOnDay {
  postId: string;
  title: string | null;
  holder: { personId: string; displayName: string | null } | null;
}

export async function holdersOn(queries: QueryBus, postIds: string[], date: string): Promise<HolderOnDay[]> {
  return Promise.all(
    postIds.map(async (postId) => {
      try {
        const found = (await queries.execute(new PostHolderQuery(postId, { asAt: date }))) as HolderOnDay;
        return { postId, title: found.title, holder: found.holder };
      } catch {
        return { postId, title: null, holder: null };
      }
    }),
  );
}

/**
 * `path` with the query parameters that are set, in the order given. A data link passes the page's whole
 * viewpoint (`asAt` and `knownAt`), so the JSON it leads to is the data the page shows, as known when it says.
 */
export function hrefWith(path: string, parameters: Record<string, string | undefined> = {}): string {
  const set = Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return set.length ? `${path}?${new URLSearchParams(set).toString()}` : path;
}

/** Where an act sits in the log: its stream, its position in the global log, and its hash (chained). */
export interface LogPlace {
  stream: string;
  revision: number;
  position: string;
  hash: string;
  prevHash: string;
  recordedAt: string;
  type: string;
}

/** The first event of `stream` that `matches`, as its place in the log (null when none is recorded). */
export async function placeInLog(
  store: EventStore,
  stream: string,
  matches: (event: { type: string; data: Record<string, unknown> }) => boolean,
): Promise<LogPlace | null> {
  const event = (await readWholeStream(store, stream)).find((e) => matches(e));
  return event
    ? {
        stream: event.stream,
        revision: event.revision,
        position: event.position.toString(),
        hash: event.hash,
        prevHash: event.prevHash,
        recordedAt: event.recordedAt,
        type: event.type,
      }
    : null;
}

/** The page that shows an act: its meeting, delegation or instrument decision. */
export function hrefOf(act: GovernanceAct): string {
  switch (act.kind) {
    case 'meeting':
      return `/decisions/meetings/${act.id}`;
    case 'resolution':
      return `/decisions/meetings/${act.meetingId}#${act.id}`;
    case 'delegation':
    case 'revocation':
    case 'report-back':
      return `/decisions/delegations/${act.id}`;
    case 'consultation':
      return `/decisions/instruments/${act.instrument!.kind}/${act.instrument!.id}#${act.id}`;
    case 'approval':
      return `/decisions/instruments/${act.instrument!.kind}/${act.instrument!.id}/approvals/${act.id}`;
  }
}

const ACT_LABELS: Record<GovernanceAct['kind'], string> = {
  meeting: 'Meeting',
  resolution: 'Resolution',
  delegation: 'Delegation granted',
  revocation: 'Delegation revoked',
  consultation: 'Consultation',
  approval: 'Approval',
  'report-back': 'Report-back',
};

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * An act as an item of the MOJ Frontend timeline (escaped: the label and link text are the act's own), with its
 * operator-write mark (null for an act the governance rules recorded), which timeline.njk adds to the item.
 */
export function timelineItem(act: GovernanceAct) {
  const href = hrefOf(act);
  return {
    label: { text: `${ACT_LABELS[act.kind]}: ${act.id}` },
    datetime: { timestamp: act.on, type: 'date' },
    byline: act.posts.length ? { text: act.posts.join(', ') } : undefined,
    html: `<p class="govuk-body">${escape(act.summary)}</p><p class="govuk-body"><a class="govuk-link" href="${escape(href)}">View ${escape(ACT_LABELS[act.kind].toLowerCase())} ${escape(act.id)}</a> (${escape(act.bodyId)})</p>`,
    operatorWrite: act.operatorWrite ?? null,
  };
}
