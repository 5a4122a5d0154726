import { entryChanges } from '@bcl/application';

const base = { planId: 'p', version: 2, justification: 'letter of 15 January 2018' };

describe("what a plan upload's preview shows it would change, entry by entry and field by field", () => {
  it('lists the fields an amendment changes, with their values before and after, and no unchanged field', () => {
    const previous = {
      key: 'dfg/kcc',
      source: 'dfg',
      contributorId: 'kcc',
      amountsPence: { '2017-18': 100 },
    };
    const entry = { ...previous, amountsPence: { '2017-18': 150 } };
    expect(
      entryChanges([
        {
          type: 'PlanEntryAmended',
          data: { ...base, section: 'contributions', key: 'dfg/kcc', entry, previous },
        },
      ]),
    ).toEqual([
      {
        change: 'changed',
        section: 'contributions',
        key: 'dfg/kcc',
        fields: [{ field: 'amountsPence', before: { '2017-18': 100 }, after: { '2017-18': 150 } }],
      },
    ]);
  });

  it('shows an added entry with every field after, a removed one with every field before, and skips other events', () => {
    const narrative = { key: 'n1', heading: 'Social care', text: 'maintained' };
    const changes = entryChanges([
      { type: 'PlanVersionStarted', data: { planId: 'p', version: 2, after: 'signed-off' } },
      {
        type: 'PlanEntryRecorded',
        data: { ...base, section: 'narratives', key: 'n1', entry: narrative, previous: null },
      },
      {
        type: 'PlanEntryRemoved',
        data: { ...base, section: 'narratives', key: 'n0', previous: { ...narrative, key: 'n0' } },
      },
    ] as Parameters<typeof entryChanges>[0]);
    expect(
      changes.map(({ change, key, fields }) => [
        change,
        key,
        fields.map((f) => [f.field, f.before, f.after]),
      ]),
    ).toEqual([
      [
        'added',
        'n1',
        [
          ['heading', null, 'Social care'],
          ['text', null, 'maintained'],
        ],
      ],
      [
        'removed',
        'n0',
        [
          ['heading', 'Social care', null],
          ['text', 'maintained', null],
        ],
      ],
    ]);
  });
});
