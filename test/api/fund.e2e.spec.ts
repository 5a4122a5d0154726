import ExcelJS from 'exceljs';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore, refusedRecordingNothing } from '../support/durable-stores';

const SOUTHEND = '/api/fund/pools/southend-bcf/years/2016-17';
const KENT = '/api/fund/pools/kent-bcf/years/2017-18';
/** A response body, read by value: the assertions below are what give it shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describeEachDurableStore(
  'the pooled fund through the API: agreements, double entry, positions and reconciliation',
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
    const get = (path: string) => api.http().get(path).set('Authorization', `Bearer ${auditor}`);
    const refused = (send: () => Promise<{ status: number; body: Json; headers: Json }>) =>
      refusedRecordingNothing(setting(), send);
    const statedBy = { kind: 'decision', reference: 'test' };

    it('holds Southend-on-Sea 2016-17 quarter by quarter, and reconciles it in JSON, CSV and XLSX', async () => {
      const q2 = (await get(`${SOUTHEND}/position?asAt=2016-09-30`).expect(200)).body;
      expect(q2.contributionTotals).toEqual({
        committedPence: 656_552_500,
        receivedPence: 656_552_500,
        outstandingPence: 0,
      });
      // the quarter's figures were stated in later returns (the Q2 return by 25 November 2016; the plan as the
      // Q4 return of 31 May 2017 states it): as at 30 September 2016 none of them had been stated
      expect(q2.byQuarter[1].expenditure).toEqual({
        planPence: null,
        forecastPence: null,
        statedActualPence: null,
        ledgerPence: 328_276_200,
      });
      expect((await get(`${SOUTHEND}/position`).expect(200)).body.byQuarter[1].expenditure).toEqual({
        planPence: 328_276_200,
        forecastPence: 328_276_200,
        statedActualPence: 328_276_200,
        ledgerPence: 328_276_200,
      });
      // on the recorded axis, nothing was known on 30 September 2016
      expect(
        (await get(`${SOUTHEND}/position?asAt=2016-09-30&axis=recorded`).expect(200)).body.transactions,
      ).toBe(0);
      const json = (await get(`${SOUTHEND}/reconciliation`).expect(200)).body;
      expect(json.summary).toEqual({ agrees: 21, rounding: 0, discrepancy: 0, notCheckable: 0 });
      const csv = await get(`${SOUTHEND}/reconciliation?format=csv`).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.text.trim().split('\r\n');
      expect(lines).toHaveLength(22);
      expect(lines[0]).toBe(
        'check,subject,quarter,stated_pence,stated_source,computed_pence,computed_from,difference_pence,classification,rests_on,missing,rests_on_assumed,evidence',
      );
      // every finding says it rests on the agreement's assumed terms (the demo's host and risk share are stand-ins)
      expect(lines[1]).toMatch(/,agrees,"?rests on assumed terms: the host partner is not in the seeds/);
      const xlsx = await get(`${SOUTHEND}/reconciliation?format=xlsx`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as ArrayBuffer);
      expect(workbook.getWorksheet('Findings')!.rowCount).toBe(22);
      expect(workbook.getWorksheet('Summary')!.getRow(6).values).toEqual([undefined, 'Agree', 21]);
      const partner = (await get(`${SOUTHEND}/partners/southend-on-sea-borough-council`).expect(200)).body;
      expect(partner).toMatchObject({
        committedPence: 1_313_104_900,
        shareOfIncomeBasisPoints: 10_000,
        shareOfExpenditurePence: 1_313_104_900,
      });
    });

    it("finds Kent's £2 DFG rounding and Medway's £50,000 discrepancy, and puts the latter in the certification pack", async () => {
      const kent = (await get(`${KENT}/reconciliation`).expect(200)).body;
      expect(kent.plan).toEqual({ planId: 'kent-2017-19', version: 1 });
      // issue 12 §4: the demo posts only Kent's DFG, so the plan's CCG and iBCF contributions and its (absent)
      // scheme spend are not checkable against the ledger, rather than ten discrepancies
      expect(kent.summary).toEqual({ agrees: 13, rounding: 1, discrepancy: 0, notCheckable: 11 });
      expect(kent.findings).toContainEqual(
        expect.objectContaining({
          subject: 'nhs-west-kent-ccg nhs-minimum',
          computed: { amountPence: null, from: 'ledger: income/nhs-west-kent-ccg/nhs-minimum' },
          differencePence: null,
          classification: 'not-checkable',
          missing: 'no nhs-minimum contributions posted for 2017-18',
        }),
      );
      expect(kent.findings).toContainEqual(
        expect.objectContaining({
          check: 'dfg-passed-down-in-full',
          differencePence: -200,
          classification: 'rounding',
        }),
      );
      const pack = (await get('/api/fund/pools/medway-bcf/years/2017-18/certification').expect(200)).body;
      expect(pack.exceptions.reconciliation).toEqual([
        expect.objectContaining({
          check: 'schemes-equal-pooled-fund',
          differencePence: 5_000_000,
          classification: 'discrepancy',
        }),
        // the demo posts no Medway contributions or spend: the pooled budget, the plan's iBCF contribution
        // (£3,962,308) and its planned spend on schemes (£24,481,862) cannot be compared with the ledger
        expect.objectContaining({
          check: 'contributions-equal-pooled-fund',
          classification: 'not-checkable',
          missing: 'no contributions or balances brought forward posted for 2017-18',
        }),
        expect.objectContaining({
          check: 'plan-contribution-equals-ledger',
          subject: 'medway-council ibcf',
          differencePence: null,
          classification: 'not-checkable',
          missing: 'no ibcf contributions posted for 2017-18',
        }),
        expect.objectContaining({
          check: 'plan-expenditure-equals-ledger',
          classification: 'not-checkable',
          missing: 'no expenditure posted for 2017-18',
        }),
      ]);
      const rutland = (await get('/api/fund/pools/rutland-bcf/years/2016-17/position').expect(200)).body;
      expect(rutland.reserves).toEqual([{ reserve: 'risk-share', amountPence: 10_100_000 }]);
    });

    it('refuses bad money commands with the field and the reason, recording nothing', async () => {
      const tx = (body: object) =>
        post(`${KENT}/transactions`, {
          transactionId: 'bad',
          effectiveOn: '2017-06-30',
          statedBy,
          reason: 'test',
          ...body,
        });
      expect(
        (await refused(() => tx({ kind: 'expenditure', schemeId: 'golf', amountPence: 100 }))).body.errors,
      ).toEqual([
        {
          field: 'movement.schemeId',
          reason: expect.stringContaining("scheme 'golf' is not in the agreement's schedules"),
        },
      ]);
      const unbalanced = await refused(() =>
        tx({
          kind: 'journal',
          postings: [
            { account: 'bank', amountPence: 100 },
            { account: 'dfg-passed-down/swale-borough-council', amountPence: -99 },
          ],
        }),
      );
      expect(unbalanced.body.errors).toEqual([
        { field: 'movement.postings', reason: 'the postings must balance: they sum to 1 pence, not 0' },
      ]);
      expect(
        (
          await refused(() =>
            tx({
              kind: 'contribution-committed',
              partnerId: 'kent-county-council',
              source: 'dfg',
              amountPence: -5,
            }),
          )
        ).status,
      ).toBe(400);
      expect(
        (
          await refused(() =>
            tx({
              kind: 'contribution-committed',
              partnerId: 'kent-county-council',
              source: 'dfg',
              amountPence: 1e12 + 1,
            }),
          )
        ).status,
      ).toBe(400);
      expect(
        (
          await refused(() =>
            tx({ kind: 'contribution-committed', partnerId: 'kent-county-council', amountPence: 5 }),
          )
        ).body.errors,
      ).toEqual([{ field: 'source', reason: "is required for a 'contribution-committed' transaction" }]);
      // a closed year takes nothing until a reopening decision
      await post(`${KENT}/closure`, {
        on: '2018-05-31',
        decision: { kind: 'decision', reference: 'year-end accounts' },
        reason: 'test',
      }).expect(200);
      expect(
        (
          await refused(() =>
            tx({
              kind: 'contribution-committed',
              partnerId: 'kent-county-council',
              source: 'ibcf',
              amountPence: 5,
            }),
          )
        ).status,
      ).toBe(409);
      await post(`${KENT}/reopening`, {
        on: '2018-06-15',
        decision: { kind: 'decision', reference: 'audit adjustment' },
        reason: 'test',
      }).expect(200);
      // a correction: reverse, then a replacement linked to what it corrects; never a second reversal
      await tx({
        transactionId: 'kent-ibcf',
        kind: 'contribution-committed',
        partnerId: 'kent-county-council',
        source: 'ibcf',
        amountPence: 5,
      }).expect(200);
      await post(`${KENT}/reversals`, {
        transactionId: 'kent-ibcf-reversed',
        reverses: 'kent-ibcf',
        effectiveOn: '2017-07-01',
        statedBy,
        reason: 'keyed in pounds, not pence',
      }).expect(200);
      expect(
        (
          await refused(() =>
            post(`${KENT}/reversals`, {
              transactionId: 'again',
              reverses: 'kent-ibcf',
              effectiveOn: '2017-07-01',
              statedBy,
              reason: 'test',
            }),
          )
        ).status,
      ).toBe(409);
      const corrected = await tx({
        transactionId: 'kent-ibcf-corrected',
        correctionOf: 'kent-ibcf',
        kind: 'contribution-committed',
        partnerId: 'kent-county-council',
        source: 'ibcf',
        amountPence: 500,
      }).expect(200);
      expect(corrected.body.contributions.find((c: Json) => c.source === 'ibcf')).toMatchObject({
        committedPence: 500,
      });
      expect(corrected.body.sumOfAllBalancesPence).toBe(0);
      // a reversed posting is replaced once: a second replacement is refused, recording nothing
      const twice = await refused(() =>
        tx({
          transactionId: 'kent-ibcf-corrected-again',
          correctionOf: 'kent-ibcf',
          kind: 'contribution-committed',
          partnerId: 'kent-county-council',
          source: 'ibcf',
          amountPence: 50,
        }),
      );
      expect(twice.status).toBe(409);
      expect(twice.body.errors).toEqual([
        { field: 'correctionOf', reason: "'kent-ibcf' was already replaced by 'kent-ibcf-corrected'" },
      ]);
    });

    it('shows an agreement as at any date; a variation takes effect from its own date', async () => {
      const terms = (await get('/api/fund/agreements/rutland-bcf-pool?asAt=2016-06-01').expect(200)).body
        .inEffect.terms;
      const varied = await post(
        '/api/fund/agreements/rutland-bcf-pool/variations',
        {
          variationId: 'rutland-bcf-pool-2017',
          effectiveOn: '2017-04-01',
          summary: 'test: an iBCF pool added',
          terms: { ...terms, pools: [...terms.pools, { poolId: 'rutland-ibcf', name: 'iBCF' }] },
          reason: 'test',
        },
        governance,
      ).expect(200);
      expect(varied.body.versions.map((v: Json) => v.variationId)).toEqual([
        'rutland-bcf-pool-2016',
        'rutland-bcf-pool-2017',
      ]);
      expect(
        (await get('/api/fund/agreements/rutland-bcf-pool?asAt=2017-03-31').expect(200)).body.inEffect.terms
          .pools,
      ).toHaveLength(1);
      expect(
        (await get('/api/fund/agreements/rutland-bcf-pool?asAt=2017-04-01').expect(200)).body.inEffect.terms
          .pools,
      ).toHaveLength(2);
      const split = await refused(() =>
        post(
          '/api/fund/agreements/rutland-bcf-pool/variations',
          {
            variationId: 'bad-split',
            effectiveOn: '2018-04-01',
            summary: 'x',
            terms: {
              ...terms,
              riskShare: {
                kind: 'percentage-split',
                shares: [{ partnerId: 'rutland-county-council', basisPoints: 6000 }],
              },
            },
            reason: 'test',
          },
          governance,
        ),
      );
      expect(split.body.errors).toEqual([
        { field: 'terms.riskShare.shares', reason: 'the shares must add up to 10,000 basis points (100%)' },
      ]);
      await post('/api/fund/pools/rutland-ibcf/years', {
        year: '2017-18',
        agreementId: 'rutland-bcf-pool',
        reason: 'test',
      }).expect(201);
      expect(
        (
          await refused(() =>
            post('/api/fund/pools/rutland-ibcf/years', {
              year: '2016-17',
              agreementId: 'rutland-bcf-pool',
              reason: 'test',
            }),
          )
        ).status,
      ).toBe(422);
    });

    it("answers the position with the pool-year's revision as ETag, the one a write's If-Match expects", async () => {
      const MEDWAY = '/api/fund/pools/medway-bcf/years/2017-18';
      const position = await get(`${MEDWAY}/position`).expect(200);
      const etag = position.headers.etag!;
      const spend = (transactionId: string, ifMatch: string) =>
        post(`${MEDWAY}/transactions`, {
          transactionId,
          kind: 'contribution-committed',
          partnerId: 'medway-council',
          source: 'ibcf',
          amountPence: 1_00,
          effectiveOn: '2017-06-30',
          statedBy,
          reason: 'test',
        }).set('If-Match', ifMatch);
      const written = await spend('medway-if-match', etag).expect(200);
      expect(written.headers.etag).toBe(`"${Number(JSON.parse(etag)) + 1}"`);
      expect((await get(`${MEDWAY}/position`).expect(200)).headers.etag).toBe(written.headers.etag);
      const stale = await refused(() => spend('medway-stale', etag));
      expect(stale.status).toBe(412);
      expect(stale.body.currentRevision).toBe(Number(JSON.parse(written.headers.etag!)));
    });

    it('never answers 304 to a conditional GET: a position moves with its agreement and the date, not only its stream', async () => {
      const position = await get(`${SOUTHEND}/position`).expect(200);
      const again = await get(`${SOUTHEND}/position`).set('If-None-Match', position.headers.etag!);
      expect(again.status).toBe(200);
      expect(again.body.poolId).toBe('southend-bcf');
      const since = await get(`${SOUTHEND}/position`).set('If-Modified-Since', new Date().toUTCString());
      expect(since.status).toBe(200);
    });
  },
  { per: 'suite' },
);
