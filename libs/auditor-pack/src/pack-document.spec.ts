import { renderPackHtml } from './pack-document';
import { PackData } from './pack-data';
import { PackStamp } from './pack-manifest';

const stamp: PackStamp = {
  generatedBy: 'auditor-subject',
  generatedAt: '2026-11-30T08:00:00.000Z',
  areaId: 'kent',
  from: '2017-04-01',
  to: '2018-03-31',
  head: { position: '3', hash: 'c'.repeat(64), eventCount: '3' },
};

const data: PackData = {
  areaId: 'kent',
  period: { from: '2017-04-01', to: '2018-03-31' },
  timeline: [
    {
      date: '2017-06-14',
      type: 'ResolutionPassed',
      stream: 'meeting-kent-hwb-2017-06-14',
      says: 'outcome agreed, <b>resolutionId</b> kent-hwb-2017-06-14-bcf-sign-off',
      reason: 'the minutes',
      actor: 'system:demo-data',
      evidence: 'cites 000:440',
      position: '2',
      hash: 'b'.repeat(64),
      operatorWrite: null,
    },
    {
      date: '2017-06-15',
      type: 'ApprovalRecorded',
      stream: 'approvals-bcf-plan-kent-2017-19',
      says: 'approvalId forged-approval',
      reason: null,
      actor: 'os-user:ops',
      evidence: 'cites nothing',
      position: '3',
      hash: 'd'.repeat(64),
      operatorWrite: { reason: 'restoring a <lost> approval' },
    },
  ],
  plans: [],
  poolYears: [],
  returns: [],
  assumedFacts: [
    {
      type: 'DelegatedDecisionReportedBack',
      stream: 'delegation-kent-hwb-2017-06-14-bcf-sign-off',
      says: 'on 2017-09-20',
      reason: null,
      effectiveOn: '2017-09-20',
      recordedAt: '2026-11-30T07:28:14.173Z',
      position: '3',
      documented: false,
      evidence: { assumed: 'the plan states only the intention', citations: ['000:442'] },
    },
  ],
};

const verification = {
  ok: true,
  eventsChecked: 3,
  lastPosition: 3n,
  lastHash: 'c'.repeat(64),
  firstBreak: null,
  digest: { position: 3n, matched: true },
  signedEvents: 0,
  unsignedEvents: 3,
  signaturesChecked: false,
};

describe('the pack document', () => {
  const html = renderPackHtml(
    data,
    stamp,
    verification,
    { format: 'bcl-digest/1', position: '3' },
    { digestFile: 'digest.json', signedBy: null, keyringFile: null, positions: [] },
  );

  it('is one self-contained page: no scripts, no external files, an inline print stylesheet in Arial', () => {
    expect(html).not.toMatch(/<script|<link|src=|href="http/);
    expect(html).toMatch(/<style>[\s\S]*font-family: Arial/);
    expect(html).toContain('<html lang="en-GB">');
  });

  it('has one h1 and a heading per section, so the tagged PDF has an outline', () => {
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    for (const section of [
      '1. Decision timeline with provenance',
      '2. Plan versions as approved',
      '3. Pooled-fund positions and reconciliation',
      '4. Quarterly returns as submitted and as restated',
      '5. Assumed facts',
      '6. Verification and digest',
    ])
      expect(html).toContain(`<h2>${section}</h2>`);
  });

  it('gives every table a caption and column headers with scope', () => {
    const tables = html.match(/<table[\s\S]*?<\/table>/g) ?? [];
    expect(tables.length).toBe(2);
    for (const table of tables) {
      expect(table).toMatch(/<caption>[^<]+<\/caption>/);
      expect(table).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)/);
    }
  });

  it('records who generated it, when and at which log position, and each decision with its position and hash', () => {
    expect(html).toContain('<dd>auditor-subject</dd>');
    expect(html).toContain('<dd>2026-11-30T08:00:00.000Z</dd>');
    expect(html).toContain('<dd>3 (3 events)</dd>');
    expect(html).toContain(`2<br><span class="hash">${'b'.repeat(64)}</span>`);
  });

  it('marks the event an operator wrote raw, with its reason (escaped), and no other', () => {
    const rows = html.match(/<tr>\s*<td class="date">[\s\S]*?<\/tr>/g) ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[0]).not.toContain('Operator write');
    expect(rows[1]).toContain(
      '<strong class="operator-write">Operator write</strong>: recorded with <code>bcl append</code>, not by the ' +
        "ledger's rules. Reason given: restoring a &lt;lost&gt; approval",
    );
  });

  it('escapes what the log says, shows assumed facts as assumed, and states the verification and digest', () => {
    expect(html).toContain('&lt;b&gt;resolutionId&lt;/b&gt;');
    expect(html).toContain('the plan states only the intention');
    expect(html).toContain('the digest at position 3 matched');
    expect(html).toContain('&quot;format&quot;: &quot;bcl-digest/1&quot;');
    expect(html).toContain('The ledger holds no BCF plan of kent for this period.');
  });
});
