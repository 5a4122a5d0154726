import {
  EventStore,
  Signer,
  checkpointToJson,
  digestToJson,
  keyringFromJson,
  signCheckpoint,
} from '@bcl/event-store';
import { isCalendarDate } from '@bcl/kernel';
import { areaDefined } from '@bcl/contexts';
import { writePlanWorkbook } from '@bcl/plan-import';
import { reconciliationWorkbook } from '@bcl/fund-reports';
import { readReturnTemplate, returnTemplateDirectory, writeReturnWorkbook } from '@bcl/quarterly-returns';
import { PackData, decisionPositions, gatherPackData } from './pack-data';
import { readLogOnce } from './log-snapshot';
import { ZipEntry, writeZip, zipEntry } from './zip-writer';
import { PackManifest, PackStamp, packFileName, packManifest, packReadme } from './pack-manifest';
import { printPdf, renderPackHtml } from './pack-document';
import { PdfPrinter } from './warm-chromium';

export interface AuditorPackRequest {
  /** The event store, read with upcasting (as the CLI's and the pages' stores are). */
  store: EventStore;
  areaId: string;
  from: string;
  to: string;
  /** Who asked for the pack: the CLI's operator (`os-user:<name>`) or the page's signed-in subject. */
  generatedBy: string;
  generatedAt: string;
  /** The Chromium that prints the PDF (Debian's `/usr/bin/chromium`). */
  chromiumPath: string;
  /** A Chromium kept running to print with (a server's `WarmChromium`); absent, one is launched for this pack. */
  printer?: PdfPrinter;
  /** Where the quarterly return templates are read from (LEDGER_RETURN_TEMPLATE_DIR); unset: the repository's. */
  templateDir?: string;
  /** Where the planning reference data are read from (accepted for symmetry; the pack needs none today). */
  referenceDir?: string;
  /** A `checkpoint` key: the pack's digest is signed with it as checkpoint.json; absent, the digest is unsigned. */
  checkpointSigner?: Signer;
  /** A keyring file's text (`bcl-keyring/1`): the log's signatures are checked against it, and it is packed. */
  keyringJson?: string;
  /** Filled with the milliseconds each step took (readLog, gatherData, renderHtml, printPdf, workbooks, ...). */
  timings?: Record<string, number>;
}

/** A request the pack cannot be made for: the message says what to fix. */
export class AuditorPackRefused extends Error {}

/** Refuses a request before anything is read: dates as YYYY-MM-DD, in order. */
export function checkPackRequest({
  areaId,
  from,
  to,
}: Pick<AuditorPackRequest, 'areaId' | 'from' | 'to'>): void {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(areaId))
    throw new AuditorPackRefused('area: must be lower-case letters, digits and hyphens');
  if (!isCalendarDate(from)) throw new AuditorPackRefused('from: must be a real date written YYYY-MM-DD');
  if (!isCalendarDate(to)) throw new AuditorPackRefused('to: must be a real date written YYYY-MM-DD');
  if (from > to) throw new AuditorPackRefused('from: must not be after to');
}

async function workbooks(data: PackData, templateDir: string | undefined) {
  const files: { name: string; content: Buffer }[] = [];
  for (const plan of data.plans)
    for (const v of plan.versions)
      files.push({
        name: `plans/${v.planId}-v${v.version}.xlsx`,
        content: await writePlanWorkbook(
          v.state,
          `auditor pack: ${v.planId} version ${v.version} as approved`,
        ),
      });
  for (const { poolId, year, reports } of data.poolYears)
    files.push({
      name: `fund/${poolId}-${year}-reconciliation.xlsx`,
      content: await reconciliationWorkbook(reports.reconciliation),
    });
  for (const { returnId, submitted, restated } of data.returns) {
    const template = readReturnTemplate(submitted.templateVersion, returnTemplateDirectory(templateDir));
    files.push(
      {
        name: `returns/${returnId}-as-submitted.xlsx`,
        content: await writeReturnWorkbook(template, submitted),
      },
      {
        name: `returns/${returnId}-as-restated.xlsx`,
        content: await writeReturnWorkbook(template, restated),
      },
    );
  }
  return files;
}

/** What the pack's proofs are checked against: a signed checkpoint, or (no checkpoint key) the plain digest. */
export interface PackProofs {
  /** checkpoint.json when signed, else digest.json. */
  digestFile: 'checkpoint.json' | 'digest.json';
  /** The checkpoint key's id, or null: the digest is unsigned. */
  signedBy: string | null;
  /** keyring.json when the pack carries a keyring, else null. */
  keyringFile: 'keyring.json' | null;
  /** The position of every decision the pack lists: each has proofs/<position>.json and .event.json. */
  positions: string[];
}

const now = () => performance.now();

