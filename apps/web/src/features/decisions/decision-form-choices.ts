import { QueryBus } from '@nestjs/cqrs';
import { BodyView, CHAIR_SIGNS, DelegationView, InstrumentKind, seatsOn } from '@bcl/domain-governance';
import {
  BodySummary,
  DelegationsOnQuery,
  GetBodyQuery,
  ListBodiesQuery,
  ListPostsQuery,
  PostSummary,
} from '@bcl/application';

/**
 * What the decisions forms offer to choose from, so nobody types an id: the posts the signed-in person holds on
 * the date, and the authorities those posts may use then. They are offered, not trusted: the command is checked
 * by the domain as the API's is, so a choice it refuses (a delegation not in force) is still refused.
 */

const PAGE = 500;
const BODIES_MAX = 200;

/** A post the person holds on the date. */
export interface HeldPost {
  postId: string;
  title: string;
}

/** The posts `personId` holds on `on` (as the registry knows it now). */
export async function postsHeldBy(queries: QueryBus, personId: string, on: string): Promise<HeldPost[]> {
  const held: HeldPost[] = [];
  for (let after: string | undefined; ;) {
    const page = (await queries.execute(new ListPostsQuery(PAGE, after, {}, { asAt: on }))) as {
      items: PostSummary[];
      next: string | null;
    };
    for (const post of page.items)
      if (post.holder?.personId === personId) held.push({ postId: post.postId, title: post.title });
    if (page.next === null) return held;
    after = page.next;
  }
}

/** A delegation in force on the date that one of the person's posts may use for the instrument. */
export interface UsableDelegation {
  delegationId: string;
  purpose: string;
  posts: string[];
  validUntil: string | null;
}

const inScope = (d: DelegationView, instrument: { kind: InstrumentKind; id: string }) =>
  d.scope.instrumentKind === instrument.kind &&
  (d.scope.instrumentId === null || d.scope.instrumentId === instrument.id);

/**
 * The delegations in force on `on` whose scope covers the instrument and that name one of `posts`: as a delegate
 * (`as: 'delegate'`, for an approval) or as a consultee (`as: 'consultee'`, for a consultation).
 */
export async function delegationsFor(
  queries: QueryBus,
  posts: HeldPost[],
  instrument: { kind: InstrumentKind; id: string },
  on: string,
  as: 'delegate' | 'consultee',
): Promise<UsableDelegation[]> {
  const { inForce } = (await queries.execute(new DelegationsOnQuery(on))) as { inForce: DelegationView[] };
  const held = new Set(posts.map((p) => p.postId));
  return inForce
    .filter((d) => inScope(d, instrument))
    .map((d) => ({
      delegationId: d.delegationId,
      purpose: d.purpose,
      posts: (as === 'delegate' ? d.delegates.posts : d.consultees).filter((postId) => held.has(postId)),
      validUntil: d.validUntil,
    }))
    .filter((d) => d.posts.length > 0);
}

/** A Board whose chair seat one of the person's posts holds on the date, for what the chair signs (CHAIR_SIGNS). */
export interface ChairAuthority {
  bodyId: string;
  name: string;
  postId: string;
}

/** The Boards whose chair the person's posts hold on `on`, where the chair signs this kind of instrument. */
export async function chairAuthoritiesFor(
  queries: QueryBus,
  posts: HeldPost[],
  kind: InstrumentKind,
  on: string,
): Promise<ChairAuthority[]> {
  if (!CHAIR_SIGNS.includes(kind) || posts.length === 0) return [];
  const held = new Set(posts.map((p) => p.postId));
  const { items } = (await queries.execute(new ListBodiesQuery(BODIES_MAX))) as { items: BodySummary[] };
  const boards = items.filter((b) => b.kind === 'health-and-wellbeing-board');
  const bodies = await Promise.all(
    boards.map((b) => queries.execute(new GetBodyQuery(b.bodyId)) as Promise<BodyView>),
  );
  return bodies.flatMap((body) =>
    seatsOn(body.seats, 'chair', on)
      .filter((seat) => held.has(seat.postId))
      .map((seat) => ({ bodyId: body.bodyId, name: body.name, postId: seat.postId })),
  );
}
