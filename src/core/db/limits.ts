/**
 * The longest values the knowledge base keeps. A backup is checked against them on restore (backup.ts), so the
 * repository applies the same ones when the reader writes (repository.ts): whatever the app stores, a backup of it
 * restores.
 */
/** Titles, quoted passages, descriptions, override reasons. */
export const MAX_TEXT = 20_000;
/** Publisher, author, date, "based on". */
export const MAX_FIELD = 4_000;
/** Page and source addresses: search, tracking and document-library addresses run to thousands of characters. */
export const MAX_URL = 100_000;
