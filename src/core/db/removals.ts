/**
 * What the reader took away, and when: their claims deleted and the overrides they cleared. Without it, importing an
 * export made before the removal (our own STIX export, re-imported here or brought from another browser) put the
 * claim or the override back, as nothing told "deleted since" from "never had".
 *
 * Kept in the meta table (one row, REMOVALS_KEY) rather than a table of its own: it needs no schema upgrade, and a
 * backup, which holds every meta row, carries it to the browser it is restored in. Stored as lists of { id, at }, not
 * as objects keyed by id: an id is any text a file gave, and one such as "__proto__" as a key would make every later
 * backup refused on restore (sanitize.ts checkTree).
 *
 * The merge (import-merge.ts) compares times: a removal stands against a copy in a file last changed before it, and
 * gives way to one changed after it (the claim edited in another browser since), as an edit would.
 */
import type { ActorLensDb } from './database';

export const REMOVALS_KEY = 'removals';

export type RemovalKind = 'claims' | 'overrides';

/** claims: claim id → when the reader deleted it; overrides: link id → when they cleared its override (ISO times). */
export type Removals = Record<RemovalKind, Map<string, string>> & {
  /**
   * What a STIX export needs to name a deleted claim as the note it was exported as (stix-export.ts): the link it was
   * on and when it was made. Kept for removals recorded since this was added; older ones have none.
   */
  details: Map<string, RemovalDetails>;
};

export interface RemovalDetails {
  link?: string;
  created?: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/u;

/** A stored list of { id, at }; entries of any other shape (a damaged or hostile backup) are left out. */
function entries(value: unknown, details?: Map<string, RemovalDetails>): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(value)) return out;
  for (const item of value as unknown[]) {
    if (!item || typeof item !== 'object') continue;
    const { id, at, link, created } = item as { id?: unknown; at?: unknown; link?: unknown; created?: unknown };
    if (typeof id !== 'string' || typeof at !== 'string' || !TIMESTAMP.test(at)) continue;
    out.set(id, at);
    const d: RemovalDetails = {
      ...(typeof link === 'string' ? { link } : {}),
      ...(typeof created === 'string' && TIMESTAMP.test(created) ? { created } : {}),
    };
    if (details && (d.link || d.created)) details.set(id, d);
  }
  return out;
}

/** The stored removals, read defensively (a backup may hold anything under this key). */
export function readRemovals(value: unknown): Removals {
  const v = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const details = new Map<string, RemovalDetails>();
  return { claims: entries(v.claims, details), overrides: entries(v.overrides), details };
}

/** The stored form of the removals (a row of the meta table). */
export function storedRemovals(r: Removals): { claims: object[]; overrides: object[] } {
  return {
    claims: [...r.claims].map(([id, at]) => ({ id, at, ...r.details.get(id) })),
    overrides: [...r.overrides].map(([id, at]) => ({ id, at })),
  };
}

/** Call inside a read-write transaction that includes db.meta. */
async function update(db: ActorLensDb, change: (r: Removals) => boolean): Promise<void> {
  const removals = readRemovals((await db.meta.get(REMOVALS_KEY))?.value);
  if (!change(removals)) return;
  await db.meta.put({ key: REMOVALS_KEY, value: storedRemovals(removals) });
}

export function recordRemoval(db: ActorLensDb, kind: RemovalKind, id: string, at: string, details?: RemovalDetails): Promise<void> {
  return update(db, (r) => {
    r[kind].set(id, at);
    if (details) r.details.set(id, details);
    return true;
  });
}

/** The claim or override is back (undo, set again): a removal no longer stands against it. */
export function forgetRemoval(db: ActorLensDb, kind: RemovalKind, id: string): Promise<void> {
  return forgetRemovals(db, kind, [id]);
}

/** forgetRemoval for many, with one read and one write of the row. */
export function forgetRemovals(db: ActorLensDb, kind: RemovalKind, ids: readonly string[]): Promise<void> {
  return update(db, (r) => {
    let changed = false;
    for (const id of ids) {
      if (kind === 'claims') r.details.delete(id);
      changed = r[kind].delete(id) || changed;
    }
    return changed;
  });
}

/**
 * When the removal recorded for `id` stands against a file's copy last changed at `changedAt`: the removal's time
 * when it is no older than the copy, else undefined (the copy was changed since, elsewhere: it comes back).
 */
export function removedSince(removed: Map<string, string>, id: string, changedAt: string | undefined): string | undefined {
  const at = removed.get(id);
  if (at === undefined) return undefined;
  // A copy with no readable time is taken as older: the removal is what the reader did last here.
  const t = changedAt ? Date.parse(changedAt) : NaN;
  return !Number.isFinite(t) || Date.parse(at) >= t ? at : undefined;
}
