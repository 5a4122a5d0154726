import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoDirectory, readDemoData, readDemoFile, stepsOf } from './demo-files';
import { RETURNS_DEMO_FILE, readReturnValues } from './demo-returns';

describe("the demo's quarterly returns (demo/returns.json)", () => {
  const steps = readDemoFile(RETURNS_DEMO_FILE);
  const quarter = (q: number) =>
    steps.filter(
      (s) =>
        JSON.stringify(s.input).includes(`southend-on-sea-2016-17-q${q}`) ||
        (s.command === 'IssueReturn' && s.input.quarter === q),
    );

  it('reads as steps whose keys no other demo file uses', () => {
    const others = new Set(
      readDemoData()
        .filter((file) => file.file !== RETURNS_DEMO_FILE)
        .flatMap((file) => file.steps.map((s) => s.key)),
    );
    expect(readDemoData().map((file) => file.file)).toContain(RETURNS_DEMO_FILE);
    expect(steps.filter((s) => others.has(s.key))).toEqual([]);
    expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length);
  });

  it('takes each quarter through its lifecycle in order, each issued after the previous one was submitted', () => {
    // Q1-Q3 enter their values, then the reablement status the seeds do not give (assumed, saying so)
    const lifecycle = (reablement: boolean) => [
      'IssueReturn',
      'EnterReturnValues',
      ...(reablement ? ['EnterReturnValues'] : []),
      'ValidateReturn',
      'RecordApproval',
      'SubmitReturn',
    ];
    for (const q of [1, 2, 3, 4]) expect(quarter(q).map((s) => s.command)).toEqual(lifecycle(q < 4));
    for (const q of [1, 2, 3]) {
      const reablement = stepsOf(quarter(q), 'EnterReturnValues')[1]!;
      expect(reablement.input.file).toBe(`returns/southend-on-sea-2016-17-q${q}-reablement.json`);
      expect(reablement.citations).toEqual([]);
      expect(reablement.assumed).toMatch(/the answer Southend gave is not in the seeds/);
      expect(readReturnValues(demoDirectory(), reablement.input.file)).toMatchObject({
        'metrics.reablement.status': 'information not available',
      });
    }
    const submitted = stepsOf(steps, 'SubmitReturn');
    const issued = stepsOf(steps, 'IssueReturn');
    for (const q of [2, 3, 4])
      expect(issued[q - 1]!.effectiveOn! > submitted[q - 2]!.input.submittedAt.slice(0, 10)).toBe(true);
    // the dates the sources give: Q3 made on 3 March 2017 (004:2663), Q4 on 31 May 2017 (004:82)
    expect(submitted.map((s) => s.input.submittedAt.slice(0, 10))).toEqual([
      '2016-09-30',
      '2016-11-25',
      '2017-03-03',
      '2017-05-31',
    ]);
    expect(submitted[2]!.citations).toContain('004:2663');
    expect(submitted[3]!.citations).toContain('004:82');
    // the sources are silent on when Q1 and Q2 were sent: assumed, saying why
    expect(submitted[0]!.assumed).toMatch(/do not date the Q1/);
    expect(submitted[1]!.assumed).toMatch(/deadline/);
  });

  it('signs each return off by the Chair of the HWB, in her seat, as the version the values made', () => {
    const approvals = stepsOf(steps, 'RecordApproval');
    expect(approvals).toHaveLength(4);
    // issued as version 1, each entry of values one version more: Q1-Q3 two entries, Q4 one
    for (const [q, approval] of approvals.entries())
      expect(approval.input.instrument.version).toBe(1 + stepsOf(quarter(q + 1), 'EnterReturnValues').length);
    expect(approvals.map((a) => a.input.instrument.version)).toEqual([3, 3, 3, 2]);
    for (const approval of approvals)
      expect(approval.input).toMatchObject({
        instrument: { kind: 'quarterly-return' },
        actorPersonId: 'p-0007',
        actingPostId: 'southend-hwb-chair',
        authority: { kind: 'chair', bodyId: 'southend-hwb' },
      });
    // her appointment (demo/registry.json) covers every sign-off, the Q1 return's included (004:864)
    const registry = readDemoData().find((f) => f.file === 'registry.json')!.steps;
    const chair = stepsOf(registry, 'AppointPostHolder').find(
      (s) => s.input.postId === 'southend-hwb-chair',
    )!;
    expect(chair.input).toMatchObject({ personId: 'p-0007', from: '2016-04-01' });
    for (const approval of approvals) expect(chair.input.from <= approval.input.effectiveOn).toBe(true);
  });
});

describe('a return values file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bcl-demo-returns-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: object) => {
    writeFileSync(join(dir, name), JSON.stringify(content));
    return name;
  };

  it('gives its values, or its cells’ values; neither is an error naming the file', () => {
    expect(readReturnValues(dir, file('a.json', { values: { 'cover.hwb': 'x' } }))).toEqual({
      'cover.hwb': 'x',
    });
    expect(
      readReturnValues(dir, file('b.json', { cells: { 'ie.pooledFund': { value: 1, from: {} } } })),
    ).toEqual({
      'ie.pooledFund': 1,
    });
    expect(() => readReturnValues(dir, file('c.json', { other: 1 }))).toThrow(/demo\/c.json has neither/);
  });
});
