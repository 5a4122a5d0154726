import { performance } from 'node:perf_hooks';
import { EventStore, canonicalJson } from '@bcl/event-store';
import { Projection, projectInMemory } from '@bcl/kernel';
import { PROJECTIONS } from '@bcl/contexts';
import {
  AccessLogVerification,
  ProjectionCheckpoint,
  ServiceStore,
  checkpointMismatch,
} from '@bcl/service-store';
import { VaultVerification, verifyVault } from './vault-verification';

/** How one stored view differs from the log's replay. */
export type ViewDifferenceKind =
  /** Stored under a key the replay also has, with other content. */
  | 'differs'
  /** Stored, but the replay has no view under that key. */
  | 'extra'
  /** The replay has it; the store does not. */
  | 'missing';

export interface ViewDifference {
  key: string;
  kind: ViewDifferenceKind;
}

/** One projection's stored views compared with a replay of the log up to the projection's stored checkpoint. */
export interface ProjectionVerification {
  name: string;
  /** The stored checkpoint the views were compared at (null: before the first event, or none stored). */
  checkpoint: string | null;
  /** Views stored (rows read) and views the replay built. */
  viewsStored: number;
  viewsReplayed: number;
  /** Every difference counted; the first ones (in the store's key order, then the missing) kept by key. */
  differences: number;
  firstDifferences: ViewDifference[];
  /** Why the views could not be compared (another version, another log, a projection the service does not keep). */
  problem: string | null;
}

export interface ViewVerification {
  ok: boolean;
  /** When the check started (ISO 8601, UTC) and how long it took. */
  checkedAt: string;
  durationMs: number;
  /** The head of the log when the check started. */
  head: string | null;
  projections: ProjectionVerification[];
  vault: VaultVerification;
  /** The access log's hash chain, recomputed (entries written before the chain began are counted, not checked). */
  accessLog: AccessLogVerification;
}

const PAGE_EVENTS = 500;
const PAGE_VIEWS = 500;
/** Differences kept by key per projection (all are counted). */
export const DIFFERENCES_KEPT = 20;
/** Times a projection that moves while its views are read is compared again at its new checkpoint. */
const SNAPSHOT_ATTEMPTS = 5;

/**
 * Compares what the service store serves with the log: every projection the service keeps is rebuilt in
 * memory from the log up to its stored checkpoint (so a projection that is behind, or failing, is checked
 * where it stands) and compared, key by key in canonical JSON, with its stored views; views stored for a
 * projection the service does not keep are reported; and the personal-data vault is compared with the
 * registry's events (`verifyVault`), and the access log's hash chain is recomputed. Reads only; the
 * projections need not be running.
 *
 * Memory: one projection's replayed views are held at a time (as `replayInMemory` holds them), with the set
 * of its stored keys; the stored views themselves are read a page at a time.
 *
 * A live service may commit while the views are read: the checkpoint is read again after them, and when it
 * has moved the replay is carried on to it and the views are read again (at most SNAPSHOT_ATTEMPTS times).
 */
export async function verifyViews(
  events: EventStore,
  service: ServiceStore,
  definitions: readonly Projection<unknown>[] = PROJECTIONS,
): Promise<ViewVerification> {
  const checkedAt = new Date().toISOString();
  const started = performance.now();
  const head = await events.headPosition();
  const projections: ProjectionVerification[] = [];
  for (const definition of definitions) projections.push(await verifyProjection(events, service, definition));
  const kept = new Set(definitions.map((definition) => definition.name));
  for (const name of await service.storedProjections())
    if (!kept.has(name)) projections.push(await notKept(service, name));
  const vault = await verifyVault(events, service);
  const accessLog = await service.verifyAccessLog();
  return {
    ok: projections.every((p) => p.problem === null && p.differences === 0) && vault.ok && accessLog.ok,
    checkedAt,
    durationMs: Math.round(performance.now() - started),
    head: head === null ? null : head.toString(),
    projections,
    vault,
    accessLog,
  };
}

async function verifyProjection(
  events: EventStore,
  service: ServiceStore,
  definition: Projection<unknown>,
): Promise<ProjectionVerification> {
  const name = definition.name;
  let replayed = new Map<string, unknown>();
  let at: bigint | null = null;
  let checkpoint = await service.checkpoint(name);
  for (let attempt = 1; ; attempt += 1) {
    const unusable = checkpoint ? await unusableCheckpoint(events, service, definition, checkpoint) : null;
    if (unusable) return { ...emptyResult(name, checkpoint), problem: unusable };
    const target = checkpoint?.position ?? null;
    if (target === null || (at !== null && target < at)) [replayed, at] = [new Map(), null];
    if (target !== null) {
      await replay(events, definition, replayed, at, target);
      at = target;
    }
    const compared = await compare(service, name, replayed);
    const again = await service.checkpoint(name);
    if (sameCheckpoint(checkpoint, again))
      return {
        name,
        checkpoint: target === null ? null : target.toString(),
        viewsReplayed: replayed.size,
        ...compared,
        problem: null,
      };
    if (attempt === SNAPSHOT_ATTEMPTS)
      return {
        ...emptyResult(name, again),
        problem: `its checkpoint moved each of the ${SNAPSHOT_ATTEMPTS} times its views were read (a busy service): try again`,
      };
    checkpoint = again;
  }
}

