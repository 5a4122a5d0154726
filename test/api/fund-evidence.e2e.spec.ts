import ExcelJS from 'exceljs';
import { readDemoData } from '../../apps/api/src/demo/demo-files';
import { RunningApi, startApi } from '../support/api-app';
import { freshSqliteStore } from '../support/durable-stores';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SOUTHEND = '/api/fund/pools/southend-bcf/years/2016-17';

/** Issue 12 §3: every transaction and stated figure of a pool-year, and every finding, with its evidence. */
describe('the pooled fund’s facts with their evidence, on the demo data', () => {
  const store = freshSqliteStore();
  let api: RunningApi;
  let auditor: string;
  beforeAll(async () => {
    api = await startApi(store.setting, { demoData: true });
    auditor = await api.token('auditor');
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await store.cleanup();
  });
  const get = (path: string) => api.http().get(path).set('Authorization', `Bearer ${auditor}`);
  /** The demo's own steps for Southend 2016-17: what each fact's evidence must be. */
  const steps = readDemoData()
    .flatMap((file) => file.steps)
    .filter((s) => (s.input as Json)['poolId'] === 'southend-bcf');
  const expected = (s: (typeof steps)[number]) => ({
    citations: s.citations ?? [],
    assumed: s.assumed ?? null,
  });
  const idOf = (s: (typeof steps)[number]) =>
    ((s.input as Json)['entry']?.figure?.figureId ??
      (s.input as Json)['transaction']?.transactionId) as string;

  it('lists each Southend figure with the evidence its demo step recorded: the Q-returns cite 004', async () => {
    const body = (await get(`${SOUTHEND}/figures`).expect(200)).body as Json;
    const figureSteps = steps.filter((s) => (s.input as Json)['entry']?.kind === 'figure');
    expect(body.count).toBe(figureSteps.length);
    expect(body.figures.map((f: Json) => f.figureId).sort()).toEqual(figureSteps.map(idOf).sort());
    for (const step of figureSteps) {
      const figure = body.figures.find((f: Json) => f.figureId === idOf(step));
      expect(figure.evidence).toEqual(expected(step));
      expect(figure.documented).toBe(step.assumed === undefined);
      expect(figure.evidence.citations.every((c: string) => c.startsWith('004:'))).toBe(true);
      expect(figure.standing).toBe(true); // no restatements in the demo
    }
    // the Q1 return is undated in the seeds: its figures say so, not documented
    expect(body.figures.find((f: Json) => f.figureId === 'southend-actual-income-q1')).toMatchObject({
      documented: false,
      evidence: { assumed: expect.stringMatching(/do not date the Q1 return/) },
    });
    expect(body.assumed).toBe(figureSteps.filter((s) => s.assumed !== undefined).length);
    // as at the end of Q2, only what was stated by then
    const q2 = (await get(`${SOUTHEND}/figures?asAt=2016-09-30`).expect(200)).body as Json;
    expect(q2.count).toBeLessThan(body.count);
  });

  it('lists each transaction as assumed, with why, and the position counts and links them', async () => {
    const body = (await get(`${SOUTHEND}/transactions`).expect(200)).body as Json;
    const postings = steps.filter((s) => s.command === 'PostFundTransaction');
    expect(body.transactions.map((t: Json) => t.transactionId)).toEqual(postings.map(idOf));
    for (const step of postings) {
      const transaction = body.transactions.find((t: Json) => t.transactionId === idOf(step));
      expect(transaction).toMatchObject({ documented: false, evidence: expected(step) });
      expect(transaction.evidence.assumed).toMatch(/not each partner's share|not by scheme/);
    }
    expect(body).toMatchObject({ count: postings.length, assumed: postings.length });
    const position = (await get(`${SOUTHEND}/position`).expect(200)).body as Json;
    expect(position.facts).toEqual({
      transactions: body.count,
      assumedTransactions: body.assumed,
      figures: expect.any(Number),
      assumedFigures: expect.any(Number),
      listed: { transactions: `${SOUTHEND}/transactions`, figures: `${SOUTHEND}/figures` },
    });
    // the same viewpoint options as the position: as at Q2, and as known before the demo was loaded
    const q2 = (await get(`${SOUTHEND}/transactions?asAt=2016-09-30`).expect(200)).body as Json;
    expect(q2.transactions.map((t: Json) => t.quarter)).toEqual([1, 1, 1, 2, 2, 2]);
    await get(`${SOUTHEND}/transactions?knownAt=2000-01-01T00:00:00Z`).expect(404);
    await get('/api/fund/pools/atlantis/years/2016-17/figures').expect(404);
  });

  it('pages the transactions: each page in turn, by its next link, makes the whole list in its order', async () => {
    const whole = (await get(`${SOUTHEND}/transactions?limit=1000`).expect(200)).body as Json;
    expect(whole.page).toEqual({ number: 1, pages: 1, limit: 1000, offset: 0 });
    expect(whole.links).toEqual({ next: null, previous: null });
    expect(whole.count).toBeGreaterThan(4);
    const rows: Json[] = [];
    let next: string | null = `${SOUTHEND}/transactions?axis=effective&limit=2`;
    let last: Json = {};
    while (next !== null) {
      last = (await get(next).expect(200)).body as Json;
      expect(last).toMatchObject({ count: whole.count, assumed: whole.assumed, axis: 'effective' });
      expect(last.page).toMatchObject({ number: rows.length / 2 + 1, limit: 2, offset: rows.length });
      expect(last.transactions.length).toBeLessThanOrEqual(2);
      rows.push(...last.transactions);
      next = last.links.next;
      if (next !== null) expect(next).toContain(`axis=effective&limit=2&page=${last.page.number + 1}`);
    }
    expect(last.page.number).toBe(Math.ceil(whole.count / 2));
    expect(rows).toEqual(whole.transactions);
    expect(last.links.previous).toBe(
      `${SOUTHEND}/transactions?axis=effective&limit=2&page=${last.page.number - 1}`,
    );
    // the default page, a page past the last, and page sizes out of bounds
    const first = (await get(`${SOUTHEND}/transactions`).expect(200)).body as Json;
    expect(first.page).toEqual({ number: 1, pages: 1, limit: 100, offset: 0 });
    await get(`${SOUTHEND}/transactions?limit=2&page=${last.page.number + 1}`).expect(404);
    await get(`${SOUTHEND}/transactions?limit=1001`).expect(400);
    await get(`${SOUTHEND}/transactions?page=0`).expect(400);
  });

  it('says beside each finding what its figures cite and which assumed transactions it counts, in JSON, CSV and XLSX', async () => {
    const json = (await get(`${SOUTHEND}/reconciliation`).expect(200)).body as Json;
    const q1 = json.findings.find(
      (f: Json) =>
        f.check === 'stated-actual-equals-ledger' && f.subject === 'actual income' && f.quarter === 1,
    );
    expect(q1.classification).toBe('agrees');
    expect(q1.evidence).toMatchObject({
      figures: [
        {
          figureId: 'southend-actual-income-q1',
          side: 'stated',
          evidence: { citations: ['004:1011-1047', '004:1659'] },
        },
      ],
      ledger: {
        accounts: ['income/'],
        quarter: 1,
        transactions: 1,
        assumedTransactions: 1,
        assumedTransactionIds: ['southend-q1-committed'],
      },
      restsOnAssumed: true,
    });
    expect(q1.evidence.assumptions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/do not date the Q1 return/),
        expect.stringMatching(/not each partner's share/),
      ]),
    );
    // the annual figures against the quarters: the Q4 return's figures, cited to 004, on both sides
    const annual = json.findings.find(
      (f: Json) => f.check === 'annual-equals-quarters' && f.subject === 'plan income',
    );
    expect(annual.evidence.figures).toHaveLength(5);
    expect(annual.evidence.figures.every((f: Json) => f.evidence.citations.includes('004:2375-2424'))).toBe(
      true,
    );
    expect(annual.evidence).toMatchObject({ ledger: null, restsOnAssumed: false, assumptions: [] });
    expect(json.findingsRestingOnAssumed).toBe(
      json.findings.filter((f: Json) => f.evidence.restsOnAssumed).length,
    );
    expect(json.findingsRestingOnAssumed).toBeGreaterThan(0);
    expect(json.findingsRestingOnAssumed).toBeLessThan(json.findings.length);

    const csv = (await get(`${SOUTHEND}/reconciliation?format=csv`).expect(200)).text.trim().split('\r\n');
    expect(csv[0]!.endsWith(',missing,rests_on_assumed,evidence')).toBe(true);
    const csvQ1 = csv.find((line) => line.startsWith('stated-actual-equals-ledger,actual income,1,'))!;
    expect(csvQ1).toMatch(
      /,true,"rests on assumed facts: .*ledger: 1 transactions, 1 assumed \(southend-q1-committed\)"$/,
    );
    expect(csv.filter((line) => line.includes(',false,"documented; figure'))).toHaveLength(
      json.findings.length - json.findingsRestingOnAssumed,
    );

    const xlsx = await get(`${SOUTHEND}/reconciliation?format=xlsx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('Findings')!;
    expect((sheet.getRow(1).values as unknown[]).slice(-3)).toEqual([
      'Missing',
      'Rests on assumed',
      'Evidence',
    ]);
    const index = json.findings.indexOf(q1) + 2;
    expect(sheet.getRow(index).getCell(12).value).toBe('yes');
    expect(String(sheet.getRow(index).getCell(13).value)).toContain('southend-q1-committed');
    expect(workbook.getWorksheet('Summary')!.getRow(10).values).toEqual([
      undefined,
      'Resting on assumed facts',
      json.findingsRestingOnAssumed,
    ]);
  });
});
