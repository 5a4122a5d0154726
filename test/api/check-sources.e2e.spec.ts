import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore } from '../support/durable-stores';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The brief (`brief §4.1`, `§6`) or a seed document's lines (`004:674`, `000:303-359`): outside the repository. */
const OUTSIDE_THE_REPOSITORY = /brief|§|\b00\d:\d+|\b00\d\b/i;
const docs = (name: string) => readFileSync(join(__dirname, '../../docs', name), 'utf8');

/**
 * Issue 12 §4: each check cites the rule and the reference data, never a document outside the repository. Run
 * over the check report of every demo plan and the reconciliation of every demo pool-year.
 */
describeEachDurableStore(
  "checks' citations on the demo data",
  (setting) => {
    let api: RunningApi;
    let auditor: string;
    beforeAll(async () => {
      api = await startApi(setting(), { demoData: true });
      auditor = await api.token('auditor', 'auditor-1');
    }, 120_000);
    afterAll(() => api?.close());
    const get = async (path: string): Promise<Json> =>
      (await api.http().get(path).set('Authorization', `Bearer ${auditor}`).expect(200)).body;

    it("cites each plan check by its rule's row in docs/plan-format.md and the reference data file it reads", async () => {
      const planFormat = docs('plan-format.md');
      const { items } = await get('/api/plans?limit=100');
      expect(items.length).toBeGreaterThan(0);
      const sources = new Map<string, string>();
      for (const { planId } of items) {
        const { checks } = await get(`/api/plans/${planId}/checks`);
        for (const check of checks) sources.set(`${planId} ${check.checkId}`, check.source);
      }
      const wrong = [...sources].filter(
        ([, source]) =>
          OUTSIDE_THE_REPOSITORY.test(source) || !/^docs\/plan-format\.md#the-checks [A-Z]\d+/.test(source),
      );
      expect(wrong).toEqual([]);
      // the rule each cites has its row in the checks table, and any reference data file cited is in the repository
      for (const source of new Set(sources.values())) {
        const rule = source.split(';')[0]!.replace('docs/plan-format.md#the-checks ', '');
        expect(planFormat).toMatch(new RegExp(`^\\| (${rule}|M1/M2) +\\|`, 'm'));
        for (const file of source.match(/libs\/domain-plans\/reference\/[\w.-]+\.json/g) ?? [])
          expect(() => readFileSync(join(__dirname, '../..', file))).not.toThrow();
      }
    });

    it('names no document outside the repository in a reconciliation, and each check has its basis in docs/fund-ledger.md', async () => {
      const fundLedger = docs('fund-ledger.md');
      const poolYears = [
        'southend-bcf/years/2016-17',
        'rutland-bcf/years/2016-17',
        'kent-bcf/years/2017-18',
        'medway-bcf/years/2017-18',
      ];
      for (const poolYear of poolYears) {
        const report = await get(`/api/fund/pools/${poolYear}/reconciliation`);
        expect(report.findings.length).toBeGreaterThan(0);
        for (const finding of report.findings) {
          const check = finding.check.startsWith('plan-') ? 'plan-…-equals-ledger' : finding.check;
          expect(fundLedger).toContain(`| \`${check}\``);
          expect([finding.check, finding.stated.source, finding.computed.from].join(' ')).not.toMatch(
            /brief|§/i,
          );
        }
      }
    });
  },
  { per: 'suite' },
);
