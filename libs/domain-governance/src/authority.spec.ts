import fc from 'fast-check';
import { ApprovalRequest, AuthorityFacts, Delegation, checkAuthority } from './authority';
import { outstandingReportBacks } from './delegation/report-back-due';
import { GOVERNANCE_LIMITS } from './governance-limits';

type Holding = { postId: string; personId: string; from: string; until: string | null };
const factsOf = (holdings: Holding[], delegations: Delegation[]): AuthorityFacts => ({
  holderOn: (postId, date) =>
    holdings.find((h) => h.postId === postId && h.from <= date && (h.until === null || date < h.until))
      ?.personId ?? null,
  delegation: (id) => delegations.find((d) => d.delegationId === id),
  resolution: () => undefined,
  body: () => undefined,
});

// Southend-on-Sea HWB, 22 March 2017 (004:2657): the DCE (People) and the Interim AO, "in conjunction with
// the Chair and Vice Chair of HWB", to "sign off the final BCF plan for 2017/19 on behalf of HWB".
const SOUTHEND_BCF: Delegation = {
  delegationId: 'southend-hwb-2017-03-22-bcf',
  grantingBodyId: 'southend-hwb',
  resolutionId: 'southend-hwb-2017-03-22-item',
  purpose: 'to sign off the final BCF plan for 2017/19 on behalf of HWB',
  delegates: { mode: 'all', posts: ['southend-dce-people', 'southend-ccg-accountable-officer'] },
  consultees: ['southend-hwb-chair', 'southend-hwb-vice-chair'],
  scope: { instrumentKind: 'bcf-plan', instrumentId: 'southend-on-sea-2017-19', financialLimitPence: null },
  validFrom: '2017-03-22',
  validUntil: null,
  revokedOn: null,
  parentDelegationId: null,
  reportBack: { bodyId: 'southend-hwb', by: '2017-09-30' },
  reportedBackOn: null,
};
const SOUTHEND_HOLDERS: Holding[] = [
  { postId: 'southend-dce-people', personId: 'p-0005', from: '2017-03-01', until: null },
  { postId: 'southend-ccg-accountable-officer', personId: 'p-0004', from: '2017-03-01', until: null },
  { postId: 'southend-hwb-chair', personId: 'p-0007', from: '2017-03-01', until: null },
  { postId: 'southend-hwb-vice-chair', personId: 'p-vice', from: '2017-03-01', until: '2017-07-01' },
];
const signOff: ApprovalRequest = {
  instrument: { kind: 'bcf-plan', id: 'southend-on-sea-2017-19', version: 1 },
  actorPersonId: 'p-0005',
  actingPostId: 'southend-dce-people',
  alsoActing: [{ postId: 'southend-ccg-accountable-officer', personId: 'p-0004', on: '2017-06-20' }],
  authority: { kind: 'delegation', delegationId: SOUTHEND_BCF.delegationId },
  consultations: [
    { postId: 'southend-hwb-chair', personId: 'p-0007', on: '2017-06-20' },
    { postId: 'southend-hwb-vice-chair', personId: 'p-vice', on: '2017-06-20' },
  ],
  effectiveOn: '2017-06-21',
  amountPence: null,
};
const conditions = (request: ApprovalRequest, delegations = [SOUTHEND_BCF], holders = SOUTHEND_HOLDERS) =>
  checkAuthority(request, factsOf(holders, delegations)).map((f) => f.condition);