/**
 * The auditor pack of an area and period, as one zip: pack.pdf (tagged), the XLSX workbooks, events.ndjson (the
 * whole log, as `bcl export` writes it), digest.json (as `bcl digest`), checkpoint.json (that digest signed, when
 * a checkpoint key is given), keyring.json (when a keyring is given), proofs/<position>.json and
 * .event.json (an inclusion proof against the digest of every decision the pack lists, and that event),
 * README.txt (how to verify offline) and manifest.json (who, when, the log position, each file's SHA-256).
 * The log is read once: its chain (and, with a keyring, its signatures) verified, exported, its tree built and
 * its events decoded from the same rows, so the export, the digest and the proofs all cover the same log.
 */
export async function buildAuditorPack(
  request: AuditorPackRequest,
): Promise<{ zip: Buffer; manifest: PackManifest; fileName: string }> {
  const { store, areaId, from, to, generatedAt } = request;
  const timings = request.timings ?? {};
  checkPackRequest(request);
  let at = now();
  const lap = (step: string) => {
    const next = now();
    timings[step] = (timings[step] ?? 0) + (next - at);
    at = next;
  };
  if (request.checkpointSigner && request.checkpointSigner.role !== 'checkpoint')
    throw new Error(
      `key ${request.checkpointSigner.keyId} is a ${request.checkpointSigner.role} key: the pack's checkpoint is signed with a checkpoint key`,
    );
  const keyring = request.keyringJson === undefined ? undefined : keyringFromJson(request.keyringJson);
  const log = await readLogOnce(store, generatedAt, keyring);
  lap('readLog');
  if (!log) throw new AuditorPackRefused('the log is empty: there is nothing to pack');
  const { digest, events, hashes, verification } = log;
  const exportBytes = Buffer.from(log.exportText);
  // the export (the largest file) is compressed on zlib's threads while the rest of the pack is made
  const exportEntry = zipEntry('events.ndjson', exportBytes);
  exportEntry.catch(() => undefined);
  if (!areaDefined(events, areaId)) throw new AuditorPackRefused(`area: no area '${areaId}' in the ledger`);
  const digestJson = digestToJson(digest, generatedAt);
  const checkpointJson = request.checkpointSigner
    ? checkpointToJson(signCheckpoint(digest, request.checkpointSigner, generatedAt))
    : null;
  const stamp: PackStamp = {
    generatedBy: request.generatedBy,
    generatedAt,
    areaId,
    from,
    to,
    head: {
      position: digest.position.toString(),
      hash: digest.hash,
      eventCount: digest.eventCount.toString(),
    },
  };
  const data = await gatherPackData(store, events, hashes, areaId, { from, to });
  lap('gatherData');
  const proofs: PackProofs = {
    digestFile: checkpointJson ? 'checkpoint.json' : 'digest.json',
    signedBy: checkpointJson?.keyId ?? null,
    keyringFile: request.keyringJson === undefined ? null : 'keyring.json',
    positions: decisionPositions(data),
  };
  const html = renderPackHtml(data, stamp, verification, checkpointJson ?? digestJson, proofs);
  lap('renderHtml');
  // Chromium prints in its own process while this one writes the workbooks and the proofs
  const started = now();
  const took = (step: string) => () => (timings[step] = now() - started);
  const [pdf, books, proofFiles] = await Promise.all([
    (request.printer ? request.printer.print(html) : printPdf(html, request.chromiumPath)).finally(
      took('printPdf'),
    ),
    workbooks(data, request.templateDir).finally(took('workbooks')),
    Promise.resolve().then(() =>
      proofs.positions.flatMap((position) => {
        const made = log.proofOf(position)!;
        return [
          { name: `proofs/${position}.json`, content: Buffer.from(made.proof) },
          { name: `proofs/${position}.event.json`, content: Buffer.from(made.event) },
        ];
      }),
    ),
  ]);
  lap('printAndWorkbooks');
  const files = [
    { name: 'pack.pdf', content: pdf },
    ...books,
    { name: 'events.ndjson', content: exportBytes },
    { name: 'digest.json', content: Buffer.from(`${JSON.stringify(digestJson, null, 2)}\n`) },
    ...(checkpointJson
      ? [{ name: 'checkpoint.json', content: Buffer.from(`${JSON.stringify(checkpointJson, null, 2)}\n`) }]
      : []),
    ...(request.keyringJson === undefined
      ? []
      : [{ name: 'keyring.json', content: Buffer.from(request.keyringJson) }]),
    ...proofFiles,
  ];
  files.push({
    name: 'README.txt',
    content: Buffer.from(
      packReadme(
        stamp,
        files.map((f) => f.name),
        proofs,
      ),
    ),
  });
  const manifest = packManifest(stamp, files);
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const entries: ZipEntry[] = await Promise.all([
    ...files.map((file) => (file.name === 'events.ndjson' ? exportEntry : zipEntry(file.name, file.content))),
    zipEntry('manifest.json', manifestBytes),
  ]);
  const content = writeZip(entries, new Date(generatedAt));
  lap('zip');
  return { zip: content, manifest, fileName: packFileName(stamp) };
}
