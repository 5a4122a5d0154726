import { NO_EVIDENCE_GIVEN, evidenceOf, evidenceProblem, isAssumed } from './evidence';
import { eventSeenFrom, seenFrom } from './viewpoint';

describe('evidence', () => {
  it('accepts citations, or an assumption with why, and refuses neither', () => {
    expect(evidenceProblem({ citations: ['000:302-359'], assumed: null })).toBeNull();
    expect(evidenceProblem({ citations: [], assumed: 'the seeds do not name the host' })).toBeNull();
    expect(evidenceProblem({ citations: [], assumed: null })).toEqual({
      field: 'evidence',
      reason: 'cite a source, or say why the fact is assumed',
    });
    expect(evidenceProblem({ citations: [''], assumed: null })?.field).toBe('evidence.citations[0]');
    expect(evidenceProblem({ citations: ['x'], assumed: ' ' })?.field).toBe('evidence.assumed');
  });

  it('reads an event without evidence as assumed, never as documented', () => {
    expect(isAssumed(evidenceOf({}))).toBe(true);
    expect(isAssumed(evidenceOf({ metadata: { evidence: NO_EVIDENCE_GIVEN } }))).toBe(true);
    expect(evidenceOf({ metadata: { evidence: { citations: ['004:671'], assumed: null } } })).toEqual({
      citations: ['004:671'],
      assumed: null,
    });
  });
});

describe('viewpoint', () => {
  const fact = { effectiveOn: '2017-09-11', recordedAt: '2026-11-30T01:00:00.000Z' };
  it('sees a fact from its effective date and its recorded instant on, at the boundaries', () => {
    expect(seenFrom({ asAt: '2017-09-11' }, fact)).toBe(true);
    expect(seenFrom({ asAt: '2017-09-10' }, fact)).toBe(false);
    expect(seenFrom({ knownAt: '2026-11-30T01:00:00.000Z' }, fact)).toBe(true);
    expect(seenFrom({ knownAt: '2026-11-30T00:59:59.999Z' }, fact)).toBe(false);
    expect(seenFrom({}, fact)).toBe(true);
  });

  it('sees a fact with no effective date of its own from any date, once recorded', () => {
    const timeless = { recordedAt: '2026-01-01T00:00:00Z', metadata: {} };
    expect(eventSeenFrom({ asAt: '1990-04-01' }, timeless)).toBe(true);
    expect(eventSeenFrom({ knownAt: '2025-12-31T23:59:59Z' }, timeless)).toBe(false);
    expect(
      eventSeenFrom({ asAt: '2017-09-10' }, { ...timeless, metadata: { validTime: '2017-09-11' } }),
    ).toBe(false);
  });
});
