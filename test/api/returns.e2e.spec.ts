import { EventStore } from '@bcl/event-store';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore } from '../support/durable-stores';
import { EVENT_STORE } from '@bcl/application';
import { ReturnContext } from '@bcl/application';
import { signReturnOff, useTestReturnTemplates } from './returns-routes';

/** A response body, read by value: the assertions below are what give it shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const Q1 = '/api/returns/medway-2017-18-q1';
const Q2 = '/api/returns/medway-2017-18-q2';

describeEachDurableStore(
  'quarterly returns through the API: issue, fill, validate, sign off, submit, amend from a later quarter',
  (setting) => {
    let api: RunningApi;
    let finance: string;
    let auditor: string;
    let templates: { restore(): void };
    beforeAll(async () => {
      // the specs' own small template (test/api/returns.template.json) as the 2017-18 template version
      templates = useTestReturnTemplates();
      api = await startApi(setting(), { demoData: true });
      [finance, auditor] = await Promise.all([
        api.token('finance-officer', 'finance-1', 'p-medway-finance'),
        api.token('auditor', 'auditor-1'),
      ]);
    }, 180_000);
    afterAll(async () => {
      await api?.close();
      templates.restore();
    });

    const store = () => api.app.get<EventStore>(EVENT_STORE);
    const send = (method: 'post' | 'patch', path: string, body: object, token = finance) =>
      api.http()[method](path).set('Authorization', `Bearer ${token}`).send(body);
    const get = (path: string) => api.http().get(path).set('Authorization', `Bearer ${auditor}`);
    /** A write that must be refused with `status` as problem+json, the log not moving at all. */
    const refused = async (status: number, method: 'post' | 'patch', path: string, body: object) => {
      const head = await store().headPosition();
      const response = await send(method, path, body);
      expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
        status,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
      expect(await store().headPosition()).toBe(head);
      return response.body as Json;
    };
    const signOff = (returnId: string, version: number, approvalId: string) =>
      signReturnOff(api, returnId, version, approvalId);
    const issue = (quarter: number, effectiveOn: string) => ({
      areaId: 'medway',
      financialYear: '2017-18',
      quarter,
      effectiveOn,
      reason: 'issue the return',
    });

    it('issues Q1 pre-filled from the ledger, each value with its source; Q2 only after Q1 is submitted', async () => {
      const early = await refused(409, 'post', '/api/returns', issue(2, '2017-07-01'));
      expect(early.detail).toMatch(/issue and submit Q1 first: return 'medway-2017-18-q1' is not issued/);
      const issued = await send('post', '/api/returns', issue(1, '2017-07-01')).expect(201);
      expect(issued.headers['location']).toBe(Q1);
      expect(issued.headers['etag']).toBe('"0"');
      const cells = issued.body.cells;
      expect(cells['cover.hwb']).toEqual({
        value: 'Medway',
        from: expect.objectContaining({ kind: 'ledger', stream: 'hwb-area-medway', revision: 0 }),
      });
      // the pool-year's pooled budget was stated on 6 September 2017: a return issued before then shows none
      expect(cells['ie.pooledFund']).toEqual({
        value: null,
        from: expect.objectContaining({
          stream: null,
          description: expect.stringMatching(/stated by 2017-07-01/),
        }),
      });
      // nothing stated for the quarter's plan income: null, and the source says nothing was recorded
      expect(cells['ie.income.plan.q1']).toEqual({
        value: null,
        from: expect.objectContaining({
          kind: 'ledger',
          stream: null,
          description: expect.stringMatching(/nothing was recorded/),
        }),
      });
      expect(issued.body).toMatchObject({
        version: 1,
        status: 'issued',
        deadline: { at: '2017-08-25T12:00:00Z' },
      });
      await refused(409, 'post', '/api/returns', issue(1, '2017-07-01'));
    });

    it('refuses bad cells all at once, one `errors` entry per cell, recording nothing', async () => {
      const body = await refused(422, 'patch', `${Q1}/values`, {
        values: { 'cover.nowhere': 'x', 'ie.income.actual.q1': 'a hundred' },
        reason: 'fill',
      });
      expect(body.errors.map((e: Json) => e.field).sort()).toEqual(['cover.nowhere', 'ie.income.actual.q1']);
      await refused(400, 'patch', `${Q1}/values`, { values: { 'cover.completedBy': 1.5 }, reason: 'fill' });
    });

    it('validates: a blocking rule failing turns its section red; filled, every section is green', async () => {
      const red = await send('post', `${Q1}/validation`, {
        reason: 'validate',
        effectiveOn: '2017-07-05',
      }).expect(200);
      expect(red.body.validation).toMatchObject({ version: 1, passed: false });
      expect(red.body.validation.sections.find((s: Json) => s.section === 'cover')).toEqual({
        section: 'cover',
        passed: false,
        failing: ['Q1:cover.completedBy'],
      });
      const filled = await send('patch', `${Q1}/values`, {
        values: { 'cover.completedBy': 'A. Officer', 'ie.income.actual.q1': 100_000 },
        reason: 'fill',
        effectiveOn: '2017-07-10',
      }).expect(200);
      expect(filled.body).toMatchObject({ version: 2, status: 'in-completion', validation: null });
      expect(filled.body.cells['ie.income.actual.q1'].from).toMatchObject({ kind: 'entered', revision: 2 });
      const green = await send('post', `${Q1}/validation`, {
        reason: 'validate',
        effectiveOn: '2017-07-11',
      }).expect(200);
      expect(green.body).toMatchObject({ status: 'validated', validation: { version: 2, passed: true } });
    });

    it('submits only a signed-off version; once submitted every write is refused (409) and nothing recorded', async () => {
      const submission = {
        submittedAt: '2017-08-20T10:00:00Z',
        channel: 'email to england.bettercaresupport@nhs.net',
        fileName: 'Medway HWB',
        reason: 'sent',
      };
      expect((await refused(409, 'post', `${Q1}/submission`, submission)).detail).toMatch(/not signed off/);
      await signOff('medway-2017-18-q1', 1, 'medway-q1-v1'); // an approval of an earlier version does not count
      await refused(409, 'post', `${Q1}/submission`, submission);
      await signOff('medway-2017-18-q1', 2, 'medway-q1-v2');
      const submitted = await send('post', `${Q1}/submission`, submission).expect(200);
      expect(submitted.body).toMatchObject({
        status: 'submitted',
        submitted: { version: 2, approvalId: 'medway-q1-v2', late: false, fileName: 'Medway HWB' },
      });
      for (const [method, path, request] of [
        ['patch', `${Q1}/values`, { values: { 'ie.commentary': 'later' }, reason: 'fill' }],
        ['post', `${Q1}/amendments`, { field: 'ie.income.actual.q1', value: 1, reason: 'amend' }],
        ['post', `${Q1}/validation`, { reason: 'validate' }],
        ['post', `${Q1}/submission`, submission],
      ] as const) {
        const problem = await refused(409, method, path, request);
        expect(problem.detail).toMatch(/a submitted return never changes/);
      }
      const obstacles = await api.app.get(ReturnContext).signOffObstacles('medway-2017-18-q1', '2017-08-21');
      expect(obstacles.map((o) => o.checkId)).toEqual(['submitted']);
    });

    it("a Q2 amendment of a Q1 figure shows in Q1's as-restated view, never in its as-submitted view", async () => {
      const q2 = await send('post', '/api/returns', issue(2, '2017-10-01')).expect(201);
      // issued after 6 September 2017: the stated pooled budget, whole pounds in pence, from its event
      expect(q2.body.cells['ie.pooledFund'].value).toBe(2_453_186_200);
      expect(q2.body.cells['ie.pooledFund'].from).toMatchObject({
        kind: 'ledger',
        stream: 'pooled-fund-medway-bcf-2017-18',
        description: expect.stringMatching(/medway-pooled-2017-18/),
        position: expect.stringMatching(/^\d+$/),
      });
      expect(q2.body.cells['ie.income.actual.q1']).toEqual({
        value: 100_000,
        from: expect.objectContaining({ kind: 'previous-return', returnId: 'medway-2017-18-q1' }),
      });
      const retyped = await refused(422, 'patch', `${Q2}/values`, {
        values: { 'ie.income.actual.q1': 120_000 },
        reason: 'fill',
      });
      expect(retyped.errors).toEqual([
        { field: 'ie.income.actual.q1', reason: expect.stringMatching(/amend it/) },
      ]);
      // what the ledger pre-filled is never retyped in the return: the ledger's record is what changes
      const prefilled = await refused(422, 'patch', `${Q2}/values`, {
        values: { 'ie.pooledFund': 100 },
        reason: 'fill',
      });
      expect(prefilled.errors).toEqual([
        {
          field: 'ie.pooledFund',
          reason: expect.stringMatching(/pre-populated from the ledger .*never retyped/),
        },
      ]);
      const amended = await send('post', `${Q2}/amendments`, {
        field: 'ie.income.actual.q1',
        value: 120_000,
        reason: 'late invoice from the CCG',
        effectiveOn: '2017-10-05',
      }).expect(201);
      expect(amended.body.version).toBe(2);
      expect((await get(Q1).expect(200)).body.cells['ie.income.actual.q1'].value).toBe(100_000);
      // Q2 is a draft: its amendment restates nothing until Q2 is submitted
      const draft = (await get(`${Q1}?basis=as-restated`).expect(200)).body;
      expect(draft.cells['ie.income.actual.q1'].value).toBe(100_000);
      expect(draft.restatements).toEqual([]);
      await send('patch', `${Q2}/values`, {
        values: { 'cover.completedBy': 'A. Officer' },
        reason: 'fill',
        effectiveOn: '2017-10-06',
      }).expect(200);
      await signOff('medway-2017-18-q2', 3, 'medway-q2-v3');
      await send('post', `${Q2}/submission`, {
        submittedAt: '2017-11-20T10:00:00Z',
        channel: 'email to england.bettercaresupport@nhs.net',
        fileName: 'Medway HWB',
        reason: 'sent',
      }).expect(200);
      const restated = (await get(`${Q1}?basis=as-restated`).expect(200)).body;
      expect(restated.basis).toBe('as-restated');
      expect(restated.cells['ie.income.actual.q1']).toMatchObject({
        value: 120_000,
        from: { kind: 'amended', stream: 'quarterly-return-medway-2017-18-q2' },
      });
      expect(restated.restatements).toEqual([
        expect.objectContaining({
          field: 'ie.income.actual.q1',
          previousValue: 100_000,
          amendedValue: 120_000,
          amendedBy: 'p-medway-finance',
          reason: 'late invoice from the CCG',
        }),
      ]);
      // as restated from before the amendment's date: not yet restated
      const before = (await get(`${Q1}?basis=as-restated&asAt=2017-10-04`).expect(200)).body;
      expect(before.cells['ie.income.actual.q1'].value).toBe(100_000);
    });

    it('reads a return as at a date and as known at an instant; lists the area’s returns; keeps the history', async () => {
      const asIssued = (await get(`${Q1}?asAt=2017-07-09`).expect(200)).body;
      expect(asIssued).toMatchObject({ version: 1, status: 'validation-failed' });
      expect(asIssued.cells['cover.completedBy']).toBeUndefined();
      const asFilled = (await get(`${Q1}?asAt=2017-07-10`).expect(200)).body;
      expect(asFilled.cells['cover.completedBy'].value).toBe('A. Officer');
      await get(`${Q1}?asAt=2017-06-30`).expect(404);

      const history = (await get(`${Q1}/history`).expect(200)).body.history;
      expect(history.map((h: Json) => h.type)).toEqual([
        'ReturnIssued',
        'ReturnValidated',
        'ReturnFieldsEntered',
        'ReturnValidated',
        'ReturnSubmitted',
      ]);
      const knownAt = history[3].recordedAt; // validated, not yet submitted
      const known = (await get(`${Q1}?knownAt=${knownAt}`).expect(200)).body;
      expect(known).toMatchObject({ status: 'validated', submitted: null });
      // the history as known then: the events recorded by that instant, not the later submission
      const knownHistory = (await get(`${Q1}/history?knownAt=${knownAt}`).expect(200)).body;
      expect(knownHistory.history.map((h: Json) => h.type)).toEqual(
        history.slice(0, 4).map((h: Json) => h.type),
      );
      expect(knownHistory.revision).toBe(3);
      await get(`${Q1}/history?knownAt=2016-01-01T00:00:00Z`).expect(404);
      await get(`${Q1}/history?knownAt=garbage`).expect(400);

      const list = (await get('/api/areas/medway/returns?year=2017-18').expect(200)).body;
      expect(list.returns.map((r: Json) => [r.quarter, r.status])).toEqual([
        [1, 'submitted'],
        [2, 'submitted'],
        [3, null],
        [4, null],
      ]);
      const exported = (await get(`${Q1}/export`).expect(200)).body;
      expect(exported).toMatchObject({
        format: 'bcl-quarterly-return/1',
        areaId: 'medway',
        quarter: 1,
        basis: 'as-submitted',
        values: { 'cover.completedBy': 'A. Officer' },
      });
      const workbook = await get(`${Q1}/export?format=xlsx&basis=as-restated`).expect(200);
      expect(workbook.headers['content-type']).toMatch(/spreadsheetml/);
      const checks = (await get(`${Q1}/checks`).expect(200)).body;
      expect(checks).toMatchObject({ returnId: 'medway-2017-18-q1', blockingFailures: 0 });
      await get('/api/returns/medway-2017-18-q4').expect(404);
    });

    it('a reader cannot write; a completer writes as themself, never as the body says', async () => {
      const response = await send(
        'patch',
        `${Q2}/values`,
        { values: { 'ie.commentary': 'x' }, reason: 'r' },
        auditor,
      );
      expect(response.status).toBe(403);
      await refused(400, 'patch', `${Q2}/values`, {
        values: { 'ie.commentary': 'x' },
        reason: 'r',
        enteredBy: 'someone',
      });
    });
  },
  { per: 'suite' },
);
