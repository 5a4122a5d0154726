import kent from '../../demo/plans/kent-2017-19.json';
import medway from '../../demo/plans/medway-2017-19.json';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore } from '../support/durable-stores';

type Check = { checkId: string; severity: string; outcome: string; accepted: boolean };

describeEachDurableStore(
  'BCF plans through the API',
  (setting) => {
    let api: RunningApi;
    let lead: string;
    let finance: string;
    let governance: string;
    let auditor: string;
    beforeAll(async () => {
      api = await startApi(setting(), { demoData: true });
      [lead, finance, governance, auditor] = await Promise.all([
        api.token('programme-lead', 'lead-1'),
        api.token('finance-officer', 'finance-1'),
        api.token('governance-officer', 'gov-1'),
        api.token('auditor', 'auditor-1'),
      ]);
    }, 120_000);
    afterAll(() => api?.close());

    const post = (path: string, body: object, token: string) =>
      api.http().post(path).set('Authorization', `Bearer ${token}`).send(body);
    const get = (path: string) => api.http().get(path).set('Authorization', `Bearer ${auditor}`);
    const standing = (checks: Check[]) =>
      checks.filter((c) => c.outcome !== 'pass').map((c) => `${c.severity} ${c.checkId}`);

    it('imports the Kent 2017-19 plan and reports the checks its real figures produce; a re-import records nothing', async () => {
      const imported = await post('/api/plans/import', kent, lead).expect(200);
      expect(imported.body).toMatchObject({ planId: 'kent-2017-19', version: 1, cycle: '2017-19' });
      expect(standing(imported.body.checks).sort()).toEqual(
        [
          // issue 12 §4: no scheme-level spend in the seeds, so F2 is not checkable (was 'blocking')
          'warning F2:expenditure-equals-pooled:2017-18',
          'warning F2:expenditure-equals-pooled:2018-19',
          'warning C2:asc-minimum:2017-18',
          'warning C2:asc-minimum:2018-19',
          'warning P10:carers-break',
          'information F13:dfg-pass-down:2017-18',
          'information F13:dfg-pass-down:2018-19',
          'information S6:nea-annual:2017-18',
          'information S6:nea-annual:2018-19',
          'information S6:nhs-minimum:2017-18',
          'information S6:nhs-minimum:2018-19',
          'information S6:pooled-budget:2017-18',
          'information S6:pooled-budget:2018-19',
          // issue 12 §4: against the stated subtotals too, the movements between years, and the required uplift
          'information S6:pooled-budget:2017-18:subtotals',
          'information Y1:nea-annual:2017-18..2018-19',
          'information Y1:pooled-budget:2017-18..2018-19',
          // four CCGs' 2018-19 minimum is within pence of 2017-18 × 1.019 (rounding)
          'information U1:required-uplift:nhs-minimum/nhs-canterbury-and-coastal-ccg:2017-18..2018-19',
          'information U1:required-uplift:nhs-minimum/nhs-dartford-gravesham-and-swanley-ccg:2017-18..2018-19',
          'information U1:required-uplift:nhs-minimum/nhs-south-kent-coast-ccg:2017-18..2018-19',
          'information U1:required-uplift:nhs-minimum/nhs-thanet-ccg:2017-18..2018-19',
          // the reference data sets no required uplift for these sources (not checkable)
          'information U1:required-uplift:dfg/kent-county-council:2017-18..2018-19',
          'information U1:required-uplift:ibcf/kent-county-council:2017-18..2018-19',
          'information U1:required-uplift:nhs-additional/nhs-dartford-gravesham-and-swanley-ccg:2017-18..2018-19',
          'information U1:required-uplift:nhs-additional/nhs-swale-ccg:2017-18..2018-19',
        ].sort(),
      );
      // the demo data holds this plan already: an import that records nothing new answers 200
      const again = await post('/api/plans/import', kent, lead).expect(200);
      expect(again.headers.etag).toBe(imported.headers.etag);
      const list = await get('/api/plans?areaId=kent').expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ planId: 'kent-2017-19', version: 1 })]);
    });

    it('imports the Medway plan and finds its £50,000 expenditure discrepancy', async () => {
      const imported = await post('/api/plans/import', medway, finance).expect(200);
      const expenditure = imported.body.checks.find((c: Check) => c.checkId === 'S6:expenditure:2017-18');
      expect(expenditure).toMatchObject({
        severity: 'warning',
        outcome: 'fail',
        figures: { difference: '£50,000' },
      });
    });

    it('refuses sign-off as a plan step (governance records it), versions a change after sign-off, and diffs the versions', async () => {
      const agree = {
        step: 'jointly-agreed',
        on: '2017-09-11',
        parties: ['kent-county-council', 'nhs-west-kent-ccg'],
        delegated: false,
        reason: '000:34-46',
      };
      await post('/api/plans/kent-2017-19/steps', agree, governance).expect(200);
      const before = (await get('/api/plans/kent-2017-19').expect(200)).headers.etag;
      const signOff = await post(
        '/api/plans/kent-2017-19/steps',
        { ...agree, step: 'signed-off', delegated: true, reason: '000:440' },
        governance,
      );
      expect(signOff.status).toBe(409);
      expect(signOff.body).toMatchObject({
        type: '/problems/recorded-by-governance',
        use: 'POST /api/governance/instruments/bcf-plan/kent-2017-19/approvals',
        errors: [
          {
            field: 'step',
            reason: expect.stringContaining('/api/governance/instruments/bcf-plan/kent-2017-19/approvals'),
          },
        ],
      });
      const reportBack = await post(
        '/api/plans/kent-2017-19/steps',
        { ...agree, step: 'reported-back', reason: '000:442' },
        governance,
      ).expect(409);
      expect(reportBack.body.use).toBe('POST /api/governance/delegations/{delegationId}/report-back');
      expect((await get('/api/plans/kent-2017-19').expect(200)).headers.etag).toBe(before);

      // the demo accepts Kent's warnings for its recorded sign-off (demo/plans.json): once only
      const accepted = await get('/api/plans/kent-2017-19').expect(200);
      expect(accepted.body.checks.find((c: Check) => c.checkId === 'P10:carers-break').accepted).toBe(true);
      await post(
        '/api/plans/kent-2017-19/warning-acceptances',
        { checkId: 'P10:carers-break', reason: 'rolled from 16/17' },
        finance,
      ).expect(409);
      // A blocking result cannot be accepted: Medway plans spend that does not equal its pool, so F2 blocks
      // there (Kent's F2 is now not checkable, a warning: issue 12 §4).
      await post(
        '/api/plans/medway-2017-19/warning-acceptances',
        { checkId: 'F2:expenditure-equals-pooled:2017-18', reason: 'no' },
        finance,
      ).expect(409);

      const revised = {
        ...kent,
        justification: 'Corrected Swale additional contribution (test)',
        contributions: kent.contributions.map((c) =>
          c.key === 'nhs-additional/nhs-swale-ccg'
            ? { ...c, amountsPence: { '2017-18': 6_000_000, '2018-19': 5_970_000 } }
            : c,
        ),
      };
      const v2 = await post('/api/plans/import', revised, lead).expect(201);
      expect(v2.headers.location).toBe('/api/plans/kent-2017-19');
      expect(v2.body).toMatchObject({ version: 2, steps: [] });
      const diff = await get('/api/plans/kent-2017-19/diff?from=1&to=2').expect(200);
      expect(diff.body.changes).toEqual([
        {
          section: 'contributions',
          key: 'nhs-additional/nhs-swale-ccg',
          field: 'amountsPence',
          before: { '2017-18': 5_970_000, '2018-19': 5_970_000 },
          after: { '2017-18': 6_000_000, '2018-19': 5_970_000 },
          changedBy: {
            actor: 'lead-1',
            reason: `plan document imported through the API: ${revised.justification}`,
            justification: revised.justification,
            recordedAt: expect.any(String),
            // imported with no evidence: assumed, saying so
            evidence: { citations: [], assumed: 'no source was cited when this was recorded' },
          },
        },
      ]);
      const versions = await get('/api/plans/kent-2017-19/versions').expect(200);
      expect(versions.body.versions[1].changes).toEqual([
        expect.objectContaining({
          type: 'PlanEntryAmended',
          key: 'nhs-additional/nhs-swale-ccg',
          actor: 'lead-1',
          justification: revised.justification,
        }),
      ]);
      const v1 = await get('/api/plans/kent-2017-19?version=1').expect(200);
      // the Chairman's sign-off and its report-back (governance), and the joint agreement recorded above
      expect(
        v1.body.steps.map((s: { step: string; recordedAs: string }) => `${s.step} ${s.recordedAs}`),
      ).toEqual(['signed-off governance', 'jointly-agreed plan-step', 'reported-back governance']);
      expect(
        v1.body.content.contributions.find((c: { key: string }) => c.key === 'nhs-additional/nhs-swale-ccg')
          .amountsPence['2017-18'],
      ).toBe(5_970_000);
    });

    it('refuses a malformed document, naming the field, and records nothing', async () => {
      const before = await get('/api/plans/kent-2017-19').expect(200);
      const unknownDistrict = {
        ...kent,
        dfgPassDown: [{ key: 'x', districtId: 'medway-council', amountsPence: { '2017-18': 1 } }],
      };
      const refused = await post('/api/plans/import', unknownDistrict, lead).expect(422);
      expect(refused.body.errors).toEqual([
        { field: 'dfgPassDown[0].districtId', reason: expect.stringContaining("'medway-council'") },
      ]);
      const negative = {
        ...kent,
        contributions: [{ ...kent.contributions[0]!, amountsPence: { '2017-18': -5 } }],
      };
      const refusedMoney = await post('/api/plans/import', negative, lead).expect(400);
      expect(refusedMoney.body.errors[0].field).toBe('contributions[0].amountsPence.2017-18');
      const duplicate = { ...medway, schemes: [medway.schemes[0]!, medway.schemes[0]!] };
      expect((await post('/api/plans/import', duplicate, lead).expect(422)).body.errors[0].field).toBe(
        'schemes[1].key',
      );
      const narratives = (count: number) =>
        Array.from({ length: count }, (_, i) => ({ key: `n${i}`, heading: 'h', text: 'x'.repeat(15_000) }));
      const overTwoMiB = await post(
        '/api/plans/import',
        { ...kent, narratives: narratives(150) },
        lead,
      ).expect(413);
      expect(overTwoMiB.body.errors).toEqual([{ field: 'body', reason: 'must be at most 2097152 bytes' }]);
      expect((await get('/api/plans/kent-2017-19').expect(200)).headers.etag).toBe(before.headers.etag);
    });

    it('takes plan documents beyond the 64 KiB general body limit, up to 2 MiB', async () => {
      const longer = {
        ...medway,
        narratives: Array.from({ length: 12 }, (_, i) => ({
          key: `n${i}`,
          heading: 'h',
          text: 'x'.repeat(15_000),
        })),
      };
      expect(JSON.stringify(longer).length).toBeGreaterThan(64 * 1024);
      await post('/api/plans/import', longer, finance).expect(200);
    });

    it('exports a version as a workbook, and a workbook import records nothing new', async () => {
      const current = await get('/api/plans/kent-2017-19').expect(200);
      const workbook = await get('/api/plans/kent-2017-19/export?format=xlsx')
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(workbook.headers['content-type']).toMatch(/spreadsheetml/);
      const reimported = await api
        .http()
        .post('/api/plans/import')
        .set('Authorization', `Bearer ${lead}`)
        .set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(workbook.body as Buffer)
        .expect(200);
      expect(reimported.headers.etag).toBe(current.headers.etag);
      const json = await get('/api/plans/kent-2017-19/export').expect(200);
      expect(json.body).toMatchObject({
        format: 'bcl-plan/1',
        planId: 'kent-2017-19',
        justification: 'export of kent-2017-19 version 2',
      });
      expect(json.body.contributions).toEqual(current.body.content.contributions);
    });

    it('refuses a section import that would remove entries with a preview, recording nothing, until replace=true', async () => {
      const whole = { ...kent, planId: 'kent-removal-preview' };
      const created = await post('/api/plans/import', whole, lead).expect(201);
      expect(created.headers.location).toBe('/api/plans/kent-removal-preview');
      const before = await get('/api/plans/kent-removal-preview').expect(200);
      const [kept] = kent.contributions;
      const oneRow = {
        format: kent.format,
        planId: 'kent-removal-preview',
        areaId: 'kent',
        cycle: '2017-19',
        justification: 'Kent HWB report of 27 January 2016 (test)',
        contributions: [{ ...kept!, amountsPence: { '2017-18': 100, '2018-19': 100 } }],
      };
      const refused = await post('/api/plans/import', oneRow, lead).expect(409);
      refused.body.changes[0].removed.sort();
      expect(refused.body).toMatchObject({
        type: '/problems/removal-needs-confirmation',
        planId: 'kent-removal-preview',
        errors: [{ field: 'replace', reason: expect.stringContaining('nothing was recorded') }],
        changes: [
          {
            section: 'contributions',
            added: [],
            changed: [kept!.key],
            removed: kent.contributions
              .slice(1)
              .map((c) => c.key)
              .sort(),
          },
        ],
      });
      expect(refused.body.changes[0].removed).toHaveLength(kent.contributions.length - 1);
      expect((await get('/api/plans/kent-removal-preview').expect(200)).headers.etag).toBe(
        before.headers.etag,
      );
      await post('/api/plans/import?replace=maybe', oneRow, lead).expect(400);
      // a change to the current (draft) version creates nothing: 200
      const replaced = await post('/api/plans/import?replace=true', oneRow, lead).expect(200);
      expect(replaced.body.content.contributions).toHaveLength(1);
    });

    it('refuses a placeholder justification, naming it, and records nothing', async () => {
      for (const justification of ['…', 'TBC', 'n/a', ' '])
        expect(
          (await post('/api/plans/import', { ...kent, planId: 'kent-placeholder', justification }, lead)).body
            .errors,
        ).toEqual([{ field: 'justification', reason: expect.stringContaining('placeholder') }]);
      await get('/api/plans/kent-placeholder').expect(404);
    });
  },
  { per: 'suite' },
);
