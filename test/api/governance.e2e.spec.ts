import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore, refusedRecordingNothing } from '../support/durable-stores';

/** A response body, read by value: the assertions below are what give it shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const KENT_DELEGATION = 'kent-hwb-2017-06-14-bcf-sign-off';
const IBCF = '/api/governance/instruments/ibcf-plan/southend-on-sea-2017-18';
const KENT_PLAN = '/api/governance/instruments/bcf-plan/kent-2017-19';

describeEachDurableStore(
  'governance through the API: meetings, delegations, and approvals checked against authority',
  (setting) => {
    let api: RunningApi;
    let officer: string;
    let auditor: string;
    const signer = (personId: string) => api.token('programme-lead', `user-${personId}`, personId);
    beforeAll(async () => {
      api = await startApi(setting(), { demoData: true });
      [officer, auditor] = await Promise.all([
        api.token('governance-officer', 'gov-1'),
        api.token('auditor', 'auditor-1'),
      ]);
    }, 180_000);
    afterAll(() => api?.close());

    const post = (path: string, body: object, token = officer) =>
      api.http().post(path).set('Authorization', `Bearer ${token}`).send(body);
    const get = (path: string) => api.http().get(path).set('Authorization', `Bearer ${auditor}`);
    /** Sends a request that must be refused, and proves the log did not move. */
    const refused = (send: () => Promise<{ status: number; body: Json; headers: Json }>) =>
      refusedRecordingNothing(setting(), send);
    const conditions = (body: { errors: { reason: string }[] }) =>
      body.errors[0]!.reason.split('; ').map((failure) => failure.split(':')[0]);

    it('holds the Kent HWB of 27 January 2016: attendance with substitutes, none declared, lettered resolutions', async () => {
      const meeting = (await get('/api/governance/meetings/kent-hwb-2016-01-27').expect(200)).body;
      expect(meeting.venue).toBe('Darent Room, Sessions House, County Hall, Maidstone');
      expect(meeting.agenda).toHaveLength(12);
      expect(meeting.attendance.present).toHaveLength(19);
      const subs = meeting.attendance.present.filter((p: Json) => p.substituteFor);
      expect(subs.map((p: Json) => [meeting.names[p.personId], meeting.names[p.substituteFor]])).toEqual([
        ['Ms P Ford', 'Ms F Cox'],
        ['Mr G Lymer', 'Mr G K Gibbens'],
      ]);
      expect(meeting.attendance.apologies.map((id: string) => meeting.names[id])).toEqual([
        'Ms F Cox',
        'Dr Cocker',
        'Mr G K Gibbens',
        'Dr Martin',
        'Mr Perks',
      ]);
      expect(meeting.attendance.present.find((p: Json) => p.capacity === 'chair').personId).toBe('p-0001');
      expect(meeting.declarations).toEqual({
        noneDeclared: true,
        declarations: [],
        recordedAt: expect.any(String),
        evidence: { citations: ['002:28'], assumed: null }, // the minutes say so: documented
      });
      const register = (
        await get('/api/governance/bodies/kent-hwb/decisions?from=2016-01-01&to=2016-12-31').expect(200)
      ).body;
      expect(register.decisions.map((d: Json) => `${d.minuteNo}/${d.itemNo} ${d.outcome}`)).toEqual([
        '193/4 resolved',
        '194/5 noted',
        '195/6 resolved',
        '197/8 agreed',
        '198/9 noted',
        '199/10 noted',
        '200/11 noted',
      ]);
      expect(register.decisions[0].approvesMinutesOf).toBe('kent-hwb-2015-11-18');
      expect(register.decisions[2].parts.map((p: Json) => p.letter)).toEqual(['a', 'b', 'c', 'd', 'e']);
      const later = (await get('/api/governance/bodies/kent-hwb/decisions?from=2017-01-01').expect(200)).body;
      expect(later.decisions.map((d: Json) => d.resolutionId)).toEqual([KENT_DELEGATION]);
    });

    it("traces the Kent plan's sign-off: the Chairman, under the 14 June 2017 delegation, reported back on 20 September", async () => {
      const provenance = (await get(`${KENT_PLAN}/provenance`).expect(200)).body;
      expect(provenance.currentVersion).toBe(1);
      expect(provenance.approvals).toHaveLength(1);
      const [approval] = provenance.approvals;
      expect(approval).toMatchObject({
        version: 1,
        appliesToCurrentVersion: true,
        complete: true,
        effectiveOn: '2017-09-11',
        signedBy: {
          postId: 'kent-hwb-chair',
          title: 'Chair, Kent HWB',
          holder: { personId: 'p-0002', name: 'Peter Oakford' },
          actor: { personId: 'p-0002', name: 'Peter Oakford' },
        },
      });
      const [delegation] = approval.authority.delegations;
      expect(delegation).toMatchObject({
        delegationId: KENT_DELEGATION,
        mode: 'one',
        reportBack: { bodyId: 'kent-hwb', by: '2017-09-20' },
        reportedBack: { on: '2017-09-20', meetingId: 'kent-hwb-2017-09-20' },
        granted: {
          recorded: true,
          meeting: { meetingId: 'kent-hwb-2017-06-14', date: '2017-06-14' },
          // on 14 June 2017 the Chairman's post was still held by Mr Gough
          body: { bodyId: 'kent-hwb', chair: { postId: 'kent-hwb-chair', holder: { name: 'Mr R W Gough' } } },
        },
      });
      expect(delegation.granted.resolution.parts[0].text).toMatch(
        /delegated responsibility for formal sign off/,
      );
    });

    it('refuses the Chairman whose term ended the day before, and an approval without a person in the token', async () => {
      const body = {
        approvalId: 'gough-too-late',
        version: 1,
        actingPostId: 'kent-hwb-chair',
        authority: { kind: 'delegation', id: KENT_DELEGATION },
        effectiveOn: '2017-09-11',
        reason: 'test: Mr Gough held the post until 10 September 2017',
      };
      const gough = await signer('p-0001');
      const late = await refused(() => post(`${KENT_PLAN}/approvals`, body, gough));
      expect(late.status).toBe(409);
      expect(late.body.errors).toEqual([
        { field: 'authority', reason: expect.stringContaining('not-post-holder') },
      ]);
      expect(late.body.detail).toContain(
        "'p-0001' did not hold post 'kent-hwb-chair' on 2017-09-11 ('p-0002' did)",
      );
      const anonymous = await refused(() => post(`${KENT_PLAN}/approvals`, body, officer));
      expect(anonymous.status).toBe(403);
    });

    it('signs the Southend iBCF plan jointly, after the Chair and Vice Chair are consulted; each refusal says why', async () => {
      // Illustrative: the seeds do not say when (or whether) this delegation was exercised, nor name the Vice Chair.
      await post(
        '/api/people',
        { personId: 'p-test-vice', displayName: 'Vice Chair (illustrative)', reason: 'test' },
        await api.token('admin'),
      ).expect(201);
      await post('/api/posts/southend-hwb-vice-chair/holders', {
        personId: 'p-test-vice',
        from: '2017-06-21',
        interim: false,
        reason: 'test: illustrative holder',
      }).expect(200);
      const consult = async (consultationId: string, personId: string, postId: string) =>
        post(
          `${IBCF}/consultations`,
          {
            consultationId,
            version: 1,
            delegationId: 'southend-hwb-2017-06-21-ibcf',
            postId,
            on: '2017-07-10',
            response: 'concurred',
            reason: 'test: consulted by virtual circulation (004:147)',
          },
          await signer(personId),
        );
      const sign = async (
        approvalId: string,
        personId: string,
        postId: string,
        delegationId = 'southend-hwb-2017-06-21-ibcf',
      ) =>
        post(
          `${IBCF}/approvals`,
          {
            approvalId,
            version: 1,
            actingPostId: postId,
            authority: { kind: 'delegation', id: delegationId },
            effectiveOn: '2017-07-11',
            reason: 'test: sign-off on behalf of HWB',
          },
          await signer(personId),
        );
      expect((await consult('chair', 'p-0007', 'southend-hwb-chair')).status).toBe(201);
      const missing = await refused(() => sign('dce', 'p-0005', 'southend-dce-people'));
      expect(missing.status).toBe(409);
      expect(conditions(missing.body)).toEqual(['consultee-missing']);
      // a consultee who does not hold the post cannot record the consultation
      expect((await refused(() => consult('vice-bad', 'p-0005', 'southend-hwb-vice-chair'))).status).toBe(
        409,
      );
      expect((await consult('vice', 'p-test-vice', 'southend-hwb-vice-chair')).status).toBe(201);
      // the BCF plan delegation of 22 March does not cover the iBCF plan
      const scope = await refused(() =>
        sign('dce', 'p-0005', 'southend-dce-people', 'southend-hwb-2017-03-22-bcf'),
      );
      expect(conditions(scope.body)).toContain('out-of-scope');
      // an approval is a creation: 201, and Location the instrument's provenance, which lists it
      const first = await sign('dce', 'p-0005', 'southend-dce-people');
      expect(first.status).toBe(201);
      expect(first.headers.location).toBe(`${IBCF}/provenance`);
      expect(first.body.approvals.map((a: Json) => a.approvalId)).toEqual(['dce']);
      expect(first.body.approvals.map((a: Json) => a.complete)).toEqual([false]);
      const second = await sign('ao', 'p-0004', 'southend-ccg-accountable-officer');
      expect(second.status).toBe(201);
      expect(second.headers.location).toBe(`${IBCF}/provenance`);
      const [dce, ao] = second.body.approvals;
      expect(ao).toMatchObject({ complete: true, coSignatureIds: ['dce'] });
      expect(ao.consultations.map((c: Json) => [c.postId, c.person.personId])).toEqual([
        ['southend-hwb-chair', 'p-0007'],
        ['southend-hwb-vice-chair', 'p-test-vice'],
      ]);
      expect(dce.signedBy.holder.name).toBe('Simon Leftley');
      const step = ao.authority.delegations[0];
      expect(step.consultees.map((c: Json) => c.postId)).toEqual([
        'southend-hwb-chair',
        'southend-hwb-vice-chair',
      ]);
      expect(step.delegates.map((d: Json) => d.holder.name)).toEqual(['Simon Leftley', 'Ian Stidston']);
      expect(step.granted.meeting.date).toBe('2017-06-21');
      const actions = (await get('/api/governance/actions?personId=p-0005').expect(200)).body;
      expect(actions.entries.map((e: Json) => `${e.on} ${e.action} ${e.subject.id}`)).toEqual([
        '2017-07-11 signed ibcf-plan/southend-on-sea-2017-18',
      ]);
      const posts = (await get('/api/governance/actions?postId=southend-hwb-chair').expect(200)).body;
      // the seat, the Chair's sign-off of each 2016-17 quarterly return (demo/returns.json), the two delegations
      // naming the Chair as consultee, and this consultation, in date order
      expect(posts.entries.map((e: Json) => `${e.on} ${e.action} ${e.subject.id}`)).toEqual([
        '2013-04-01 seat-assigned southend-hwb',
        '2016-09-30 signed quarterly-return/southend-on-sea-2016-17-q1',
        '2016-11-25 signed quarterly-return/southend-on-sea-2016-17-q2',
        '2017-03-03 signed quarterly-return/southend-on-sea-2016-17-q3',
        '2017-03-22 named-consultee southend-hwb-2017-03-22-bcf',
        '2017-05-31 signed quarterly-return/southend-on-sea-2016-17-q4',
        '2017-06-21 named-consultee southend-hwb-2017-06-21-ibcf',
        '2017-07-10 consulted ibcf-plan/southend-on-sea-2017-18',
      ]);
    });

    it('refuses expired, revoked and over-limit delegations, and lists an overdue report-back', async () => {
      const grant = (delegationId: string, extra: object) =>
        post('/api/governance/delegations', {
          delegationId,
          grantingBodyId: 'kent-hwb',
          resolutionId: KENT_DELEGATION,
          purpose: 'test',
          delegates: { mode: 'one', posts: ['kent-hwb-chair'] },
          consultees: [],
          scope: { instrumentKind: 'bcf-plan', instrumentId: 'kent-2017-19' },
          validFrom: '2017-06-14',
          reason: 'test',
          ...extra,
        });
      await grant('test-expired', { validUntil: '2017-09-01' }).expect(201);
      await grant('test-revoked', { reportBack: { bodyId: 'kent-hwb', by: '2017-12-31' } }).expect(201);
      await grant('test-limited', {
        scope: { instrumentKind: 'bcf-plan', instrumentId: 'kent-2017-19', financialLimitPence: 10_000_000 },
      }).expect(201);
      await post('/api/governance/delegations/test-revoked/revocation', {
        on: '2017-09-30',
        reason: 'test',
      }).expect(200);
      const oakford = await signer('p-0002');
      const sign = (delegationId: string, amountPence?: number) =>
        post(
          `${KENT_PLAN}/approvals`,
          {
            approvalId: `a-${delegationId}`,
            version: 1,
            actingPostId: 'kent-hwb-chair',
            authority: { kind: 'delegation', id: delegationId },
            effectiveOn: '2017-10-01',
            amountPence,
            reason: 'test',
          },
          oakford,
        );
      expect(conditions((await refused(() => sign('test-expired'))).body)).toEqual(['not-in-force']);
      expect(conditions((await refused(() => sign('test-revoked'))).body)).toEqual(['revoked']);
      // the Kent pooled budget 2017-18, £134,684,888, against a £100,000 limit
      expect(conditions((await refused(() => sign('test-limited', 13_468_488_800))).body)).toEqual([
        'over-limit',
      ]);
      const on = (await get('/api/governance/delegations?on=2018-01-02').expect(200)).body;
      expect(on.inForce.map((d: Json) => d.delegationId)).toEqual(
        expect.arrayContaining([KENT_DELEGATION, 'southend-hwb-2017-03-22-bcf', 'test-limited']),
      );
      expect(on.inForce.map((d: Json) => d.delegationId)).not.toContain('test-revoked');
      // and Southend's of 22 March 2017, due at "the next appropriate HWB", which met on 21 June (docs/sign-off.md)
      const outstanding = on.outstandingReportBack.map((d: Json) => d.delegationId);
      expect(outstanding).toEqual(['southend-hwb-2017-03-22-bcf', 'test-revoked']);
    });

    it('refuses bad input with the field and the reason, recording nothing', async () => {
      const resolution = {
        resolutionId: 'r-nowhere',
        parts: [{ text: 'x' }],
        outcome: 'agreed',
        reason: 'test',
      };
      const noMeeting = await refused(() =>
        post('/api/governance/meetings/no-such-meeting/resolutions', resolution),
      );
      expect(noMeeting.status).toBe(404);
      expect(noMeeting.body.errors).toEqual([{ field: 'meetingId', reason: expect.any(String) }]);
      const seat = await refused(() =>
        post('/api/governance/bodies/kent-hwb/seats', {
          postId: 'no-such-post',
          role: 'member',
          from: '2017-01-01',
          reason: 'test',
        }),
      );
      expect(seat.status).toBe(404);
      const chair = await refused(() =>
        post('/api/governance/bodies/kent-hwb/seats', {
          postId: 'west-kent-ccg-accountable-officer',
          role: 'chair',
          from: '2017-01-01',
          reason: 'test',
        }),
      );
      expect(chair.status).toBe(409);
      expect(chair.body.errors[0].field).toBe('role');
      // overlapping terms for a single-holder post
      const overlap = await refused(() =>
        post(
          '/api/posts/kent-hwb-chair/holders',
          { personId: 'p-0101', from: '2017-01-01', interim: false, reason: 'test' },
          officer,
        ),
      );
      expect(overlap.status).toBe(409);
      const backwards = await refused(() =>
        post('/api/governance/delegations', {
          delegationId: 'test-backwards',
          grantingBodyId: 'kent-hwb',
          resolutionId: KENT_DELEGATION,
          purpose: 'test',
          delegates: { mode: 'one', posts: ['kent-hwb-chair'] },
          consultees: [],
          scope: { instrumentKind: 'bcf-plan' },
          validFrom: '2017-07-01',
          validUntil: '2017-06-30',
          reason: 'test',
        }),
      );
      expect(backwards.status).toBe(422);
      expect(backwards.body.errors).toEqual([
        { field: 'validUntil', reason: 'must be after validFrom (2017-07-01)' },
      ]);
      await post('/api/governance/meetings', {
        meetingId: 'test-meeting',
        bodyId: 'kent-hwb',
        date: '2018-01-10',
        agenda: [{ itemNo: '1', title: 'Apologies' }],
        reason: 'test',
      }).expect(201);
      const substitute = await refused(() =>
        post('/api/governance/meetings/test-meeting/attendance', {
          present: [{ personId: 'p-0002', capacity: 'chair', substituteFor: 'p-0101' }],
          apologies: [],
          inAttendance: [],
          reason: 'test',
        }),
      );
      expect(substitute.status).toBe(422);
      expect(substitute.body.errors[0]).toEqual({
        field: 'present[0].substituteFor',
        reason: "'p-0101' must be among the apologies for a substitute to stand in",
      });
      const minutes = await refused(() =>
        post('/api/governance/meetings/test-meeting/resolutions', {
          ...resolution,
          resolutionId: 'test-minutes',
          approvesMinutesOf: 'southend-hwb-2017-06-21',
        }),
      );
      expect(minutes.body.errors[0]).toEqual({
        field: 'approvesMinutesOf',
        reason: 'must be an earlier meeting of the same body',
      });
    });
  },
  { per: 'suite' },
);
