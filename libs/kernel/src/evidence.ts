/**
 * What a recorded fact rests on: citations (a document and the place in it, e.g. `000:302-359` for lines of
 * a seed document, or a minute's reference), or `assumed` with why where no source supports it. Every event
 * carries one in its metadata; views and exports show it beside the fact, and an assumed fact is never shown
 * as documented.
 */
export interface Evidence {
  /** Document and place, e.g. `004:1011-2424`; empty only where the fact is assumed. */
  citations: string[];
  /** Why the fact stands without a source (a stand-in, an intention read as done, a default); null when cited. */
  assumed: string | null;
}

/** The evidence of an event recorded without any: assumed, saying so. */
export const NO_EVIDENCE_GIVEN: Evidence = {
  citations: [],
  assumed: 'no source was cited when this was recorded',
};

export const EVIDENCE_LIMITS = { citationsMax: 20, citationLengthMax: 200, assumedLengthMax: 1000 } as const;

/** Why a value is not valid evidence (the field and the reason), or null when it is. */
export function evidenceProblem(value: unknown): { field: string; reason: string } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { field: 'evidence', reason: 'must be an object with citations and assumed' };
  const { citations, assumed } = value as Record<string, unknown>;
  if (!Array.isArray(citations) || citations.length > EVIDENCE_LIMITS.citationsMax)
    return {
      field: 'evidence.citations',
      reason: `must be a list of at most ${EVIDENCE_LIMITS.citationsMax} citations`,
    };
  const bad = citations.findIndex(
    (c) => typeof c !== 'string' || c.trim() === '' || c.length > EVIDENCE_LIMITS.citationLengthMax,
  );
  if (bad >= 0)
    return {
      field: `evidence.citations[${bad}]`,
      reason: `must be a document and place, 1 to ${EVIDENCE_LIMITS.citationLengthMax} characters`,
    };
  if (assumed !== null && (typeof assumed !== 'string' || assumed.trim() === ''))
    return { field: 'evidence.assumed', reason: 'must say why the fact is assumed, or be null' };
  if (typeof assumed === 'string' && assumed.length > EVIDENCE_LIMITS.assumedLengthMax)
    return {
      field: 'evidence.assumed',
      reason: `must be at most ${EVIDENCE_LIMITS.assumedLengthMax} characters`,
    };
  if (citations.length === 0 && assumed === null)
    return { field: 'evidence', reason: 'cite a source, or say why the fact is assumed' };
  return null;
}

/** An event's evidence, from its metadata; an event recorded before evidence was kept is assumed, saying so. */
export function evidenceOf(event: { metadata?: { readonly [key: string]: unknown } }): Evidence {
  const recorded = event.metadata?.['evidence'];
  if (recorded !== undefined && evidenceProblem(recorded) === null) {
    const { citations, assumed } = recorded as Evidence;
    return { citations: [...citations], assumed };
  }
  return { citations: [], assumed: 'recorded before the ledger kept evidence, or with none' };
}

export const isAssumed = (evidence: Evidence): boolean => evidence.assumed !== null;
