import { CalendarDate } from '@bcl/kernel';

export type PostEvent =
  | {
      type: 'PostCreated';
      data: { postId: string; title: string; organisationId: string; createdOn: CalendarDate };
    }
  | {
      type: 'PostHolderAppointed';
      data: {
        postId: string;
        personId: string;
        from: CalendarDate;
        /** First day no longer held, when known at appointment (e.g. a fixed-term interim). */
        until: CalendarDate | null;
        interim: boolean;
      };
    }
  | { type: 'PostHoldingEnded'; data: { postId: string; personId: string; until: CalendarDate } };

export interface PostHolding {
  personId: string;
  from: CalendarDate;
  until: CalendarDate | null;
  interim: boolean;
}

export interface PostState {
  postId: string;
  title: string;
  organisationId: string;
  createdOn: CalendarDate;
  holdings: PostHolding[];
}

export const postStream = (postId: string): string => `post-${postId}`;

export function evolvePost(state: PostState | undefined, event: PostEvent): PostState {
  switch (event.type) {
    case 'PostCreated':
      return { ...event.data, holdings: [] };
    case 'PostHolderAppointed': {
      const post = required(state);
      const { personId, from, until, interim } = event.data;
      return { ...post, holdings: [...post.holdings, { personId, from, until, interim }] };
    }
    case 'PostHoldingEnded': {
      const post = required(state);
      const index = post.holdings.findLastIndex((holding) => holding.personId === event.data.personId);
      return {
        ...post,
        holdings: post.holdings.map((holding, at) =>
          at === index ? { ...holding, until: event.data.until } : holding,
        ),
      };
    }
  }
}

function required(state: PostState | undefined): PostState {
  if (!state) throw new Error('invariant violated: post event before PostCreated');
  return state;
}