describe('authority to approve, on the effective date', () => {
  it('accepts the Southend delegates acting together after consulting the Chair and Vice Chair', () => {
    expect(conditions(signOff)).toEqual([]);
  });

  it('refuses each failed condition, saying which', () => {
    expect(conditions({ ...signOff, consultations: signOff.consultations.slice(0, 1) })).toEqual([
      'consultee-missing',
    ]);
    expect(conditions({ ...signOff, alsoActing: [] })).toEqual(['co-delegate-missing']);
    // a co-signature dated after this one does not count towards it
    const later = [{ ...signOff.alsoActing[0]!, on: '2017-06-22' }];
    expect(conditions({ ...signOff, alsoActing: later })).toEqual(['not-post-holder', 'co-delegate-missing']);
    // a co-signer named in a post they do not hold is refused, even where the post's holder also signed
    const impostor = { postId: 'southend-ccg-accountable-officer', personId: 'p-0007', on: '2017-06-20' };
    expect(conditions({ ...signOff, alsoActing: [...signOff.alsoActing, impostor] })).toEqual([
      'not-post-holder',
    ]);
    expect(
      conditions({
        ...signOff,
        instrument: { kind: 'ibcf-plan', id: 'southend-on-sea-2017-18', version: 1 },
      }),
    ).toEqual(['out-of-scope']);
    expect(conditions(signOff, [{ ...SOUTHEND_BCF, revokedOn: '2017-06-21' }])).toEqual(['revoked']);
    expect(conditions(signOff, [{ ...SOUTHEND_BCF, validUntil: '2017-06-21' }])).toEqual(['not-in-force']);
    // before the grant: and the co-signature and consultations of 20 June had not happened yet either
    expect(conditions({ ...signOff, effectiveOn: '2017-03-21' })).toEqual([
      'not-in-force',
      'not-post-holder',
      'co-delegate-missing',
      'consultee-missing',
      'consultee-missing',
    ]);
    expect(
      conditions(signOff, [
        { ...SOUTHEND_BCF, scope: { ...SOUTHEND_BCF.scope, financialLimitPence: 1_000 } },
      ]),
    ).toEqual(['over-limit']);
    expect(
      conditions({ ...signOff, amountPence: 999 }, [
        { ...SOUTHEND_BCF, scope: { ...SOUTHEND_BCF.scope, financialLimitPence: 1_000 } },
      ]),
    ).toEqual([]);
    // the Vice Chair consulted after leaving the post does not count
    const late = {
      ...signOff,
      effectiveOn: '2017-07-02',
      consultations: [
        signOff.consultations[0]!,
        { postId: 'southend-hwb-vice-chair', personId: 'p-vice', on: '2017-07-01' },
      ],
    };
    expect(conditions(late)).toEqual(['consultee-missing']);
    expect(conditions({ ...signOff, authority: { kind: 'delegation', delegationId: 'nope' } })).toEqual([
      'authority-unknown',
    ]);
  });

  it('refuses a Chairman whose term ended the day before (Kent: sign-off delegated to the Chairman, 14 June 2017)', () => {
    const kent: Delegation = {
      ...SOUTHEND_BCF,
      delegationId: 'kent-hwb-2017-06-14',
      delegates: { mode: 'one', posts: ['kent-hwb-chair'] },
      consultees: [],
      scope: { instrumentKind: 'bcf-plan', instrumentId: 'kent-2017-19', financialLimitPence: null },
      validFrom: '2017-06-14',
      reportBack: { bodyId: 'kent-hwb', by: '2017-09-20' },
    };
    const holders: Holding[] = [
      { postId: 'kent-hwb-chair', personId: 'p-0001', from: '2016-01-27', until: '2017-09-11' },
      { postId: 'kent-hwb-chair', personId: 'p-0002', from: '2017-09-11', until: null },
    ];
    const request: ApprovalRequest = {
      ...signOff,
      instrument: { kind: 'bcf-plan', id: 'kent-2017-19', version: 1 },
      actorPersonId: 'p-0002',
      actingPostId: 'kent-hwb-chair',
      alsoActing: [],
      authority: { kind: 'delegation', delegationId: kent.delegationId },
      consultations: [],
      effectiveOn: '2017-09-11',
    };
    expect(conditions(request, [kent], holders)).toEqual([]);
    const failures = checkAuthority({ ...request, actorPersonId: 'p-0001' }, factsOf(holders, [kent]));
    expect(failures).toEqual([
      {
        condition: 'not-post-holder',
        message: "'p-0001' did not hold post 'kent-hwb-chair' on 2017-09-11 ('p-0002' did)",
      },
    ]);
    const noMeetings = () => [];
    expect(outstandingReportBacks([kent], '2017-09-21', noMeetings).map((d) => d.delegationId)).toEqual([
      'kent-hwb-2017-06-14',
    ]);
    expect(
      outstandingReportBacks([{ ...kent, reportedBackOn: '2017-09-20' }], '2017-09-21', noMeetings),
    ).toEqual([]);
  });

  it('checks a sub-delegation against its parent', () => {
    const child: Delegation = {
      ...SOUTHEND_BCF,
      delegationId: 'child',
      parentDelegationId: SOUTHEND_BCF.delegationId,
    };
    const request = { ...signOff, authority: { kind: 'delegation' as const, delegationId: 'child' } };
    expect(conditions(request, [SOUTHEND_BCF, child])).toEqual([]);
    expect(conditions(request, [{ ...SOUTHEND_BCF, revokedOn: '2017-05-01' }, child])).toEqual([
      'parent-invalid',
    ]);
  });

  it('accepts a chain of at most the limit of delegations, the same length provenance shows', () => {
    const chainOf = (length: number): Delegation[] =>
      Array.from({ length }, (_, i) => ({
        ...SOUTHEND_BCF,
        delegationId: `link-${i}`,
        parentDelegationId: i === 0 ? null : `link-${i - 1}`,
      }));
    const actingUnder = (length: number) => ({
      ...signOff,
      authority: { kind: 'delegation' as const, delegationId: `link-${length - 1}` },
    });
    const max = GOVERNANCE_LIMITS.delegationChainLengthMax;
    expect(conditions(actingUnder(max), chainOf(max))).toEqual([]);
    expect(conditions(actingUnder(max + 1), chainOf(max + 1))).toEqual(['parent-invalid']);
  });
});

/**
 * An independent reference, written differently on purpose: it walks the days and states each condition as a
 * predicate over whole histories, rather than reusing the implementation's helpers.
 */
