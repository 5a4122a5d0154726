import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/child-process';
import { startApi } from '../support/api-app';

describe('bcl assumed-facts', () => {
  let dir: string;
  let store: string;
  const bcl = (...args: string[]) =>
    runCli(['--store', store, ...args], { cwd: dir, env: { LEDGER_STORE: '' } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-assumed-'));
    store = `sqlite:${join(dir, 'ledger.db')}`;
    await (await startApi(store, { demoData: true })).close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists an area's assumed facts, each with why it is assumed and what it cites, as the API does", async () => {
    const printed = await bcl('assumed-facts', '--area', 'kent');
    expect(printed).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse((await bcl('--json', 'assumed-facts', '--area', 'kent')).stdout);
    expect(printed.stdout.split('\n')[0]).toBe(`kent: ${json.count} assumed fact(s)`);
    expect(json.facts.length).toBe(json.count);
    expect(json.facts.every((fact: { documented: boolean }) => fact.documented === false)).toBe(true);
    const reportBack = json.facts.find(
      (fact: { type: string }) => fact.type === 'DelegatedDecisionReportedBack',
    );
    expect(reportBack.evidence.citations).toEqual(['000:442', 'brief §8.5']);
    expect(printed.stdout).toContain(
      `2017-09-20 DelegatedDecisionReportedBack in delegation-kent-hwb-2017-06-14-bcf-sign-off (position ${reportBack.position}`,
    );
    expect(printed.stdout).toContain(
      `  assumed: ${reportBack.evidence.assumed}\n  cites: 000:442; brief §8.5`,
    );
  });

  it('without --area lists every assumed fact in the ledger, each with its areas, as the API does', async () => {
    const json = JSON.parse((await bcl('--json', 'assumed-facts')).stdout);
    const kent = JSON.parse((await bcl('--json', 'assumed-facts', '--area', 'kent')).stdout);
    expect(json).toMatchObject({ knownAt: null, count: json.facts.length });
    const inKent = json.facts.filter((fact: { areas: string[] }) => fact.areas.includes('kent'));
    expect(inKent.map((fact: { position: string }) => fact.position)).toEqual(
      kent.facts.map((fact: { position: string }) => fact.position),
    );
    expect(json.count).toBeGreaterThan(kent.count);
    const printed = await bcl('assumed-facts');
    expect(printed).toMatchObject({ code: 0, stderr: '' });
    expect(printed.stdout.split('\n')[0]).toBe(`the ledger: ${json.count} assumed fact(s)`);
    const areaLess = json.facts.find((fact: { areas: string[] }) => fact.areas.length === 0);
    if (areaLess) expect(printed.stdout).toContain(`${areaLess.stream} (position ${areaLess.position}`);
    expect(printed.stdout).toContain('  areas: kent');
  });

  it('says in one line what to fix', async () => {
    const unknown = await bcl('assumed-facts', '--area', 'atlantis');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toEqual([expect.stringContaining("no area 'atlantis'")]);
    const before = await bcl(
      '--json',
      'assumed-facts',
      '--area',
      'kent',
      '--known-at',
      '2000-01-01T00:00:00Z',
    );
    expect(JSON.parse(before.stdout)).toMatchObject({ count: 0, facts: [] });
  });
});
