/**
 * Text hygiene for names, reasons and free text, the one rule the API and the CLI share: no control characters
 * (C0 and C1; a multi-line field allows line feed `\n` only, never CR or tab), no lone surrogates, no
 * bidirectional embeddings, overrides or isolates (U+202A-U+202E, U+2066-U+2069), and at least one visible
 * character (a letter, digit, punctuation mark or symbol). Text is stored in Unicode NFC.
 */

// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_EXCEPT_LINE_FEED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** Why `text` is not acceptable free text, or undefined when it is. */
export function textProblem(text: string, options: { multiline?: boolean } = {}): string | undefined {
  if ((options.multiline ? CONTROL_EXCEPT_LINE_FEED : CONTROL).test(text))
    return options.multiline
      ? 'must not contain control characters other than line feeds'
      : 'must not contain control characters or line breaks';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (no lone surrogates)';
  if (BIDI_CONTROL.test(text)) return 'must not contain bidirectional override or isolate characters';
  if (!VISIBLE.test(text)) return 'must contain at least one visible character';
  return undefined;
}

/** True for acceptable free text (see textProblem). */
export function isVisibleText(text: unknown, options: { multiline?: boolean } = {}): text is string {
  return typeof text === 'string' && textProblem(text, options) === undefined;
}

/** The stored form of free text: Unicode NFC, so `Cafe\u0301` and `Café` are one name. */
export function normaliseText(text: string): string {
  return text.normalize('NFC');
}
