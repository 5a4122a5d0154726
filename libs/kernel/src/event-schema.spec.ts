import {
  EventSchemaCatalogue,
  EventSchemaError,
  EventUpcaster,
  VersionedEvent,
  checkSchema,
  combineCatalogues,
  currentVersionOf,
  upcastEvent,
} from './event-schema';

/** Version 1 held `amount` in pounds; 2 renamed it to `amountPounds`; 3 holds pence and records who set it. */
const CATALOGUE: EventSchemaCatalogue = {
  ContributionAgreed: {
    currentVersion: 3,
    upcasters: [
      {
        from: 2,
        upcast: ({ amountPounds, ...rest }, metadata) => ({
          ...rest,
          amountPence: Number(amountPounds) * 100,
          agreedBy: (metadata.actor as { id: string }).id,
        }),
      },
      { from: 1, upcast: ({ amount, ...rest }) => ({ ...rest, amountPounds: amount }) },
    ],
  },
  PartnerNamed: { currentVersion: 1 },
};

const event = (type: string, schemaVersion: number, data: Record<string, unknown>): VersionedEvent => ({
  type,
  schemaVersion,
  data,
  metadata: { actor: { id: 'user-1' }, correlationId: 'c' },
});

describe('upcastEvent', () => {
  it('runs every step from the stored version to the current one, in version order', () => {
    const stored = event('ContributionAgreed', 1, { partner: 'icb', amount: 12 });
    expect(upcastEvent(CATALOGUE, stored)).toEqual({
      ...stored,
      schemaVersion: 3,
      data: { partner: 'icb', amountPence: 1200, agreedBy: 'user-1' },
    });
    expect(upcastEvent(CATALOGUE, event('ContributionAgreed', 2, { amountPounds: 5 })).data).toEqual({
      amountPence: 500,
      agreedBy: 'user-1',
    });
  });

  it('leaves the stored event itself untouched', () => {
    const stored = event('ContributionAgreed', 1, { amount: 1 });
    const copy = JSON.parse(JSON.stringify(stored)) as VersionedEvent;
    upcastEvent(CATALOGUE, stored);
    expect(stored).toEqual(copy);
  });

  it('returns a current event, or one of a type no catalogue declares, as it is', () => {
    const current = event('ContributionAgreed', 3, { amountPence: 1 });
    expect(upcastEvent(CATALOGUE, current)).toBe(current);
    const unknown = event('SomethingElse', 7, { x: 1 });
    expect(upcastEvent(CATALOGUE, unknown)).toBe(unknown);
    expect(upcastEvent(CATALOGUE, event('toString', 1, {})).type).toBe('toString');
  });

  it('refuses an event stored at a version newer than the code knows', () => {
    expect(() => upcastEvent(CATALOGUE, event('PartnerNamed', 2, {}))).toThrow(
      new EventSchemaError(
        "event type 'PartnerNamed' is stored at version 2, but this release knows only versions up to 1: upgrade the ledger software to read it",
      ),
    );
  });

  it('refuses an event when a step is missing', () => {
    const gappy: EventSchemaCatalogue = {
      ContributionAgreed: { currentVersion: 3, upcasters: [{ from: 1, upcast: (data) => data }] },
    };
    expect(() => upcastEvent(gappy, event('ContributionAgreed', 1, {}))).toThrow(
      "event type 'ContributionAgreed' has no upcaster from version 2 to 3",
    );
  });
});

describe('checkSchema and combineCatalogues', () => {
  it('combines catalogues and refuses a type declared twice', () => {
    const combined = combineCatalogues(CATALOGUE, { PlanInitiated: { currentVersion: 1 } });
    expect(Object.keys(combined).sort()).toEqual(['ContributionAgreed', 'PartnerNamed', 'PlanInitiated']);
    expect(currentVersionOf(combined, 'ContributionAgreed')).toBe(3);
    expect(currentVersionOf(combined, 'Unknown')).toBeUndefined();
    expect(() => combineCatalogues(CATALOGUE, { PartnerNamed: { currentVersion: 1 } })).toThrow(
      "event type 'PartnerNamed' is declared in two catalogues",
    );
  });

  it('refuses a missing, doubled or stray step, and a version below 1', () => {
    const step = (from: number): EventUpcaster => ({ from, upcast: (data) => data });
    expect(() => checkSchema('T', { currentVersion: 3, upcasters: [step(1)] })).toThrow(
      "event type 'T': no upcaster from version 2; need exactly one",
    );
    expect(() => checkSchema('T', { currentVersion: 2, upcasters: [step(1), step(1)] })).toThrow(
      "event type 'T': 2 upcasters from version 1; need exactly one",
    );
    expect(() => checkSchema('T', { currentVersion: 2, upcasters: [step(1), step(2)] })).toThrow(
      "event type 'T': an upcaster from version 2 is outside 1..1",
    );
    expect(() => checkSchema('T', { currentVersion: 0 })).toThrow(
      "event type 'T': currentVersion must be a whole number of 1 or more",
    );
    expect(() => combineCatalogues({ T: { currentVersion: 2 } })).toThrow(/no upcaster/);
    expect(() => checkSchema('T', { currentVersion: 2, upcasters: [step(1)] })).not.toThrow();
  });
});