/** Why a stored checkpoint cannot be compared with this log and this code, or null when it can. */
async function unusableCheckpoint(
  events: EventStore,
  service: ServiceStore,
  definition: Projection<unknown>,
  checkpoint: ProjectionCheckpoint,
): Promise<string | null> {
  if (checkpoint.version !== definition.version)
    return `its views were built by version ${checkpoint.version} of the projection, this code is version ${definition.version} (a starting service rebuilds them): not compared`;
  if (checkpoint.position === null) return null;
  const hash = await service.checkpointHash(definition.name);
  const mismatch = await checkpointMismatch(events, definition.name, {
    position: checkpoint.position,
    hash: hash?.position === checkpoint.position ? hash.hash : null,
  });
  return mismatch ? `the service store ${mismatch}: not compared` : null;
}

const sameCheckpoint = (a: ProjectionCheckpoint | undefined, b: ProjectionCheckpoint | undefined) =>
  a?.position === b?.position && a?.version === b?.version;

/** Applies the log's events after `after`, up to and including `to`, to the views held in memory. */
async function replay(
  events: EventStore,
  definition: Projection<unknown>,
  views: Map<string, unknown>,
  after: bigint | null,
  to: bigint,
): Promise<void> {
  let from = after ?? undefined;
  for (;;) {
    const page = await events.readAll({ after: from, maxCount: PAGE_EVENTS });
    projectInMemory(
      definition,
      page.events.filter((event) => event.position <= to),
      views,
    );
    from = page.lastPosition;
    if (page.isEnd || from === undefined || from >= to) return;
  }
}

/** Reads every stored view of a projection a page at a time and compares it with the replay's. */
async function compare(
  service: ServiceStore,
  name: string,
  replayed: ReadonlyMap<string, unknown>,
): Promise<Pick<ProjectionVerification, 'viewsStored' | 'differences' | 'firstDifferences'>> {
  const seen = new Set<string>();
  const firstDifferences: ViewDifference[] = [];
  let differences = 0;
  const differ = (key: string, kind: ViewDifferenceKind) => {
    differences += 1;
    if (firstDifferences.length < DIFFERENCES_KEPT) firstDifferences.push({ key, kind });
  };
  let afterKey: string | null = null;
  for (;;) {
    const page = await service.storedViews(name, afterKey, PAGE_VIEWS);
    for (const { key, json } of page) {
      seen.add(key);
      if (!replayed.has(key)) differ(key, 'extra');
      else if (canonicalOf(json) !== canonicalOf(JSON.stringify(replayed.get(key)))) differ(key, 'differs');
    }
    if (page.length < PAGE_VIEWS) break;
    afterKey = page[page.length - 1]!.key;
  }
  for (const key of [...replayed.keys()].sort()) if (!seen.has(key)) differ(key, 'missing');
  return { viewsStored: seen.size, differences, firstDifferences };
}

/** The canonical form of a view's JSON text; text that is not JSON (a damaged row) stands for itself. */
function canonicalOf(json: string): string {
  try {
    return canonicalJson(JSON.parse(json));
  } catch {
    return `not JSON: ${json}`;
  }
}

/** Views (or a checkpoint) stored for a projection this service does not keep: none of it can be checked. */
async function notKept(service: ServiceStore, name: string): Promise<ProjectionVerification> {
  let stored = 0;
  let afterKey: string | null = null;
  for (;;) {
    const page = await service.storedViews(name, afterKey, PAGE_VIEWS);
    stored += page.length;
    if (page.length < PAGE_VIEWS) break;
    afterKey = page[page.length - 1]!.key;
  }
  return {
    ...emptyResult(name, await service.checkpoint(name)),
    viewsStored: stored,
    problem: `the service store holds ${stored} views for a projection this service does not keep: none can be checked against the log`,
  };
}

function emptyResult(name: string, checkpoint: ProjectionCheckpoint | undefined): ProjectionVerification {
  const position = checkpoint?.position;
  return {
    name,
    checkpoint: position === undefined || position === null ? null : position.toString(),
    viewsStored: 0,
    viewsReplayed: 0,
    differences: 0,
    firstDifferences: [],
    problem: null,
  };
}

const KIND_LINES: Record<ViewDifferenceKind, string> = {
  differs: 'the stored view differs from the log replayed',
  extra: 'a view is stored that the log replayed does not build',
  missing: 'the log replayed builds a view the store does not hold',
};

/** One line per problem found (none when everything agrees): what `bcl verify --views` prints. */
export function viewProblemLines(verification: ViewVerification): string[] {
  const lines: string[] = [];
  for (const p of verification.projections) {
    const at = `at checkpoint ${p.checkpoint ?? 'none'}`;
    if (p.problem) lines.push(`projection ${p.name}: ${p.problem}`);
    if (p.differences === 0) continue;
    const first = p.firstDifferences[0]!;
    lines.push(
      `projection ${p.name}: ${p.differences} of its views differ from the log replayed ${at} (first: key '${first.key}', ${first.kind})`,
    );
    for (const d of p.firstDifferences)
      lines.push(`projection ${p.name}, key '${d.key}': ${KIND_LINES[d.kind]}`);
    if (p.differences > p.firstDifferences.length)
      lines.push(`projection ${p.name}: … and ${p.differences - p.firstDifferences.length} more`);
  }
  for (const problem of verification.vault.problems)
    lines.push(`vault, person '${problem.personId}': ${problem.message}`);
  if (verification.vault.problemCount > verification.vault.problems.length)
    lines.push(`vault: … and ${verification.vault.problemCount - verification.vault.problems.length} more`);
  const { accessLog } = verification;
  for (const b of accessLog.firstBreaks) lines.push(`access log, entry ${b.id}: ${b.message}`);
  if (accessLog.breaks > accessLog.firstBreaks.length)
    lines.push(`access log: … and ${accessLog.breaks - accessLog.firstBreaks.length} more`);
  return lines;
}
