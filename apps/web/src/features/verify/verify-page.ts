import { LogVerification } from '@bcl/application';
import { VerificationRun } from '@bcl/service-store';

/** The verify page's view, and what every rendering of it needs (the controller's and the upload filter's). */
export const VERIFY_VIEW = 'features/verify/verify.njk';

/** A digest file is a few hundred bytes; anything much larger is not one. */
export const DIGEST_BYTES_MAX = 16 * 1024;

/** The command that repeats the check offline, with no database: `bcl export` and `bcl digest` make its files. */
export const OFFLINE_COMMAND = 'npx bcl verify --file <export.ndjson> --digest <digest.json>';

export function verifyPageContext(head: bigint | null, extra: Record<string, unknown> = {}) {
  return {
    section: 'verify',
    headPosition: head === null ? null : head.toString(),
    offlineCommand: OFFLINE_COMMAND,
    digestBytesMax: DIGEST_BYTES_MAX,
    ...extra,
  };
}

/** The page with the digest form showing one error, in the GOV.UK error summary and on the file input. */
export const digestFormError = (head: bigint | null, message: string) =>
  verifyPageContext(head, { errorList: [{ text: message, href: '#digest' }], digestError: message });

/** What the service store keeps of a run on this page (the home page shows the latest). */
export function verificationRunOf(verification: LogVerification, subject: string): VerificationRun {
  return {
    at: verification.checkedAt,
    subject,
    origin: 'web',
    eventsChecked: verification.eventsChecked,
    headPosition: verification.headPosition,
    headHash: verification.headHash,
    ok: verification.ok,
    firstBreak: verification.firstBreak,
    digest: verification.digest
      ? { position: verification.digest.position, matched: verification.digest.matched }
      : null,
  };
}
