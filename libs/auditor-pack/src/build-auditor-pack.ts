import JSZip from 'jszip';
import { EventStore, digestToJson, exportLog, takeDigest, verifyStore } from '@bcl/event-store';
import { isCalendarDate } from '@bcl/kernel';
import { areaDefined, knownLog } from '@bcl/contexts';
import { writePlanWorkbook } from '@bcl/plan-import';
import { reconciliationWorkbook } from '@bcl/fund-reports';
import { readReturnTemplate, returnTemplateDirectory, writeReturnWorkbook } from '@bcl/quarterly-returns';
import { PackData, gatherPackData } from './pack-data';
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

/**
 * The auditor pack of an area and period, as one zip: pack.pdf (tagged), the XLSX workbooks, events.ndjson (the
 * whole log, as `bcl export` writes it), digest.json (as `bcl digest`), README.txt (how to verify offline) and
 * manifest.json (who, when, the log position, and each file's SHA-256). The digest is taken before the export,
 * so the export always covers it.
 */
export async function buildAuditorPack(
  request: AuditorPackRequest,
): Promise<{ zip: Buffer; manifest: PackManifest; fileName: string }> {
  const { store, areaId, from, to, generatedAt } = request;
  checkPackRequest(request);
  const events = await knownLog(store);
  if (!areaDefined(events, areaId)) throw new AuditorPackRefused(`area: no area '${areaId}' in the ledger`);
  const digest = await takeDigest(store);
  if (!digest) throw new AuditorPackRefused('the log is empty: there is nothing to pack');
  const lines: string[] = [];
  const hashes = new Map<string, string>();
  await exportLog(
    store,
    (line) => {
      lines.push(line);
      const event = /^\{"position":"(-?\d+)","hash":"([0-9a-f]+)"/.exec(line);
      if (event) hashes.set(event[1]!, event[2]!);
    },
    generatedAt,
  );
  const verification = await verifyStore(store, digest);
  const digestJson = digestToJson(digest, generatedAt);
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
  const html = renderPackHtml(data, stamp, verification, digestJson);
  const files = [
    {
      name: 'pack.pdf',
      content: request.printer
        ? await request.printer.print(html)
        : await printPdf(html, request.chromiumPath),
    },
    ...(await workbooks(data, request.templateDir)),
    { name: 'events.ndjson', content: Buffer.from(lines.map((line) => `${line}\n`).join('')) },
    { name: 'digest.json', content: Buffer.from(`${JSON.stringify(digestJson, null, 2)}\n`) },
  ];
  files.push({
    name: 'README.txt',
    content: Buffer.from(
      packReadme(
        stamp,
        files.map((f) => f.name),
      ),
    ),
  });
  const manifest = packManifest(stamp, files);
  const zip = new JSZip();
  const date = new Date(generatedAt);
  for (const file of files) zip.file(file.name, file.content, { date });
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { zip: content, manifest, fileName: packFileName(stamp) };
}
