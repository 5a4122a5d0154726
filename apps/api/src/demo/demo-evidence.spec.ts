import { DemoStep, readDemoData } from './demo-files';

/** Lines in each seed document (BRIEF §0): a citation `000:440-442` must fall inside its document. */
const SEED_LINES: Record<string, number> = { '000': 442, '001': 463, '002': 955, '003': 170, '004': 2921 };

const steps = readDemoData().flatMap((file) => file.steps);
const step = (key: string): DemoStep => {
  const found = steps.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no demo step ${key}`);
  return found;
};
const holding = (postId: string) =>
  steps.find(
    (s) => s.command === 'AppointPostHolder' && s.input.postId === postId,
  ) as DemoStep<'AppointPostHolder'>;

describe('the demo data: what the seed documents support, and what is assumed (issue 12)', () => {
  it('cites seed documents by lines that exist, and never cites an issue as a source', () => {
    const bad = steps.flatMap((s) =>
      s.citations
        .filter((citation) => {
          if (/^issue \d+/.test(citation)) return true;
          const match = /^(\d{3})(?::(\d+)(?:-(\d+))?)?$/.exec(citation);
          if (!match) return false; // the brief, an Act
          const lines = SEED_LINES[match[1]!];
          const from = Number(match[2] ?? 1);
          const to = Number(match[3] ?? from);
          return lines === undefined || from < 1 || to < from || to > lines;
        })
        .map((citation) => `${s.key}: ${citation}`),
    );
    expect(bad).toEqual([]);
  });

  it('refuses a bare "public record" as a citation: what no document and place supports is assumed, saying what stands in', () => {
    const bare = steps.flatMap((s) =>
      s.citations.filter((citation) => /public record/i.test(citation)).map((c) => `${s.key}: ${c}`),
    );
    expect(bare).toEqual([]);
    // every step whose reason rests on the public record says so as an assumption, naming what stands in
    const onThePublicRecord = steps.filter((s) => /public record/i.test(s.reason));
    expect(onThePublicRecord.length).toBeGreaterThan(0);
    expect(
      onThePublicRecord
        .filter((s) => !/^not in the seed documents: .* stands? in/.test(s.assumed ?? ''))
        .map((s) => s.key),
    ).toEqual([]);
    expect(step('registry-fixture-0').assumed).toMatch(
      /the ONS E10000016 code and establishment date 1889-04-01/,
    );
    expect(step('governance-fixture-0')).toMatchObject({
      citations: [],
      assumed: expect.stringMatching(/establishment date 2013-04-01 stands in/),
    });
  });

  it('marks as assumed the Kent report-back the plan only intends, and the meeting it names', () => {
    for (const key of ['governance-fixture-18', 'governance-fixture-19'])
      expect(step(key).assumed).toMatch(/will go before the Board on 20 Sep 2017 \(000:442\)/);
    expect(step('governance-fixture-16').assumed).toMatch(/report-back terms are not in the seeds/);
  });

  it("marks as assumed Southend's June 2017 resolution and delegation, never shown to be agreed", () => {
    for (const key of ['governance-fixture-27', 'governance-fixture-28'])
      expect(step(key).assumed).toMatch(/Board agreed .* not in the seeds/);
  });

  it('marks every agreement assumed where its host, risk-share or underspend terms are stand-ins', () => {
    const agreements = steps.filter((s) => s.command === 'RecordAgreement');
    expect(agreements.length).toBe(4);
    for (const agreement of agreements) expect(agreement.assumed).toMatch(/host partner/);
    const medway = agreements.find((a) => a.key === 'fund-fixture-71')!;
    expect(medway.assumed).toMatch(/risk-share and underspend terms are not in the seeds/);
  });

  it('marks every posted transaction assumed: the seeds never give the day money moved', () => {
    const transactions = steps.filter((s) => s.command === 'PostFundTransaction');
    expect(transactions.filter((t) => t.assumed === undefined).map((t) => t.key)).toEqual([]);
    for (const transaction of transactions) expect(transaction.assumed).toMatch(/stands in for the date/);
  });

  it('starts each post holding no later than the earliest dated seed document showing the holder in post', () => {
    const earliest: Record<string, [string, string]> = {
      'southend-ccg-accountable-officer': ['p-0004', '2017-03-22'], // report of 22 Mar 2017 (004:2619)
      'southend-dce-people': ['p-0005', '2017-03-22'], // the same report
      // the Q3 return she signed, made 3 Mar 2017 (004:1807, 004:2663); the Q1 2016/17 return names her too (004:864, undated)
      'southend-hwb-chair': ['p-0007', '2017-03-03'],
      'medway-hwb-chair': ['p-0006', '2017-09-06'], // agenda dated 6 Sep 2017 (001:13-15, 001:63)
      'kent-hwb-chair': ['p-0001', '2016-01-27'], // minutes of 27 Jan 2016 (002:7)
    };
    for (const [postId, [personId, seen]] of Object.entries(earliest)) {
      const appointed = holding(postId);
      expect({
        postId,
        personId: appointed.input.personId,
        startsBySeen: appointed.input.from <= seen,
      }).toEqual({
        postId,
        personId,
        startsBySeen: true,
      });
      expect(appointed.assumed).toMatch(/appointment/);
    }
  });
});