function referenceAuthorised(request: ApprovalRequest, holdings: Holding[], delegation: Delegation): boolean {
  const held = (post: string, person: string, day: string) =>
    holdings
      .filter((h) => h.postId === post && h.from <= day && !(h.until !== null && h.until <= day))
      .map((h) => h.personId)
      .includes(person);
  const day = request.effectiveOn;
  const inForce =
    delegation.validFrom <= day &&
    !(delegation.validUntil !== null && delegation.validUntil <= day) &&
    !(delegation.revokedOn !== null && delegation.revokedOn <= day);
  const covers =
    delegation.scope.instrumentKind === request.instrument.kind &&
    [null, request.instrument.id].includes(delegation.scope.instrumentId);
  const withinLimit =
    delegation.scope.financialLimitPence === null ||
    (request.amountPence !== null && request.amountPence <= delegation.scope.financialLimitPence);
  const actorOk =
    held(request.actingPostId, request.actorPersonId, day) &&
    delegation.delegates.posts.includes(request.actingPostId);
  const together = [
    { postId: request.actingPostId, personId: request.actorPersonId, on: day },
    ...request.alsoActing,
  ];
  const othersOk = request.alsoActing.every(
    (a) => !(a.on > day) && held(a.postId, a.personId, a.on) && delegation.delegates.posts.includes(a.postId),
  );
  const allOk =
    delegation.delegates.mode !== 'all' ||
    delegation.delegates.posts.every((post) =>
      together.some((t) => t.postId === post && !(t.on > day) && held(post, t.personId, t.on)),
    );
  const consulted = delegation.consultees.every((post) =>
    request.consultations.some((c) => c.postId === post && c.on <= day && held(post, c.personId, c.on)),
  );
  return inForce && covers && withinLimit && actorOk && othersOk && allOk && consulted;
}

describe('the authority check agrees with an independent reference on random histories', () => {
  const day = fc.integer({ min: 1, max: 28 }).map((d) => `2017-06-${String(d).padStart(2, '0')}`);
  const maybeDay = fc.option(day, { nil: null });
  const posts = ['a', 'b', 'c'];
  const people = ['p1', 'p2', 'p3'];
  // A post has one holder at a time (the registry enforces it), so each post's terms follow one another.
  const termsOf = (postId: string) =>
    fc
      .tuple(
        fc.uniqueArray(fc.record({ from: day, personId: fc.constantFrom(...people) }), {
          selector: (term) => term.from,
          maxLength: 3,
        }),
        maybeDay,
      )
      .map(([starts, end]) =>
        [...starts]
          .sort((a, b) => a.from.localeCompare(b.from))
          .map((term, i, all): Holding => ({
            postId,
            personId: term.personId,
            from: term.from,
            until: all[i + 1]?.from ?? (end !== null && end > term.from ? end : null),
          })),
      );
  const histories = fc.tuple(termsOf('a'), termsOf('b'), termsOf('c')).map((perPost) => perPost.flat());
  const delegation = fc.record({
    mode: fc.constantFrom('one' as const, 'all' as const, 'any' as const),
    delegates: fc.subarray(posts, { minLength: 1 }),
    consultees: fc.subarray(posts),
    kind: fc.constantFrom('bcf-plan' as const, 'ibcf-plan' as const),
    limit: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    validFrom: day,
    validUntil: maybeDay,
    revokedOn: maybeDay,
  });
  const request = fc.record({
    actor: fc.constantFrom(...people),
    post: fc.constantFrom(...posts),
    alsoActing: fc.array(
      fc.record({ postId: fc.constantFrom(...posts), personId: fc.constantFrom(...people), on: day }),
      { maxLength: 3 },
    ),
    consultations: fc.array(
      fc.record({ postId: fc.constantFrom(...posts), personId: fc.constantFrom(...people), on: day }),
      { maxLength: 4 },
    ),
    kind: fc.constantFrom('bcf-plan' as const, 'ibcf-plan' as const),
    amount: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    on: day,
  });

  it('accepts exactly when the reference does', () => {
    fc.assert(
      fc.property(histories, delegation, request, (holdings, d, r) => {
        const granted: Delegation = {
          ...SOUTHEND_BCF,
          delegationId: 'd',
          delegates: { mode: d.mode, posts: d.delegates },
          consultees: d.consultees,
          scope: { instrumentKind: d.kind, instrumentId: null, financialLimitPence: d.limit },
          validFrom: d.validFrom,
          validUntil: d.validUntil,
          revokedOn: d.revokedOn,
        };
        const approval: ApprovalRequest = {
          instrument: { kind: r.kind, id: 'plan', version: 1 },
          actorPersonId: r.actor,
          actingPostId: r.post,
          alsoActing: r.alsoActing,
          authority: { kind: 'delegation', delegationId: 'd' },
          consultations: r.consultations,
          effectiveOn: r.on,
          amountPence: r.amount,
        };
        const implementation = checkAuthority(approval, factsOf(holdings, [granted])).length === 0;
        expect(implementation).toBe(referenceAuthorised(approval, holdings, granted));
      }),
      { numRuns: 5000 },
    );
  });
});
