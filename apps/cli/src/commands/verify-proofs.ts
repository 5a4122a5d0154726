import {
  ConsistencyProof,
  EventLine,
  InclusionProof,
  Keyring,
  checkConsistency,
  checkEventInclusion,
  consistencyProofFromJson,
  eventLineFromJson,
  inclusionProofFromJson,
} from '@bcl/event-store';
import { GlobalOptions, UsageError, report } from '../cli-context';
import { readDigest } from '../digest-files';
import { readInputText } from '../files';

/** Reads and parses an input file, or refuses in one line naming the file and what is wrong. */
function parseFile<T>(path: string, label: string, parse: (text: string) => T): T {
  const text = readInputText(path, label);
  try {
    return parse(text);
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

function decide(
  globals: GlobalOptions,
  problem: string | null,
  ok: string,
  details: Record<string, unknown>,
): void {
  report(
    globals,
    { ok: problem === null, problem, ...details },
    problem === null ? `OK: ${ok}` : `FAILED: ${problem}`,
  );
  if (problem !== null) process.exitCode = 1;
}

/** `bcl verify --event EVENT.json --proof PROOF.json --digest D`: offline, no store. */
export function verifyInclusionOffline(
  globals: GlobalOptions,
  files: { event: string; proof: string; digest: string },
  keyring: Keyring | undefined,
): void {
  const event: EventLine = parseFile(files.event, 'event file', eventLineFromJson);
  const proof: InclusionProof = parseFile(files.proof, 'proof file', inclusionProofFromJson);
  const digest = readDigest(files.digest, keyring);
  let problem: string | null;
  try {
    problem = checkEventInclusion(event, proof, digest);
  } catch (error) {
    throw new UsageError(`${files.digest}: ${(error as Error).message}`);
  }
  decide(
    globals,
    problem,
    `the event at position ${event.position} (hash ${event.hash}) is event ${proof.leafIndex + 1} of the ${proof.treeSize} the digest covers (root ${digest.root})`,
    { position: event.position, leafIndex: proof.leafIndex, treeSize: proof.treeSize, root: digest.root },
  );
}

/** `bcl verify --consistency PROOF.json --from D1 --to D2`: offline, no store. */
export function verifyConsistencyOffline(
  globals: GlobalOptions,
  files: { proof: string; from: string; to: string },
  keyring: Keyring | undefined,
): void {
  const proof: ConsistencyProof = parseFile(files.proof, 'proof file', consistencyProofFromJson);
  const from = readDigest(files.from, keyring);
  const to = readDigest(files.to, keyring);
  let problem: string | null;
  try {
    problem = checkConsistency(proof, from, to);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  decide(
    globals,
    problem,
    `the log of ${proof.toTreeSize} events (root ${to.root}) extends, unchanged, the log of ${proof.fromTreeSize} (root ${from.root})`,
    { fromTreeSize: proof.fromTreeSize, toTreeSize: proof.toTreeSize },
  );
}
