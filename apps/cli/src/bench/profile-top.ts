import { readFileSync } from 'node:fs';
import { CpuProfile, PhaseMark, topFunctionsByPhase } from '@bcl/bench-kit';

/**
 * Prints the top self-time functions of each benchmark phase, from a `node --cpu-prof` profile and the phase
 * marks the benchmark wrote with BENCH_PHASE_MARKS set (docs/operations.md, "Where the time goes").
 * Usage: node -r ./bin/register-aliases.js dist/apps/cli/src/bench/profile-top.js <x.cpuprofile> <marks> [n]
 */
const [profilePath, marksPath, limit] = process.argv.slice(2);
if (!profilePath || !marksPath) {
  process.stderr.write('usage: profile-top <x.cpuprofile> <marks.jsonl> [top n]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
const marks = readFileSync(marksPath, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as PhaseMark);
for (const phase of topFunctionsByPhase(profile, marks, limit ? Number(limit) : 12)) {
  process.stdout.write(`\n${phase.phase} (${phase.sampledMs.toLocaleString('en-GB')} ms sampled)\n`);
  for (const f of phase.top)
    process.stdout.write(
      `  ${(f.share * 100).toFixed(1).padStart(5)}%  ${String(f.selfMs).padStart(6)} ms  ${f.name}  ${f.where}\n`,
    );
}
