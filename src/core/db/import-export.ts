/**
 * Import, export, backup and reset of the ActorLens database.
 *
 * - previewImport(repo, plan): what an import would change, without writing.
 * - applyImport(repo, plan): writes everything in ONE transaction (entities, links, claims, meta): a failure
 *   leaves the database exactly as before. A plan with any error is refused whole (throws its first
 *   ImportError). Returns an undo record; undoImport(repo, record) restores the rows it overwrote.
 * - exportStix / exportBackup / restoreBackup / resetToBundled: see stix-export.ts and backup.ts.
 */
import type { Entity } from '../model/entity';
import { canonicalLinkIdOf, type Claim, type Link } from '../model/link';
import { ImportError, issueTotal, type ImportFormat, type ImportIssue, type ImportPlan, type ImportSkipped } from '../importers/types';
import type { EntityRow } from './database';
import type { RemovalsResult } from './import-removals';
import { readRemovals, REMOVALS_KEY, storedRemovals } from './removals';
import { computeMerge, IMPORT_LOG_KEY, IMPORT_LOG_LIMIT, type Change, type ImportConflict } from './import-merge';
import { reindexRow, toRow, USER_ORIGIN, type Repository } from './repository';
import { forgetDeletedByImport, keepDeleted } from './deleted-claims';
import { mergeReversedLinks } from './symmetric-links';

