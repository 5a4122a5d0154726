/**
 * The heavy libraries a run of one store command must not load, each noted here when something requires it.
 * command-loaders.ts is imported inside each test, after the registry is reset, so every load is seen.
 */
const mockLoaded: string[] = [];
jest.mock('@bcl/auditor-pack', () => {
  mockLoaded.push('@bcl/auditor-pack');
  return jest.requireActual('@bcl/auditor-pack');
});
jest.mock('@bcl/fund-reports', () => {
  mockLoaded.push('@bcl/fund-reports');
  return jest.requireActual('@bcl/fund-reports');
});
jest.mock('@bcl/quarterly-returns', () => {
  mockLoaded.push('@bcl/quarterly-returns');
  return jest.requireActual('@bcl/quarterly-returns');
});
jest.mock('exceljs', () => {
  mockLoaded.push('exceljs');
  return jest.requireActual('exceljs');
});

const argv = (...words: string[]) => ['node', 'bcl', ...words];
const loaders = () => import('./command-loaders');

beforeEach(() => {
  mockLoaded.length = 0;
  jest.resetModules();
});

describe('commandNamed', () => {
  it('names the command after the program’s own options, in either form', async () => {
    const { commandNamed } = await loaders();
    expect(commandNamed(argv('replay'))).toBe('replay');
    expect(commandNamed(argv('--store', 'sqlite:x.db', '--json', 'verify', '--digest', 'd.json'))).toBe(
      'verify',
    );
    expect(
      commandNamed(argv('--store=sqlite:x.db', '--keyring', 'k.json', 'bench', '--events', '1000')),
    ).toBe('bench');
    expect(commandNamed(argv('--signing-key', 'replay', 'append'))).toBe('append');
  });

  it('names nothing for help, an unknown command, an unknown option or a missing value', async () => {
    const { commandNamed } = await loaders();
    expect(commandNamed(argv())).toBeUndefined();
    expect(commandNamed(argv('--help'))).toBeUndefined();
    expect(commandNamed(argv('help', 'replay'))).toBeUndefined();
    expect(commandNamed(argv('repaly'))).toBeUndefined();
    expect(commandNamed(argv('--bogus', 'replay'))).toBeUndefined();
    expect(commandNamed(argv('--json=1', 'replay'))).toBeUndefined();
    expect(commandNamed(argv('--store'))).toBeUndefined();
    expect(commandNamed(argv('--', 'replay'))).toBeUndefined();
  });
});

describe('commandsFor', () => {
  it.each(['replay', 'verify', 'bench', 'export', 'digest'])(
    'builds only `%s`, without loading the pack, the workbooks or the fund reports',
    async (name) => {
      const { commandsFor } = await loaders();
      const commands = await commandsFor(argv('--store', 'sqlite:x.db', name));
      expect(commands.map((command) => command.name())).toEqual([name]);
      expect(mockLoaded).toEqual([]);
    },
  );

  it('builds every command, in the order help lists them, when argv names none', async () => {
    const { COMMAND_LOADERS, commandsFor } = await loaders();
    const commands = await commandsFor(argv('--help'));
    expect(commands.map((command) => command.name())).toEqual(COMMAND_LOADERS.map(([name]) => name));
    expect(commands.map((command) => command.name())).toEqual([
      'append',
      'demo',
      'verify',
      'digest',
      'proof',
      'export',
      'replay',
      'token',
      'projections',
      'plan',
      'who-approved',
      'assumed-facts',
      'fund',
      'reconcile',
      'return',
      'pack',
      'migrate',
      'keys',
      'bench',
    ]);
    expect(mockLoaded).toContain('@bcl/auditor-pack');
  });
});
