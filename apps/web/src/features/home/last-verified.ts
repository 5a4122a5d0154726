import { VerificationRun } from '@bcl/service-store';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The latest verification run as the home page shows it, with its time in words (`30 November 2026, 09:05:12
 * UTC`: the stored time is UTC, and a check's time is read to the second).
 */
export function lastVerifiedOf(run: VerificationRun | undefined) {
  if (!run) return null;
  const at = new Date(run.at);
  const time = [at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds()]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
  const atText = Number.isNaN(at.getTime())
    ? run.at
    : `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${time} UTC`;
  return { ...run, atText };
}
