/**
 * The registry's published facts: what other contexts may ask of it, and nothing else. Other domain libraries
 * import this module (`@bcl/domain-registry/facts`), never the registry's internals (a layer rule checks it).
 */
import { CalendarDate, isWithin } from '@bcl/kernel';
import { PostState } from './post/post';

export type { PostView } from './read-model/registry-views';
export type { Viewpoint } from './read-model/registry-queries';
export { postHolderOn } from './read-model/registry-queries';
export type { PostState } from './post/post';

/** Who held a post on a date, from the post's own stream state: the fact authority checks rest on. */
export function holderOfPostOn(post: PostState | undefined, date: CalendarDate): string | null {
  return post?.holdings.find((holding) => isWithin(date, holding.from, holding.until))?.personId ?? null;
}