export { exportStix, type ExportScope, type StixBundle, type StixObject } from './stix-export';
export { exportBackup, restoreBackup, resetToBundled, BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup';
export type { ImportConflict, Change, ConflictKind } from './import-merge';

export { IMPORT_LOG_KEY, IMPORT_LOG_LIMIT };

export interface ImportPreview {
  newEntities: Entity[];
  updatedEntities: Change<Entity>[];
  conflicts: ImportConflict[];
  newLinks: Link[];
  updatedLinks: Change<Link>[];
  newClaims: Claim[];
  updatedClaims: Change<Claim>[];
  /** The reader's claims our own export says were deleted where it was made (and the links only they had made). */
  removedClaims: Claim[];
  removedLinks: Link[];
  errors: ImportError[];
  warnings: ImportIssue[];
  skipped: ImportSkipped;
}

export interface ImportCounts {
  newEntities: number;
  updatedEntities: number;
  newLinks: number;
  updatedLinks: number;
  newClaims: number;
  updatedClaims: number;
  /** Absent in records written before removals travelled in exports. */
  removedClaims?: number;
  conflicts: number;
  warnings: number;
}

/** One line of the import log (meta "imports"). */
export interface ImportRecord {
  id: string;
  fileName: string;
  format: ImportFormat;
  feed: string;
  at: string;
  counts: ImportCounts;
  skipped: ImportSkipped;
}

/** Everything needed to take an import back. */
export interface ImportUndo {
  record: ImportRecord;
  added: { entities: string[]; links: string[]; claims: string[] };
  previous: { entities: EntityRow[]; links: Link[]; claims: Claim[] };
  /**
   * What the import removed (import-removals.ts), to put back: claims and links deleted, links whose override it
   * cleared, and the removals it remembered, each with the time held before (null: none). Absent in older records.
   */
  removed?: {
    claims: Claim[];
    links: Link[];
    clearedOverrides: string[];
    removals: { claims: [string, string | null][]; overrides: [string, string | null][] };
  };
}

export interface ApplyResult {
  record: ImportRecord;
  preview: ImportPreview;
  undo: ImportUndo;
}

function countsOf(p: ImportPreview): ImportCounts {
  return {
    newEntities: p.newEntities.length,
    updatedEntities: p.updatedEntities.length,
    newLinks: p.newLinks.length,
    updatedLinks: p.updatedLinks.length,
    newClaims: p.newClaims.length,
    updatedClaims: p.updatedClaims.length,
    removedClaims: p.removedClaims.length,
    conflicts: p.conflicts.length,
    // The true number: a long run of one warning is listed as a few lines and a summary standing for the rest.
    warnings: issueTotal(p.warnings),
  };
}

async function preview(repo: Repository, plan: ImportPlan, now: Date): Promise<{ preview: ImportPreview; remember?: RemovalsResult['remember'] }> {
  if (plan.errors.length) {
    const failed: ImportPreview = {
      newEntities: [],
      updatedEntities: [],
      conflicts: [],
      newLinks: [],
      updatedLinks: [],
      newClaims: [],
      updatedClaims: [],
      removedClaims: [],
      removedLinks: [],
      errors: plan.errors,
      warnings: plan.warnings,
      skipped: plan.skipped,
    };
    return { preview: failed };
  }
  const m = await computeMerge(repo.db, plan, now);
  const result: ImportPreview = {
    newEntities: m.newEntities,
    updatedEntities: m.updatedEntities,
    conflicts: m.conflicts,
    newLinks: m.newLinks,
    updatedLinks: m.updatedLinks,
    newClaims: m.newClaims,
    updatedClaims: m.updatedClaims,
    removedClaims: m.removed.removedClaims,
    removedLinks: m.removed.removedLinks,
    errors: [],
    warnings: m.warnings,
    skipped: plan.skipped,
  };
  // Kept off the preview, which crosses to the page: only applyImport writes them.
  return { preview: result, remember: m.removed.remember };
}

/** What applying the plan would change. Never writes. */
export async function previewImport(repo: Repository, plan: ImportPlan, now = new Date()): Promise<ImportPreview> {
  const db = repo.db;
  // meta: the reader's removals (removals.ts) are read by the merge.
  return db.transaction('r', [db.entities, db.links, db.claims, db.meta], async () => (await preview(repo, plan, now)).preview);
}

/**
 * Applies a plan in one read-write transaction. Throws the plan's first ImportError when it has any
 * (nothing is written). Bumps the data version when anything changed and appends to the import log.
 */
export async function applyImport(repo: Repository, plan: ImportPlan, now = new Date()): Promise<ApplyResult> {
  if (plan.errors.length) throw plan.errors[0]!;
  const db = repo.db;
  return db.transaction('rw', [db.entities, db.links, db.claims, db.meta, db.deleted], async () => {
    const { preview: p, remember } = await preview(repo, plan, now);
    const entityRows = [...p.newEntities, ...p.updatedEntities.map((c) => c.after)];
    const oldEntities = await db.entities.bulkGet(p.updatedEntities.map((c) => c.before.id));
    const record: ImportRecord = {
      id: `import:${now.getTime().toString(36)}:${Math.random().toString(36).slice(2, 8)}`,
      fileName: plan.fileName,
      format: plan.format,
      feed: plan.feed,
      at: now.toISOString(),
      counts: countsOf(p),
      skipped: { ...plan.skipped },
    };
    const undo: ImportUndo = {
      record,
      added: { entities: p.newEntities.map((e) => e.id), links: p.newLinks.map((l) => l.id), claims: p.newClaims.map((c) => c.id) },
      previous: {
        entities: oldEntities.filter((r): r is EntityRow => !!r),
        links: p.updatedLinks.map((c) => c.before),
        claims: p.updatedClaims.map((c) => c.before),
      },
    };
    if (entityRows.length) await db.entities.bulkPut(entityRows.map(toRow));
    const links = [...p.newLinks, ...p.updatedLinks.map((c) => c.after)];
    if (links.length) await db.links.bulkPut(links);
    const claims = [...p.newClaims, ...p.updatedClaims.map((c) => c.after)];
    if (claims.length) await db.claims.bulkPut(claims);
    if (p.removedClaims.length) {
      // A file can name any claim id: what it removes stays restorable after this import's undo is gone.
      await keepDeleted(db, p.removedClaims, record.at, 'import', { file: plan.fileName, importId: record.id });
      await db.claims.bulkDelete(p.removedClaims.map((c) => c.id));
    }
    if (p.removedLinks.length) await db.links.bulkDelete(p.removedLinks.map((l) => l.id));
    if (remember && (remember.claims.size || remember.overrides.size)) undo.removed = { ...removedOf(p), removals: await rememberRemovals(repo, remember) };
    else if (p.removedClaims.length || p.removedLinks.length) undo.removed = { ...removedOf(p), removals: { claims: [], overrides: [] } };
    const log = readLog((await db.meta.get(IMPORT_LOG_KEY))?.value);
    await db.meta.put({ key: IMPORT_LOG_KEY, value: [record, ...log].slice(0, IMPORT_LOG_LIMIT) });
    if (entityRows.length || links.length || claims.length || p.removedClaims.length) await repo.bumpDataVersion();
    return { record, preview: p, undo };
  });
}

function removedOf(p: ImportPreview): Omit<NonNullable<ImportUndo['removed']>, 'removals'> {
  return {
    claims: p.removedClaims,
    links: p.removedLinks,
    clearedOverrides: p.updatedLinks.filter((c) => c.before.override && !c.after.override).map((c) => c.before.id),
  };
}

/** Writes the removals an import brings; returns what each entry held before, for undo. */
async function rememberRemovals(repo: Repository, remember: RemovalsResult['remember']): Promise<NonNullable<ImportUndo['removed']>['removals']> {
  const stored = readRemovals((await repo.db.meta.get(REMOVALS_KEY))?.value);
  const before = {
    claims: [...remember.claims.keys()].map((id): [string, string | null] => [id, stored.claims.get(id) ?? null]),
    overrides: [...remember.overrides.keys()].map((id): [string, string | null] => [id, stored.overrides.get(id) ?? null]),
  };
  for (const [id, at] of remember.claims) stored.claims.set(id, at);
  for (const [id, at] of remember.overrides) stored.overrides.set(id, at);
  await repo.db.meta.put({ key: REMOVALS_KEY, value: storedRemovals(stored) });
  return before;
}

/** The import log, newest first. */
export async function importLog(repo: Repository): Promise<ImportRecord[]> {
  return readLog((await repo.db.meta.get(IMPORT_LOG_KEY))?.value);
}

/** What an undone import had added and is kept, because the reader's work since the import needs it. */
export interface UndoResult {
  kept: { entities: string[]; links: string[]; claims: string[] };
}

/**
 * Takes an import back in one transaction: deletes what it added, restores what it overwrote, removes its
 * log line and bumps the data version. Links (and their ends) that received a user claim since the
 * import are kept, so no annotation is orphaned; so are the reader's own claims the import brought back (their
 * export re-imported) that they have edited since. The result lists what the import added and stays.
 */
export async function undoImport(repo: Repository, undo: ImportUndo): Promise<UndoResult> {
  const db = repo.db;
  return db.transaction('rw', [db.entities, db.links, db.claims, db.meta, db.deleted], async () => {
    // An edit stamps `updated` with its time; a claim the import brought back carries the time of its last edit
    // before the export. One edited at the import's time or later is work done since, not the import's to take back.
    const edited = (await db.claims.bulkGet(undo.added.claims)).filter(
      (c): c is Claim => !!c && c.origin === USER_ORIGIN && c.updated !== undefined && c.updated >= undo.record.at,
    );
    const keptClaims = new Set(edited.map((c) => c.id));
    const addedClaims = new Set(undo.added.claims.filter((id) => !keptClaims.has(id)));
    // The reader's work since the import: links they recorded a claim on or overrode, wherever those links came from.
    // Each stays with both its ends, even where the import brought the link or an end.
    const userLinks = new Set(
      (await db.claims.where('origin').equals(USER_ORIGIN).toArray()).filter((c) => !addedClaims.has(c.id)).map((c) => c.linkId),
    );
    const overridden = new Map((await db.links.filter((l) => !!l.override).toArray()).map((l) => [l.id, l]));
    const annotated = new Set([...userLinks, ...overridden.keys()]);
    const keptLinks = (await db.links.bulkGet([...annotated])).filter((l): l is Link => !!l);
    const neededEntities = new Set(keptLinks.flatMap((l) => [l.from, l.to]));
    await db.claims.bulkDelete([...addedClaims]);
    const addedLinks = await addedLinksToDelete(db, undo.added.links);
    await db.links.bulkDelete(addedLinks.filter((id) => !annotated.has(id)));
    await db.entities.bulkDelete(undo.added.entities.filter((id) => !neededEntities.has(id)));
    // Rows kept before an upgrade lack the word index: their derived keys are computed again.
    await db.entities.bulkPut(undo.previous.entities.map(reindexRow));
    // A link the import changed comes back as it was, with the override the reader has set on it since (or none), or,
    // where the import cleared its override and none was set since, with that one.
    const cleared = new Set(undo.removed?.clearedOverrides ?? []);
    await db.links.bulkPut(
      undo.previous.links.map((l) => {
        const { override: before, ...rest } = l;
        const now = overridden.get(l.id)?.override ?? (cleared.has(l.id) ? before : undefined);
        return now ? { ...rest, override: now } : rest;
      }),
    );
    await db.claims.bulkPut(undo.previous.claims);
    if (undo.removed) {
      await putBackRemoved(repo, undo.removed);
      await forgetDeletedByImport(db, undo.record.id, undo.removed.claims.map((c) => c.id));
    }
    // An undo record kept from before symmetric links were stored once may put one back the other way round.
    await mergeReversedLinks(db);
    const log = readLog((await db.meta.get(IMPORT_LOG_KEY))?.value);
    const rest = log.filter((r) => r.id !== undo.record.id);
    if (rest.length) await db.meta.put({ key: IMPORT_LOG_KEY, value: rest });
    else await db.meta.delete(IMPORT_LOG_KEY);
    await repo.bumpDataVersion();
    return {
      kept: {
        entities: undo.added.entities.filter((id) => neededEntities.has(id)),
        links: undo.added.links.map(canonicalLinkIdOf).filter((id) => annotated.has(id)),
        claims: [...keptClaims],
      },
    };
  });
}

/**
 * The links an undone import added, by their stored ids. A record kept from before symmetric links were stored once
 * may name one the other way round; the stored row may then also hold a statement made before the import (schema v6
 * merged the two), so it goes only when none of its claims is left once the import's are deleted.
 */
async function addedLinksToDelete(db: Repository['db'], added: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const id of added) {
    const stored = canonicalLinkIdOf(id);
    if (stored === id || (await db.claims.where('linkId').equals(stored).count()) === 0) ids.push(stored);
  }
  return ids;
}

