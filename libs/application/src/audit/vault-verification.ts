import { EventStore } from '@bcl/event-store';
import { ServiceStore, VaultEntry } from '@bcl/service-store';

export type VaultProblemKind =
  /** A name stored for a person id that no event registers. */
  | 'name-without-registration'
  /** A person registered in the log whose name the vault lacks, with no erasure recorded in the log. */
  | 'name-missing'
  /** An erasure recorded in the log, but the vault still holds the name. */
  | 'erasure-not-carried-out';

export interface VaultProblem {
  personId: string;
  kind: VaultProblemKind;
  message: string;
}

export interface VaultVerification {
  ok: boolean;
  /** Rows in the vault (names, and erased rows) and people registered in the log. */
  entries: number;
  peopleRegistered: number;
  /** Erasures recorded in the log. */
  erasures: number;
  problemCount: number;
  /** The first problems, by person id (all are counted). */
  problems: VaultProblem[];
}

const PAGE_EVENTS = 500;
const PAGE_ENTRIES = 1000;
const PROBLEMS_KEPT = 20;

/**
 * Compares the personal-data vault with the registry's events: every name stored must belong to a person a
 * `PersonRegistered` event registers; every registered person must have a name unless a `PersonalDataErased`
 * event records the erasure; and a recorded erasure must have removed the name.
 *
 * A registration writes its event first and the name after it (an erasure likewise): only events at or
 * before the head read before the vault are held against it, so a write in flight is not reported. The vault is
 * read whole into memory (one entry per person), then the log once, page by page.
 */
export async function verifyVault(events: EventStore, service: ServiceStore): Promise<VaultVerification> {
  const before = (await events.headPosition()) ?? 0n;
  const vault = new Map<string, VaultEntry>();
  for (let after: string | null = null; ;) {
    const page = await service.vaultEntries(after, PAGE_ENTRIES);
    for (const entry of page) vault.set(entry.personId, entry);
    if (page.length < PAGE_ENTRIES) break;
    after = page[page.length - 1]!.personId;
  }
  const registered = new Map<string, bigint>();
  const erased = new Map<string, bigint>();
  for (let after: bigint | undefined; ;) {
    const page = await events.readAll({ after, maxCount: PAGE_EVENTS });
    for (const event of page.events) {
      const personId = (event.data as { personId?: unknown } | null)?.personId;
      if (typeof personId !== 'string') continue;
      if (event.type === 'PersonRegistered') registered.set(personId, event.position);
      if (event.type === 'PersonalDataErased') erased.set(personId, event.position);
    }
    after = page.lastPosition;
    if (page.isEnd) break;
  }
  const problems: VaultProblem[] = [];
  for (const entry of vault.values())
    if (entry.displayName !== null && !registered.has(entry.personId))
      problems.push({
        personId: entry.personId,
        kind: 'name-without-registration',
        message: 'the vault holds a name for a person no event registers',
      });
  for (const [personId, position] of registered) {
    if (position > before || erased.has(personId)) continue;
    if (vault.get(personId)?.displayName == null)
      problems.push({
        personId,
        kind: 'name-missing',
        message: `registered at position ${position}, but the vault holds no name and the log records no erasure`,
      });
  }
  for (const [personId, position] of erased)
    if (position <= before && vault.get(personId)?.displayName != null)
      problems.push({
        personId,
        kind: 'erasure-not-carried-out',
        message: `the erasure recorded at position ${position} was not carried out: the vault still holds the name`,
      });
  problems.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  return {
    ok: problems.length === 0,
    entries: vault.size,
    peopleRegistered: registered.size,
    erasures: erased.size,
    problemCount: problems.length,
    problems: problems.slice(0, PROBLEMS_KEPT),
  };
}
