/**
 * The registry's published facts: what other contexts may ask of it, and nothing else. Other domain libraries
 * import this module (`@bcl/domain-registry/facts`), never the registry's internals (a layer rule checks it).
 */
import { CalendarDate, isWithin } from '@bcl/kernel';
import { PostState } from './post/post';
import { AreaMembership, HwbAreaState } from './area/hwb-area';

export type { PostView } from './read-model/registry-views';
export type { Viewpoint } from './read-model/registry-queries';
export { postHolderOn } from './read-model/registry-queries';
export type { PostState } from './post/post';

/** Who held a post on a date, from the post's own stream state: the fact authority checks rest on. */
export function holderOfPostOn(post: PostState | undefined, date: CalendarDate): string | null {
  return post?.holdings.find((holding) => isWithin(date, holding.from, holding.until))?.personId ?? null;
}

export type { HwbAreaState, AreaMembership, MemberRole } from './area/hwb-area';

/** The area's members and their roles on a date (a membership runs from `from` until, not including, `until`). */
export function areaMembersOn(area: HwbAreaState | undefined, date: CalendarDate): AreaMembership[] {
  return (area?.members ?? []).filter((member) => isWithin(date, member.from, member.until));
}

/** Post holders on a date, for several posts at once: post id to person id, or null when vacant. */
export function postHoldersOn(
  posts: ReadonlyMap<string, PostState>,
  date: CalendarDate,
): Map<string, string | null> {
  return new Map([...posts].map(([postId, post]) => [postId, holderOfPostOn(post, date)]));
}

/** The exists-check a decider is given: an id is recorded when its stream folded to a state. */
export function recordedIn(found: ReadonlySet<string>): (id: string) => boolean {
  return (id) => found.has(id);
}
