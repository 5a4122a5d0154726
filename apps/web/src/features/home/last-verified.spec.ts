import { VerificationRun } from '@bcl/service-store';
import { lastVerifiedOf } from './last-verified';

const run: VerificationRun = {
  at: '2026-11-30T09:05:12.345Z',
  subject: 'development:auditor',
  origin: 'web',
  eventsChecked: 12,
  headPosition: '12',
  headHash: 'c'.repeat(64),
  ok: true,
  firstBreak: null,
  digest: null,
};

describe('the last verification run as the home page shows it', () => {
  it('is null when the record was never verified', () => {
    expect(lastVerifiedOf(undefined)).toBeNull();
  });

  it('gives the time in words, in UTC to the second, and keeps the rest of the run', () => {
    expect(lastVerifiedOf(run)).toEqual({ ...run, atText: '30 November 2026, 09:05:12 UTC' });
    expect(lastVerifiedOf({ ...run, at: '2027-01-01T00:00:00.000Z' })?.atText).toBe(
      '1 January 2027, 00:00:00 UTC',
    );
  });

  it('shows a time it cannot read as it was stored', () => {
    expect(lastVerifiedOf({ ...run, at: 'not a time' })?.atText).toBe('not a time');
  });
});
