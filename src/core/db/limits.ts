import { RELATIONS } from '../model/link';
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
/**
 * Entity and claim ids as ActorLens writes them ("attack:G0007", "misp:<uuid>:<type>:<uuid>", "stix:note--<uuid>",
 * "user:<time>:<random>"). Our own STIX re-import reads ids up to this length.
 */
export const MAX_ID = 300;
/** A link id is "<from>~<relation>~<to>" (linkId in model/link.ts), both ends entity ids. */
export const MAX_LINK_ID = 2 * MAX_ID + 2 + Math.max(...RELATIONS.map((r) => r.length));
/**
 * Claim ids a backup may hold: more than MAX_ID because MISP imports used to write the relation type into the claim
 * id as it stood, however long. Databases holding such claims, and the backups already made of them, must restore.
 */
export const MAX_STORED_CLAIM_ID = MAX_TEXT;
