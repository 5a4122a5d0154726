/**
 * Ids are chosen by the caller so that a retry names the same thing: lower-case words joined by hyphens,
 * at most `TEXT_LIMITS.idLengthMax` characters.
 */
export const ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
