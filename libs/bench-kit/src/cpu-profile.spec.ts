import { CpuProfile, topFunctionsByPhase } from './cpu-profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

/** Samples at t = 1100, 1200, …: each is charged the gap to the next sample (100 µs). */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)') },
    { id: 2, callFrame: frame('append', 'file:///work/x/dist/libs/event-store/src/a.js', 9) },
    { id: 3, callFrame: frame('hash', 'node:internal/crypto/hash', 220) },
    { id: 4, callFrame: frame('run', 'file:///work/x/node_modules/better-sqlite3/lib/w.js', 3) },
  ],
  startTime: 1000,
  samples: [2, 2, 3, 4, 4, 4, 2],
  timeDeltas: [100, 100, 100, 100, 100, 100, 100],
};

describe('topFunctionsByPhase', () => {
  it('charges each sample inside a phase window to its function, largest first', () => {
    const [phase] = topFunctionsByPhase(profile, [{ phase: 'append', startUs: 1100, endUs: 1300 }]);
    expect(phase!.phase).toBe('append');
    expect(phase!.top.map((f) => [f.name, f.where, f.share])).toEqual([
      ['append', 'libs/event-store/src/a.js:10', 2 / 3],
      ['hash', 'node:internal/crypto/hash:221', 1 / 3],
    ]);
  });

  it('sums the windows of a phase marked more than once and keeps phases apart', () => {
    const phases = topFunctionsByPhase(profile, [
      { phase: 'group', startUs: 1400, endUs: 1400 },
      { phase: 'replay', startUs: 1100, endUs: 1100 },
      { phase: 'group', startUs: 1500, endUs: 1600 },
    ]);
    expect(phases.map((p) => [p.phase, p.top[0]!.name, p.top[0]!.where, p.top[0]!.selfMs])).toEqual([
      ['group', 'run', 'better-sqlite3/lib/w.js:4', 0],
      ['replay', 'append', 'libs/event-store/src/a.js:10', 0],
    ]);
    expect(phases[0]!.top[0]!.share).toBe(1);
  });

  it('leaves out a phase whose window holds no samples', () => {
    expect(topFunctionsByPhase(profile, [{ phase: 'none', startUs: 5000, endUs: 6000 }])).toEqual([]);
  });
});
