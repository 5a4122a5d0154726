/** The parts of a V8 `.cpuprofile` (as `node --cpu-prof` writes it) that the top-functions table reads. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface PhaseMark {
  phase: string;
  startUs: number;
  endUs: number;
}

export interface TopFunction {
  name: string;
  where: string;
  selfMs: number;
  share: number;
}

export interface PhaseProfile {
  phase: string;
  sampledMs: number;
  top: TopFunction[];
}

/**
 * Self time per function over the samples that fall inside the marks of each phase (a phase may have several
 * windows: they are summed), the `limit` largest first. `where` is the script's path from the repository or
 * node_modules down, with its line; a phase with no marks inside the profile is left out.
 */
export function topFunctionsByPhase(profile: CpuProfile, marks: PhaseMark[], limit = 12): PhaseProfile[] {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const times: number[] = [];
  let at = profile.startTime;
  for (const delta of profile.timeDeltas) {
    at += delta;
    times.push(at);
  }
  const phases = [...new Set(marks.map((mark) => mark.phase))];
  const out: PhaseProfile[] = [];
  for (const phase of phases) {
    const windows = marks.filter((mark) => mark.phase === phase);
    const self = new Map<string, { name: string; where: string; selfUs: number }>();
    let sampledUs = 0;
    for (let i = 0; i < profile.samples.length; i += 1) {
      const t = times[i]!;
      if (!windows.some((w) => t >= w.startUs && t <= w.endUs)) continue;
      const frame = frames.get(profile.samples[i]!);
      if (!frame) continue;
      const us = profile.timeDeltas[i + 1] ?? 0;
      sampledUs += us;
      const where = shortPath(frame.url, frame.lineNumber);
      const key = `${frame.functionName}@${where}`;
      const entry = self.get(key) ?? {
        name: frame.functionName || '(anonymous)',
        where,
        selfUs: 0,
      };
      entry.selfUs += us;
      self.set(key, entry);
    }
    if (sampledUs === 0) continue;
    const top = [...self.values()]
      .sort((a, b) => b.selfUs - a.selfUs)
      .slice(0, limit)
      .map(({ name, where, selfUs }) => ({
        name,
        where,
        selfMs: Math.round(selfUs / 1000),
        share: selfUs / sampledUs,
      }));
    out.push({ phase, sampledMs: Math.round(sampledUs / 1000), top });
  }
  return out;
}

function shortPath(url: string, line: number): string {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('node_modules/');
  const short =
    modules >= 0
      ? path.slice(modules + 'node_modules/'.length)
      : path.replace(/^.*?\/(dist|apps|libs)\//, '$1/').replace(/^dist\//, '');
  return `${short}:${line + 1}`;
}
