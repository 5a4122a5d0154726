import { createHash, randomUUID } from 'node:crypto';
import { RecordPlanDocument } from '@bcl/domain-plans';

/**
 * Plan uploads read and previewed but not yet confirmed, held in this process between the two steps of the
 * upload form: keyed by a random id, for the person who uploaded it only, for a short time, and bounded in
 * number and bytes (the oldest go first). Only the document read from the file is held, never recorded; a
 * confirmation decides it afresh against the plan as it then is.
 */
export interface PendingUpload {
  uploadId: string;
  /** Who uploaded it: only the same session subject may confirm it. */
  subject: string;
  fileName: string;
  /** SHA-256 of the uploaded bytes, shown beside the preview. */
  sha256: string;
  bytes: number;
  document: RecordPlanDocument;
  effectiveOn: string | null;
  /** The plan's revision the preview was decided against (sent as If-Match on confirming; -1: no plan yet). */
  revision: number;
  expiresAt: number;
}

export class PendingUploads {
  private readonly uploads = new Map<string, PendingUpload>();

  constructor(
    private readonly limits: { secondsMax: number; entriesMax: number; bytesMax: number },
    private readonly now: () => number = Date.now,
  ) {}

  hold(
    upload: Omit<PendingUpload, 'uploadId' | 'expiresAt' | 'sha256' | 'bytes'>,
    content: Buffer,
  ): PendingUpload {
    this.forgetExpired();
    const held: PendingUpload = {
      ...upload,
      uploadId: randomUUID(),
      sha256: createHash('sha256').update(content).digest('hex'),
      bytes: content.length,
      expiresAt: this.now() + this.limits.secondsMax * 1000,
    };
    this.uploads.set(held.uploadId, held);
    // Map keeps insertion order: the first entries are the oldest
    for (const [uploadId] of this.uploads) {
      if (this.uploads.size <= this.limits.entriesMax && this.heldBytes() <= this.limits.bytesMax) break;
      this.uploads.delete(uploadId);
    }
    return held;
  }

  /** The upload this subject holds under the id, if it has not expired or been confirmed. */
  find(uploadId: unknown, subject: string): PendingUpload | undefined {
    this.forgetExpired();
    const held = typeof uploadId === 'string' ? this.uploads.get(uploadId) : undefined;
    return held && held.subject === subject ? held : undefined;
  }

  forget(uploadId: string): void {
    this.uploads.delete(uploadId);
  }

  private heldBytes(): number {
    let bytes = 0;
    for (const upload of this.uploads.values()) bytes += upload.bytes;
    return bytes;
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [uploadId, upload] of this.uploads) if (upload.expiresAt <= now) this.uploads.delete(uploadId);
  }
}