/**
 * What an import removed comes back: its claims and links (unless there again by now), and the removals it remembered
 * are set back to what they were. (The overrides it cleared come back with the links it changed, in undoImport.)
 */
async function putBackRemoved(repo: Repository, removed: NonNullable<ImportUndo['removed']>): Promise<void> {
  const db = repo.db;
  const presentLinks = new Set((await db.links.bulkGet(removed.links.map((l) => l.id))).flatMap((l) => (l ? [l.id] : [])));
  await db.links.bulkPut(removed.links.filter((l) => !presentLinks.has(l.id)));
  const presentClaims = new Set((await db.claims.bulkGet(removed.claims.map((c) => c.id))).flatMap((c) => (c ? [c.id] : [])));
  await db.claims.bulkPut(removed.claims.filter((c) => !presentClaims.has(c.id)));
  const stored = readRemovals((await db.meta.get(REMOVALS_KEY))?.value);
  const putBack = (map: Map<string, string>, entries: [string, string | null][]) => {
    for (const [id, at] of entries) {
      if (at === null) map.delete(id);
      else map.set(id, at);
    }
  };
  putBack(stored.claims, removed.removals.claims);
  putBack(stored.overrides, removed.removals.overrides);
  // No removal left: no row, as before the import brought the first.
  if (stored.claims.size || stored.overrides.size) await db.meta.put({ key: REMOVALS_KEY, value: storedRemovals(stored) });
  else await db.meta.delete(REMOVALS_KEY);
}

