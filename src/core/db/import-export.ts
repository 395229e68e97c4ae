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
import type { Claim, Link } from '../model/link';
import { ImportError, issueTotal, type ImportFormat, type ImportIssue, type ImportPlan, type ImportSkipped } from '../importers/types';
import type { EntityRow } from './database';
import { computeMerge, IMPORT_LOG_KEY, IMPORT_LOG_LIMIT, type Change, type ImportConflict } from './import-merge';
import { reindexRow, toRow, USER_ORIGIN, type Repository } from './repository';

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
    conflicts: p.conflicts.length,
    // The true number: a long run of one warning is listed as a few lines and a summary standing for the rest.
    warnings: issueTotal(p.warnings),
  };
}

async function preview(repo: Repository, plan: ImportPlan, now: Date): Promise<ImportPreview> {
  if (plan.errors.length) {
    return {
      newEntities: [],
      updatedEntities: [],
      conflicts: [],
      newLinks: [],
      updatedLinks: [],
      newClaims: [],
      updatedClaims: [],
      errors: plan.errors,
      warnings: plan.warnings,
      skipped: plan.skipped,
    };
  }
  const m = await computeMerge(repo.db, plan, now);
  return {
    newEntities: m.newEntities,
    updatedEntities: m.updatedEntities,
    conflicts: m.conflicts,
    newLinks: m.newLinks,
    updatedLinks: m.updatedLinks,
    newClaims: m.newClaims,
    updatedClaims: m.updatedClaims,
    errors: [],
    warnings: m.warnings,
    skipped: plan.skipped,
  };
}

/** What applying the plan would change. Never writes. */
export async function previewImport(repo: Repository, plan: ImportPlan, now = new Date()): Promise<ImportPreview> {
  const db = repo.db;
  // meta: the reader's removals (removals.ts) are read by the merge.
  return db.transaction('r', [db.entities, db.links, db.claims, db.meta], () => preview(repo, plan, now));
}

/**
 * Applies a plan in one read-write transaction. Throws the plan's first ImportError when it has any
 * (nothing is written). Bumps the data version when anything changed and appends to the import log.
 */
export async function applyImport(repo: Repository, plan: ImportPlan, now = new Date()): Promise<ApplyResult> {
  if (plan.errors.length) throw plan.errors[0]!;
  const db = repo.db;
  return db.transaction('rw', [db.entities, db.links, db.claims, db.meta], async () => {
    const p = await preview(repo, plan, now);
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
    const log = readLog((await db.meta.get(IMPORT_LOG_KEY))?.value);
    await db.meta.put({ key: IMPORT_LOG_KEY, value: [record, ...log].slice(0, IMPORT_LOG_LIMIT) });
    if (entityRows.length || links.length || claims.length) await repo.bumpDataVersion();
    return { record, preview: p, undo };
  });
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
  return db.transaction('rw', [db.entities, db.links, db.claims, db.meta], async () => {
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
    await db.links.bulkDelete(undo.added.links.filter((id) => !annotated.has(id)));
    await db.entities.bulkDelete(undo.added.entities.filter((id) => !neededEntities.has(id)));
    // Rows kept before an upgrade lack the word index: their derived keys are computed again.
    await db.entities.bulkPut(undo.previous.entities.map(reindexRow));
    // A link the import changed comes back as it was, with the override the reader has set on it since (or none).
    await db.links.bulkPut(
      undo.previous.links.map((l) => {
        const { override: _before, ...rest } = l;
        const now = overridden.get(l.id)?.override;
        return now ? { ...rest, override: now } : rest;
      }),
    );
    await db.claims.bulkPut(undo.previous.claims);
    const log = readLog((await db.meta.get(IMPORT_LOG_KEY))?.value);
    const rest = log.filter((r) => r.id !== undo.record.id);
    if (rest.length) await db.meta.put({ key: IMPORT_LOG_KEY, value: rest });
    else await db.meta.delete(IMPORT_LOG_KEY);
    await repo.bumpDataVersion();
    return {
      kept: {
        entities: undo.added.entities.filter((id) => neededEntities.has(id)),
        links: undo.added.links.filter((id) => annotated.has(id)),
        claims: [...keptClaims],
      },
    };
  });
}

/** The stored import log; anything else there (a damaged or hostile backup) reads as an empty log. */
function readLog(value: unknown): ImportRecord[] {
  return Array.isArray(value) ? (value as ImportRecord[]) : [];
}

/** Convenience for callers that hold an ImportError list: one readable line per problem. */
export function describeIssues(issues: readonly ImportIssue[]): string[] {
  return issues.map((i) => `${i.file}${i.path ? ` ${i.path}` : ''}${i.field ? ` [${i.field}]` : ''}: ${i instanceof ImportError ? i.reason : i.message}`);
}
