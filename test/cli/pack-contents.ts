import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';

/** Poppler's pdfinfo, which says whether a PDF is tagged (`apt-get install poppler-utils`). */
export const PDFINFO = ['/usr/bin/pdfinfo', '/usr/local/bin/pdfinfo'].find((path) => existsSync(path));

export interface UnpackedPack {
  names: string[];
  manifest: {
    format: string;
    generatedBy: string;
    generatedAt: string;
    areaId: string;
    from: string;
    to: string;
    head: { position: string; hash: string; eventCount: string };
    files: { name: string; bytes: number; sha256: string }[];
  };
  /** Each file's SHA-256, as read back from the zip. */
  sha256: Record<string, string>;
}

/** Unzips a pack into `directory` (files and folders as in the zip) and reads its manifest. */
export async function unpack(zipBytes: Buffer, directory: string): Promise<UnpackedPack> {
  const zip = await JSZip.loadAsync(zipBytes);
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  const sha256: Record<string, string> = {};
  for (const name of names) {
    const content = await zip.file(name)!.async('nodebuffer');
    sha256[name] = createHash('sha256').update(content).digest('hex');
    mkdirSync(dirname(join(directory, name)), { recursive: true });
    writeFileSync(join(directory, name), content);
  }
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as UnpackedPack['manifest'];
  return { names, manifest, sha256 };
}

/** What `pdfinfo` says of whether the PDF is tagged ("yes" or "no"). */
export function pdfTagged(path: string): string | undefined {
  if (!PDFINFO)
    throw new Error('REQUIRE_BROWSER=1 but pdfinfo is not installed (apt-get install poppler-utils)');
  const info = execFileSync(PDFINFO, [path], { encoding: 'utf8' });
  return /^Tagged:\s+(\S+)/m.exec(info)?.[1];
}