/**
 * The stored import log's whole records; anything else there reads as an empty log. The log comes back from backups,
 * which may have been handed over: a record without its name, time or counts would break every page that lists the
 * log, so it is left out.
 */
function readLog(value: unknown): ImportRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** The counts the log is shown with (records from older versions may lack the others). */
const COUNTED: readonly (keyof ImportCounts)[] = ['newEntities', 'updatedEntities', 'newLinks'];

function isRecord(r: unknown): r is ImportRecord {
  if (typeof r !== 'object' || r === null) return false;
  const { id, fileName, format, feed, at, counts } = r as Partial<Record<keyof ImportRecord, unknown>>;
  if (typeof id !== 'string' || typeof fileName !== 'string' || typeof format !== 'string' || typeof feed !== 'string') return false;
  if (typeof at !== 'string' || !Number.isFinite(Date.parse(at))) return false;
  return typeof counts === 'object' && counts !== null && COUNTED.every((k) => typeof (counts as Record<string, unknown>)[k] === 'number');
}

/** Convenience for callers that hold an ImportError list: one readable line per problem. */
export function describeIssues(issues: readonly ImportIssue[]): string[] {
  return issues.map((i) => `${i.file}${i.path ? ` ${i.path}` : ''}${i.field ? ` [${i.field}]` : ''}: ${i instanceof ImportError ? i.reason : i.message}`);
}
