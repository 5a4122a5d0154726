import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_FILES, DemoStep, demoDirectory, readDemoData, readDemoFile } from './demo-files';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** The date field of a step's own input that its effectiveOn restates, where the input has one. */
function ownDate(step: DemoStep): string | undefined {
  const input = step.input as unknown as Record<string, unknown>;
  if (step.command === 'PostFundTransaction') return step.input.transaction.effectiveOn;
  const field = [
    'establishedOn',
    'effectiveFrom',
    'effectiveOn',
    'from',
    'createdOn',
    'date',
    'validFrom',
  ].find((name) => typeof input[name] === 'string');
  return field === undefined ? undefined : (input[field] as string);
}

describe('the demo data files', () => {
  const data = readDemoData();
  const steps = data.flatMap((file) => file.steps);

  it('are found at the repository root, from the sources and from the build in dist/', () => {
    expect(demoDirectory()).toBe(join(ROOT, 'demo'));
    expect(demoDirectory(join(ROOT, 'dist', 'apps', 'api', 'src', 'demo'))).toBe(join(ROOT, 'demo'));
    expect(() => demoDirectory(tmpdir())).toThrow(/cannot find demo\/registry.json above/);
  });

  it('load in order, registry first, with a unique idempotency key per step', () => {
    expect(data.map(({ file, steps }) => [file, steps.length])).toEqual([
      ['registry.json', 120],
      ['plans.json', 7],
      ['governance.json', 29],
      ['fund.json', 106],
      ['returns.json', 23],
    ]);
    expect(new Set(steps.map((step) => step.key)).size).toBe(steps.length);
    expect(steps.filter((step) => step.command === 'ImportPlan').map((step) => step.key)).toEqual([
      'plan-fixture-kent-2017-19.json',
      'plan-fixture-medway-2017-19.json',
    ]);
  });

  it('cite a source for every fact, or say what stands in for it, and date each as its own input does', () => {
    const uncited = steps.filter((step) => step.citations.length === 0);
    expect(uncited.filter((step) => step.assumed === undefined)).toEqual([]);
    expect(uncited.every((step) => /^not in the seed documents: /.test(step.assumed!))).toBe(true);
    const misdated = steps.filter(
      (step) => ownDate(step) !== undefined && ownDate(step) !== step.effectiveOn,
    );
    expect(misdated.map((step) => step.key)).toEqual([]);
    expect(steps.filter((step) => step.assumed !== undefined).length).toBeGreaterThan(20);
  });
});

describe('a bad demo file', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'bcl-demo-'));
    cpSync(demoDirectory(), directory, { recursive: true });
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));
  const edit = (file: string, change: (content: { steps: Record<string, unknown>[] }) => void) => {
    const path = join(directory, file);
    const content = JSON.parse(readFileSync(path, 'utf8')) as { steps: Record<string, unknown>[] };
    change(content);
    writeFileSync(path, JSON.stringify(content));
  };

  it('is refused with one error naming the file, the step and what is wrong', () => {
    edit('registry.json', ({ steps }) => delete (steps[31]!.input as Record<string, unknown>).role);
    expect(() => readDemoFile('registry.json', directory)).toThrow(
      'demo/registry.json step 31 (AddAreaMember) input lacks role',
    );
    edit('fund.json', ({ steps }) => (steps[3]!.command = 'PostFundTransfer'));
    expect(() => readDemoFile('fund.json', directory)).toThrow(
      'demo/fund.json step 3 (PostFundTransfer) names an unknown command "PostFundTransfer"',
    );
    edit('governance.json', ({ steps }) => delete steps[0]!.assumed); // cites nothing, and assumes nothing
    expect(() => readDemoData(directory)).toThrow(/^demo\/registry.json step 31/);
    expect(() => readDemoFile('governance.json', directory)).toThrow(
      'demo/governance.json step 0 (EstablishBody) needs citations: a non-empty list of sources, or an assumed note saying what stands in',
    );
    edit('governance.json', ({ steps }) => {
      steps[0]!.citations = ['public record']; // a bare "public record", however its note reads
      steps[0]!.assumed = 'the date stands in';
    });
    expect(() => readDemoFile('governance.json', directory)).toThrow(
      'demo/governance.json step 0 (EstablishBody) cites "public record", which names no document and place: cite one, or say in assumed what stands in',
    );
  });

  it('is refused when it is not JSON, or repeats a key', () => {
    writeFileSync(join(directory, 'plans.json'), '{ "steps": [');
    expect(() => readDemoFile('plans.json', directory)).toThrow(/^demo\/plans.json: /);
    cpSync(join(demoDirectory(), 'plans.json'), join(directory, 'plans.json'));
    edit('fund.json', ({ steps }) => (steps[0]!.key = 'registry-fixture-0'));
    expect(() => readDemoData(directory)).toThrow(
      'demo/fund.json step 0 (RecordAgreement) repeats the key registry-fixture-0 of demo/registry.json step 0 (RegisterOrganisation)',
    );
  });

  it.each(DEMO_FILES)('%s as stored is valid', (file) => {
    expect(readDemoFile(file, directory).length).toBeGreaterThan(0);
  });
});
