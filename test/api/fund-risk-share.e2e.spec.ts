import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore, refusedRecordingNothing } from '../support/durable-stores';

const MEDWAY = '/api/fund/pools/medway-bcf/years/2017-18';
const SHARED = '/api/fund/pools/medway-shared/years/2017-18';
const RUTLAND = '/api/fund/pools/rutland-bcf/years/2016-17';
/** A response body, read by value: the assertions below are what give it shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Medway's iBCF for 2017-18 (001:331-333) and its pooled budget less it. */
const IBCF = 396_230_800;
const MINIMUM = 2_453_186_200 - IBCF;
/** Scheme 3, Intermediate care and reablement, and scheme 14, Community nursing: their 2017-18 plans (001:402-419). */
const REABLEMENT = 395_551_500;
const NURSING = 445_176_400;

describeEachDurableStore(
  "the pooled fund's risk share through the API: overspend, its basis, its bearers and the charges",
  (setting) => {
    let api: RunningApi;
    let finance: string;
    let governance: string;
    let auditor: string;
    beforeAll(async () => {
      api = await startApi(setting(), { demoData: true });
      [finance, governance, auditor] = await Promise.all([
        api.token('finance-officer', 'finance-1'),
        api.token('governance-officer', 'gov-1'),
        api.token('auditor', 'auditor-1'),
      ]);
    }, 180_000);
    afterAll(() => api?.close());

    const post = (path: string, body: object, token = finance) =>
      api.http().post(path).set('Authorization', `Bearer ${token}`).send(body);
    const get = async (path: string): Promise<Json> =>
      (await api.http().get(path).set('Authorization', `Bearer ${auditor}`).expect(200)).body;
    let n = 0;
    const tx = (pool: string, effectiveOn: string, movement: object) =>
      post(`${pool}/transactions`, {
        transactionId: `risk-${(n += 1)}`,
        effectiveOn,
        statedBy: { kind: 'decision', reference: 'risk-share scenario' },
        reason: 'a fresh scenario on the seeds’ figures',
        ...movement,
      }).expect(200);
    const contribute = async (pool: string, partnerId: string, source: string, amountPence: number) => {
      await tx(pool, '2017-06-30', { kind: 'contribution-committed', partnerId, source, amountPence });
      await tx(pool, '2017-06-30', { kind: 'contribution-received', partnerId, source, amountPence });
    };
    const scheme = (position: Json, schemeId: string) =>
      position.schemes.find((s: Json) => s.schemeId === schemeId);

    it("Medway (incurring partner): scheme 3's overspend against its plan is the council's, outside the pool; a charge keeps the spend", async () => {
      await contribute(MEDWAY, 'medway-council', 'ibcf', IBCF);
      await contribute(MEDWAY, 'nhs-medway-ccg', 'minimum', MINIMUM);
      await tx(MEDWAY, '2018-03-31', {
        kind: 'expenditure',
        schemeId: 'medway-scheme-03',
        amountPence: REABLEMENT + 12_000_000,
      });
      await tx(MEDWAY, '2018-03-31', {
        kind: 'expenditure',
        schemeId: 'medway-scheme-14',
        amountPence: NURSING - 20_000_000,
      });
      const position = await get(`${MEDWAY}/position`);
      expect(scheme(position, 'medway-scheme-03')).toMatchObject({
        plannedPence: REABLEMENT,
        overspendBasis: 'plan',
        overspendBasisPence: REABLEMENT,
        overspendPence: 12_000_000,
        borneBy: [{ bearer: 'medway-council', amountPence: 12_000_000 }],
      });
      expect(scheme(position, 'medway-scheme-01')).toMatchObject({
        overspendBasis: 'plan',
        overspendPence: 0,
      });
      expect(position.riskShare).toMatchObject({
        kind: 'incurring-partner',
        nettedAcrossSchemes: false,
        carriedOutsidePoolPence: 12_000_000,
        bearers: [{ bearer: 'medway-council', amountPence: 12_000_000, schemes: ['medway-scheme-03'] }],
      });
      // the pool's own position leaves the council's overspend out: nothing nets it
      expect(position.underspendPence).toBe(IBCF + MINIMUM - REABLEMENT - (NURSING - 20_000_000));
      expect(position.poolExpenditurePence).toBe(position.expenditurePence - 12_000_000);

      await tx(MEDWAY, '2018-03-31', {
        kind: 'overspend-charged',
        schemeId: 'medway-scheme-03',
        amountPence: 12_000_000,
      });
      const charged = await get(`${MEDWAY}/position`);
      expect(scheme(charged, 'medway-scheme-03')).toMatchObject({
        actualPence: REABLEMENT + 12_000_000,
        chargedPence: 12_000_000,
        netOfChargesPence: REABLEMENT,
      });
      expect(charged.expenditurePence).toBe(position.expenditurePence);
      expect(charged.overspendChargedPence).toBe(12_000_000);
      expect(charged.recoverable).toEqual([{ partnerId: 'medway-council', amountPence: 12_000_000 }]);
      expect(charged.riskShare.bearers[0]).toMatchObject({ chargedPence: 12_000_000, notYetChargedPence: 0 });
      expect(charged.sumOfAllBalancesPence).toBe(0);

      const council = await get(`${MEDWAY}/partners/medway-council`);
      const ccg = await get(`${MEDWAY}/partners/nhs-medway-ccg`);
      expect(council).toMatchObject({
        riskShare: 'incurring-partner',
        overspendBornePence: 12_000_000,
        overspendChargedPence: 12_000_000,
      });
      expect(ccg.overspendBornePence).toBe(0);
      expect(council.shareOfExpenditurePence + ccg.shareOfExpenditurePence).toBe(charged.expenditurePence);
      expect(council.shareOfPooledExpenditurePence + ccg.shareOfPooledExpenditurePence).toBe(
        charged.expenditurePence - 12_000_000,
      );
    });

    it('a fresh percentage split (CCG 60%, council 40%): budgets in the schedule, the pool netted and split to the penny', async () => {
      const terms = {
        parties: ['medway-council', 'nhs-medway-ccg'],
        hostPartnerId: 'medway-council',
        pools: [{ poolId: 'medway-shared', name: 'Medway shared-risk pool (scenario)' }],
        schedules: [
          {
            schemeId: 'shared-reablement',
            poolId: 'medway-shared',
            name: 'Intermediate care and reablement service',
            element: 'bcf',
            leadPartnerId: 'medway-council',
            budgetPence: REABLEMENT,
          },
          {
            schemeId: 'shared-community-nursing',
            poolId: 'medway-shared',
            name: 'Community nursing',
            element: 'bcf',
            leadPartnerId: 'nhs-medway-ccg',
            budgetPence: NURSING,
          },
        ],
        contributionRules: [],
        riskShare: {
          kind: 'percentage-split',
          shares: [
            { partnerId: 'nhs-medway-ccg', basisPoints: 6_000 },
            { partnerId: 'medway-council', basisPoints: 4_000 },
          ],
        },
        underspend: 'redeploy',
        term: { from: '2017-04-01' },
      };
      await post(
        '/api/fund/agreements',
        {
          agreementId: 'medway-shared-s75',
          areaId: 'medway',
          variationId: 'medway-shared-s75-v0',
          effectiveOn: '2017-04-01',
          terms,
          reason: 'a fresh scenario',
        },
        governance,
      ).expect(201);
      await post('/api/fund/pools/medway-shared/years', {
        year: '2017-18',
        agreementId: 'medway-shared-s75',
        reason: 'a fresh scenario',
      }).expect(201);
      await contribute(SHARED, 'medway-council', 'minimum', REABLEMENT);
      await contribute(SHARED, 'nhs-medway-ccg', 'minimum', NURSING);
      await tx(SHARED, '2018-03-31', {
        kind: 'expenditure',
        schemeId: 'shared-reablement',
        amountPence: REABLEMENT + 30_000_001,
      });
      await tx(SHARED, '2018-03-31', {
        kind: 'expenditure',
        schemeId: 'shared-community-nursing',
        amountPence: NURSING - 5_000_000,
      });
      const position = await get(`${SHARED}/position`);
      expect(scheme(position, 'shared-reablement')).toMatchObject({
        budgetPence: REABLEMENT,
        overspendBasis: 'budget',
        overspendPence: 30_000_001,
      });
      expect(position.overspendPence).toBe(25_000_001);
      expect(position.riskShare).toMatchObject({
        kind: 'percentage-split',
        nettedAcrossSchemes: true,
        bearers: [
          { bearer: 'nhs-medway-ccg', amountPence: 15_000_001 },
          { bearer: 'medway-council', amountPence: 10_000_000 },
        ],
      });
      const council = await get(`${SHARED}/partners/medway-council`);
      const ccg = await get(`${SHARED}/partners/nhs-medway-ccg`);
      expect([council.overspendBornePence, ccg.overspendBornePence]).toEqual([10_000_000, 15_000_001]);
      expect(council.shareOfExpenditurePence + ccg.shareOfExpenditurePence).toBe(position.expenditurePence);
      // each partner's pooled share is in proportion to what it put in; the overspend is by the agreed shares
      const pooled = position.expenditurePence - 25_000_001;
      expect(council.shareOfPooledExpenditurePence + ccg.shareOfPooledExpenditurePence).toBe(pooled);
      const exact = (BigInt(pooled) * BigInt(REABLEMENT)) / BigInt(REABLEMENT + NURSING);
      expect(council.shareOfPooledExpenditurePence - Number(exact)).toBeGreaterThanOrEqual(0);
      expect(council.shareOfPooledExpenditurePence - Number(exact)).toBeLessThanOrEqual(1);
    });

    it('Rutland (risk-share fund): spend over the one-off projects’ £200k cap is met from the fund, and cannot be charged', async () => {
      await tx(RUTLAND, '2017-03-31', {
        kind: 'expenditure',
        schemeId: 'rutland-one-off-projects',
        amountPence: 25_000_000,
      });
      const position = await get(`${RUTLAND}/position`);
      expect(scheme(position, 'rutland-one-off-projects')).toMatchObject({
        capPence: 20_000_000,
        overspendBasis: 'cap',
        overspendPence: 5_000_000,
        borneBy: [{ bearer: 'risk-share-fund', amountPence: 5_000_000 }],
      });
      expect(scheme(position, 'rutland-bcf-programme')).toMatchObject({
        overspendBasis: 'none',
        overspendNotMeasured: expect.stringContaining('no budget and no cap'),
      });
      const refused = await refusedRecordingNothing(setting(), () =>
        post(`${RUTLAND}/transactions`, {
          transactionId: 'rutland-charge',
          effectiveOn: '2017-03-31',
          statedBy: { kind: 'decision', reference: 'test' },
          reason: 'test',
          kind: 'overspend-charged',
          schemeId: 'rutland-one-off-projects',
          amountPence: 5_000_000,
        }),
      );
      expect(refused.body.errors[0].reason).toContain('risk-share fund');
    });

    it('records a meeting and its attendance as creations: 201 with Location', async () => {
      const meeting = await post(
        '/api/governance/meetings',
        {
          meetingId: 'risk-share-meeting',
          bodyId: 'kent-hwb',
          date: '2018-01-10',
          agenda: [{ itemNo: '1', title: 'Apologies' }],
          reason: 'test',
        },
        governance,
      ).expect(201);
      expect(meeting.headers.location).toBe('/api/governance/meetings/risk-share-meeting');
      const attendance = await post(
        '/api/governance/meetings/risk-share-meeting/attendance',
        {
          present: [{ personId: 'p-0002', capacity: 'chair' }],
          apologies: [],
          inAttendance: [],
          reason: 'test',
        },
        governance,
      ).expect(201);
      expect(attendance.headers.location).toBe('/api/governance/meetings/risk-share-meeting');
      expect((await get(attendance.headers.location!)).attendance).toMatchObject({
        present: [{ personId: 'p-0002', capacity: 'chair' }],
      });
      // attendance is recorded once: a second is refused and records nothing
      const again = await refusedRecordingNothing(setting(), () =>
        post(
          '/api/governance/meetings/risk-share-meeting/attendance',
          {
            present: [{ personId: 'p-0002', capacity: 'chair' }],
            apologies: [],
            inAttendance: [],
            reason: 't',
          },
          governance,
        ),
      );
      expect(again.status).toBe(409);
    });
  },
  { per: 'suite' },
);
