import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { VerifyReport } from '@bcl/event-store';
import { verificationOf } from '@bcl/application';
import { packageDirectory, webSourceDirectory } from '../../views/nunjucks-environment';

const report = (signedEvents: number, unsignedEvents: number, signaturesChecked: boolean): VerifyReport => ({
  ok: true,
  eventsChecked: signedEvents + unsignedEvents,
  lastPosition: BigInt(signedEvents + unsignedEvents),
  lastHash: 'c'.repeat(64),
  firstBreak: null,
  digest: null,
  signedEvents,
  unsignedEvents,
  signaturesChecked,
});

function render(verification: ReturnType<typeof verificationOf>): string {
  const environment = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([webSourceDirectory(), join(packageDirectory('govuk-frontend'), 'dist')]),
    { autoescape: true },
  );
  return environment.renderString(
    '{% from "govuk/components/summary-list/macro.njk" import govukSummaryList %}' +
      '{% from "govuk/components/tag/macro.njk" import govukTag %}' +
      '{% include "features/verify/verification-result.njk" %}',
    { verification },
  );
}

describe("the verify page's signatures row", () => {
  it('says when no event is signed', () => {
    const verification = verificationOf(report(0, 5, false), '2026-11-30T10:00:00Z', 3);
    expect(verification.signatures).toEqual({ signed: 0, unsigned: 5, checked: false });
    expect(render(verification)).toMatch(/Signatures\s*<\/dt>\s*<dd[^>]*>\s*no event is signed/);
  });

  it('counts signed events and says they were not checked on the page', () => {
    const html = render(verificationOf(report(7, 2, false), '2026-11-30T10:00:00Z', 3));
    expect(html).toContain(
      '7 events signed, 2 unsigned; not checked here: run bcl verify --keyring with the writers&#39; keyring',
    );
  });
});
