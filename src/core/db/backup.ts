/**
 * Full backup / restore of the knowledge base (entities, links, claims, meta, the reader's recently deleted claims),
 * and reset to the bundled data. Neither a restore nor a reset loses a claim of the reader's: one they would take away
 * goes to Recently deleted (deleted-claims.ts).
 * The opt-in page history (sightings) is private browsing data: it is neither in backups nor touched by
 * restore or reset.
 *
 * restoreBackup validates everything first (same plain-text rules as imports, closed vocabularies, every
 * reference resolvable, no __proto__/constructor/prototype keys) and then replaces all rows in one
 * transaction. Properties the validator does not know (fields added to the model later) are kept as plain
 * JSON, so a backup round-trips without loss.
 */
import type { Dataset } from '../data/index';
import { isForeignScheme } from '../model/address';
import { ENTITY_KINDS, type Entity } from '../model/entity';
import { LINK_STATUSES, RELATIONS, RELIABILITIES, type Claim, type Link } from '../model/link';
import { checkTree, cleanName, isObject, own, parseJsonText, preview, type Json, type JsonObject } from '../importers/sanitize';
import { ImportError } from '../importers/types';
import type { MetaRow } from './database';
import { IMPORT_LOG_KEY } from './import-merge';
import { fromRow, reindexRow, toRow, USER_ORIGIN, type Repository } from './repository';
import { DELETED_BY, keepDeleted, type DeletedClaimRow } from './deleted-claims';
import { mergeReversedLinks } from './symmetric-links';
import { MAX_FIELD, MAX_ID, MAX_LINK_ID, MAX_STORED_CLAIM_ID, MAX_TEXT, MAX_URL } from './limits';

export const BACKUP_FORMAT = 'actorlens-backup';
/**
 * 2: adds `deleted` (Recently deleted). A version-1 backup, which has none, still restores. A version-2 backup is
 * refused by a release that knows only 1, rather than restored there without the claims it keeps deleted.
 */
export const BACKUP_VERSION = 2;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/u;

/** A validated row as a plain deep copy (checkTree has already rejected dangerous keys). */
function clone<T>(o: JsonObject): T {
  return JSON.parse(JSON.stringify(o)) as T;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  entities: Entity[];
  links: Link[];
  claims: Claim[];
  meta: MetaRow[];
  /** Absent in version 1. */
  deleted?: DeletedClaimRow[];
}

export async function exportBackup(repo: Repository, now = new Date()): Promise<Backup> {
  const db = repo.db;
  return db.transaction('r', [db.entities, db.links, db.claims, db.meta, db.deleted], async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    entities: (await db.entities.toArray()).map(fromRow),
    links: await db.links.toArray(),
    claims: await db.claims.toArray(),
    meta: await db.meta.toArray(),
    deleted: await db.deleted.toArray(),
  }));
}

/** Validates a parsed backup (or its JSON text). Never throws; returns the clean backup or the errors. */
export function validateBackup(input: unknown, file = 'backup'): { backup?: Backup; errors: ImportError[] } {
  let json: unknown = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input, file);
    if (parsed.value === undefined) return { errors: parsed.errors };
    json = parsed.value;
  }
  const errors: ImportError[] = [];
  const fail = (path: string, field: string, message: string) => {
    errors.push(new ImportError({ file, path, field, message }));
  };
  if (!isObject(json) || own(json, 'format') !== BACKUP_FORMAT) {
    fail('', 'format', `Not an ActorLens backup (expected "format": "${BACKUP_FORMAT}").`);
    return { errors };
  }
  const treeErrors = checkTree(json, file);
  if (treeErrors.length) return { errors: treeErrors };
  const version = own(json, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    fail('', 'version', 'Missing or invalid backup version.');
    return { errors };
  }
  if (version > BACKUP_VERSION) {
    fail('', 'version', `This backup was made by a newer ActorLens (format version ${version}); update the extension first.`);
    return { errors };
  }
  const list = (field: string): JsonObject[] => {
    const v = own(json as JsonObject, field);
    if (!Array.isArray(v)) {
      fail(field, field, `"${field}" must be a list.`);
      return [];
    }
    return v.filter((item, i) => {
      if (!isObject(item)) fail(`${field}[${i}]`, '', 'Each item must be an object.');
      return isObject(item);
    }) as JsonObject[];
  };

  const str = (o: JsonObject, key: string, path: string, opts: { optional?: boolean; name?: boolean; max?: number } = {}): string | undefined => {
    const v = own(o, key);
    if (v === undefined && opts.optional) return undefined;
    if (typeof v !== 'string' || (!opts.optional && !v)) {
      fail(path, key, `"${key}" must be ${opts.optional ? 'a string' : 'a non-empty string'}.`);
      return undefined;
    }
    if (opts.name) {
      // A backup holds names as they were stored, some perhaps before garbled names were refused: kept, so it restores.
      const checked = cleanName(v, { file, path, field: key, keepGarbled: true });
      if (checked instanceof ImportError) {
        errors.push(checked);
        return undefined;
      }
    } else if (v.length > (opts.max ?? MAX_TEXT)) {
      fail(path, key, `"${key}" is longer than ${opts.max ?? MAX_TEXT} characters.`);
      return undefined;
    }
    return v;
  };
  // The popup makes a source's address a link: one that would run script or show the file's own content is refused.
  const address = (v: string | undefined, path: string, key: string) => {
    if (v !== undefined && isForeignScheme(v)) fail(path, key, `"${key}" must be an http(s) or file: address, got ${preview(v, 40)}.`);
  };
  const strList = (o: JsonObject, key: string, path: string): string[] | undefined => {
    const v = own(o, key);
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.length > 500)) {
      fail(path, key, `"${key}" must be a list of strings.`);
      return undefined;
    }
    return [...(v as string[])];
  };
  const confidence = (o: JsonObject, key: string, path: string): number | undefined => {
    const v = own(o, key);
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100) {
      fail(path, key, `"${key}" must be an integer from 0 to 100.`);
      return undefined;
    }
    return v;
  };

  /** Whether `o` is a valid entity row (errors recorded otherwise). */
  const entityOk = (o: JsonObject, path: string): boolean => {
    const n = errors.length;
    const id = str(o, 'id', path, { max: MAX_ID });
    const kind = own(o, 'kind');
    if (typeof kind !== 'string' || !(ENTITY_KINDS as readonly string[]).includes(kind)) fail(path, 'kind', `"kind" must be one of ${ENTITY_KINDS.join(', ')}.`);
    const name = str(o, 'name', path, { name: true });
    const rawAliases = own(o, 'aliases');
    if (!Array.isArray(rawAliases)) fail(path, 'aliases', '"aliases" must be a list.');
    else
      rawAliases.forEach((a, j) => {
        const apath = `${path}.aliases[${j}]`;
        if (!isObject(a)) return fail(apath, '', 'An alias must be an object.');
        str(a, 'name', apath, { name: true });
        str(a, 'usedBy', apath, { optional: true, max: 300 });
        const amb = own(a, 'ambiguous');
        if (amb !== undefined && typeof amb !== 'boolean') fail(apath, 'ambiguous', '"ambiguous" must be true or false.');
      });
    const provenance = strList(o, 'provenance', path);
    if (!provenance) fail(path, 'provenance', '"provenance" must be a list of strings.');
    const ext = own(o, 'externalIds');
    if (ext !== undefined) {
      if (!isObject(ext)) fail(path, 'externalIds', '"externalIds" must be an object.');
      else for (const ns of ['attack', 'misp', 'stix'] as const) strList(ext, ns, `${path}.externalIds`);
    }
    for (const key of ['country', 'motivation', 'firstSeen', 'lastSeen', 'description'] as const) str(o, key, path, { optional: true });
    return errors.length === n && id !== undefined && name !== undefined && !!provenance;
  };
  const entities: Entity[] = [];
  const entityIds = new Set<string>();
  list('entities').forEach((o, i) => {
    const path = `entities[${i}]`;
    if (!entityOk(o, path)) return;
    const id = o.id as string;
    if (entityIds.has(id)) return fail(path, 'id', `Duplicate entity id ${JSON.stringify(id.slice(0, 80))}.`);
    entityIds.add(id);
    entities.push(clone<Entity>(o));
  });

  /** Whether `o` is a valid link between two of `ends` (errors recorded otherwise). */
  const linkOk = (o: JsonObject, path: string, ends: ReadonlySet<string>): boolean => {
    const n = errors.length;
    const id = str(o, 'id', path, { max: MAX_LINK_ID });
    const from = str(o, 'from', path, { max: MAX_ID });
    const to = str(o, 'to', path, { max: MAX_ID });
    const relation = own(o, 'relation');
    const status = own(o, 'status');
    if (typeof relation !== 'string' || !(RELATIONS as readonly string[]).includes(relation)) fail(path, 'relation', `Unknown relation ${JSON.stringify(relation)}.`);
    if (typeof status !== 'string' || !(LINK_STATUSES as readonly string[]).includes(status)) fail(path, 'status', `Unknown status ${JSON.stringify(status)}.`);
    if (from !== undefined && !ends.has(from)) fail(path, 'from', `Link end ${JSON.stringify(from.slice(0, 80))} is not an entity of the backup.`);
    if (to !== undefined && !ends.has(to)) fail(path, 'to', `Link end ${JSON.stringify(to.slice(0, 80))} is not an entity of the backup.`);
    str(o, 'note', path, { optional: true });
    const provenance = strList(o, 'provenance', path);
    if (!provenance) fail(path, 'provenance', '"provenance" must be a list of strings.');
    const ov = own(o, 'override');
    if (ov !== undefined) {
      if (!isObject(ov)) fail(path, 'override', '"override" must be an object.');
      else {
        if (confidence(ov, 'confidence', `${path}.override`) === undefined) fail(`${path}.override`, 'confidence', 'An override needs a confidence.');
        str(ov, 'reason', `${path}.override`, { optional: true });
        str(ov, 'at', `${path}.override`, { max: 40 });
      }
    }
    return errors.length === n && !!id && !!from && !!to && !!provenance;
  };
  const links: Link[] = [];
  const linkIds = new Set<string>();
  list('links').forEach((o, i) => {
    const path = `links[${i}]`;
    if (!linkOk(o, path, entityIds)) return;
    const id = o.id as string;
    if (linkIds.has(id)) return fail(path, 'id', 'Duplicate link id.');
    linkIds.add(id);
    links.push(clone<Link>(o));
  });

  /** Whether `o` is a valid claim on one of `links` (errors recorded otherwise). */
  const claimOk = (o: JsonObject, path: string, links: ReadonlySet<string>): boolean => {
    const n = errors.length;
    const id = str(o, 'id', path, { max: MAX_STORED_CLAIM_ID });
    const linkId = str(o, 'linkId', path, { max: MAX_LINK_ID });
    if (linkId !== undefined && !links.has(linkId)) fail(path, 'linkId', 'The claim points to no link of the backup.');
    const stance = own(o, 'stance');
    if (stance !== 'supports' && stance !== 'refutes') fail(path, 'stance', '"stance" must be "supports" or "refutes".');
    confidence(o, 'confidence', path);
    const origin = str(o, 'origin', path, { max: 300 });
    const created = str(o, 'created', path, { max: 40 });
    str(o, 'updated', path, { optional: true, max: 40 });
    address(str(o, 'pageUrl', path, { optional: true, max: MAX_URL }), path, 'pageUrl');
    const s = own(o, 'source');
    if (!isObject(s)) fail(path, 'source', '"source" must be an object.');
    else {
      const spath = `${path}.source`;
      str(s, 'title', spath);
      const rel = own(s, 'reliability');
      if (rel !== undefined && (typeof rel !== 'string' || !(RELIABILITIES as readonly string[]).includes(rel))) fail(spath, 'reliability', 'Reliability must be A–F.');
      for (const key of ['publisher', 'author', 'date', 'basedOn'] as const) str(s, key, spath, { optional: true, max: MAX_FIELD });
      address(str(s, 'url', spath, { optional: true, max: MAX_URL }), spath, 'url');
    }
    const q = own(o, 'quote');
    if (q !== undefined) {
      if (!isObject(q) || own(q, 'type') !== 'TextQuoteSelector') fail(path, 'quote', '"quote" must be a TextQuoteSelector.');
      else {
        str(q, 'exact', `${path}.quote`);
        str(q, 'prefix', `${path}.quote`, { optional: true });
        str(q, 'suffix', `${path}.quote`, { optional: true });
      }
    }
    return errors.length === n && !!id && !!linkId && !!origin && !!created;
  };
  const claims: Claim[] = [];
  const claimIds = new Set<string>();
  list('claims').forEach((o, i) => {
    const path = `claims[${i}]`;
    if (!claimOk(o, path, linkIds)) return;
    const id = o.id as string;
    if (claimIds.has(id)) return fail(path, 'id', 'Duplicate claim id.');
    claimIds.add(id);
    claims.push(clone<Claim>(o));
  });

  const meta: MetaRow[] = [];
  list('meta').forEach((o, i) => {
    const key = str(o, 'key', `meta[${i}]`, { max: 200 });
    const value = own(o, 'value') as Json;
    // Every later import reads and extends the log: one that is not a list of records would break them all.
    if (key === IMPORT_LOG_KEY && !(Array.isArray(value) && value.every(isObject))) return fail(`meta[${i}]`, 'value', 'The import log must be a list of records.');
    if (key !== undefined) meta.push({ key, value });
  });

  // Each kept claim carries its link and the link's ends, which need not be rows of the backup any more.
  const deleted: DeletedClaimRow[] = [];
  const deletedIds = new Set<string>();
  const rawDeleted = own(json, 'deleted');
  if (rawDeleted !== undefined) {
    list('deleted').forEach((o, i) => {
      const path = `deleted[${i}]`;
      const n = errors.length;
      const id = str(o, 'id', path, { max: MAX_STORED_CLAIM_ID });
      const at = own(o, 'at');
      if (typeof at !== 'string' || !TIMESTAMP.test(at)) fail(path, 'at', '"at" must be a time such as 2026-01-31T12:00:00.000Z.');
      const by = own(o, 'by');
      if (typeof by !== 'string' || !(DELETED_BY as readonly string[]).includes(by)) fail(path, 'by', `"by" must be one of ${DELETED_BY.join(', ')}.`);
      str(o, 'file', path, { optional: true, max: MAX_FIELD });
      str(o, 'importId', path, { optional: true, max: 200 });
      const ends = own(o, 'ends');
      const endIds = new Set<string>();
      if (!Array.isArray(ends)) fail(path, 'ends', '"ends" must be a list.');
      else
        ends.forEach((e, j) => {
          if (!isObject(e)) return fail(`${path}.ends[${j}]`, '', 'Each item must be an object.');
          if (entityOk(e, `${path}.ends[${j}]`)) endIds.add(e.id as string);
        });
      const link = own(o, 'link');
      const linkIdsHere = new Set<string>();
      if (link !== undefined) {
        if (!isObject(link)) fail(path, 'link', '"link" must be an object.');
        else if (linkOk(link, `${path}.link`, endIds)) linkIdsHere.add(link.id as string);
      }
      const claim = own(o, 'claim');
      if (!isObject(claim)) fail(path, 'claim', '"claim" must be an object.');
      // Only the reader's claims are kept as deleted: a row of another origin would come back as the curators' or a feed's.
      else if (own(claim, 'origin') !== USER_ORIGIN) fail(`${path}.claim`, 'origin', `A deleted claim must be the reader's ("origin": "${USER_ORIGIN}").`);
      else if (claimOk(claim, `${path}.claim`, link === undefined ? new Set([own(claim, 'linkId') as string]) : linkIdsHere) && claim.id !== id)
        fail(`${path}.claim`, 'id', 'The claim\'s id must be the id of its row.');
      if (errors.length > n || id === undefined) return;
      if (deletedIds.has(id)) return fail(path, 'id', 'Duplicate deleted claim id.');
      deletedIds.add(id);
      deleted.push(clone<DeletedClaimRow>(o));
    });
  }

  const exportedAt = own(json, 'exportedAt');
  if (errors.length) return { errors };
  return {
    backup: {
      format: BACKUP_FORMAT,
      version,
      exportedAt: typeof exportedAt === 'string' ? exportedAt : '',
      entities,
      links,
      claims,
      meta,
      deleted,
    },
    errors,
  };
}

/**
 * Replaces the whole knowledge base with a backup, in one transaction. Throws the first ImportError when the
 * backup is invalid (nothing is written). The data version moves past both the current and the backed-up one.
 */
export async function restoreBackup(repo: Repository, input: unknown, file = 'backup'): Promise<{ entities: number; links: number; claims: number }> {
  const { backup, errors } = validateBackup(input, file);
  if (!backup) throw errors[0] ?? new ImportError({ file, path: '', field: '', message: 'Invalid backup.' });
  const db = repo.db;
  await db.transaction('rw', [db.entities, db.links, db.claims, db.meta, db.deleted], async () => {
    const current = await repo.dataVersion();
    // The reader's claims here that the backup does not hold would be gone: they are kept as deleted by the restore,
    // beside what the backup keeps deleted (the later deletion of a claim in both is kept).
    const inBackup = new Set(backup.claims.map((c) => c.id));
    const dropped = (await db.claims.where('origin').equals(USER_ORIGIN).toArray()).filter((c) => !inBackup.has(c.id));
    await keepDeleted(db, dropped, new Date().toISOString(), 'restore');
    const keptHere = new Map((await db.deleted.toArray()).map((r) => [r.id, r]));
    for (const r of backup.deleted ?? []) {
      const here = keptHere.get(r.id);
      if (!here || Date.parse(r.at) > Date.parse(here.at)) keptHere.set(r.id, r);
    }
    // A claim the backup holds is not also kept as deleted, unless the copy kept was changed later (deleted after an
    // edit made since the backup).
    const changed = (c: Claim) => Date.parse(c.updated ?? c.created) || 0;
    for (const c of backup.claims) {
      const kept = keptHere.get(c.id);
      if (kept && changed(kept.claim) <= changed(c)) keptHere.delete(c.id);
    }
    await Promise.all([db.entities.clear(), db.links.clear(), db.claims.clear(), db.meta.clear(), db.deleted.clear()]);
    await db.deleted.bulkAdd([...keptHere.values()]);
    await db.entities.bulkAdd(backup.entities.map(toRow));
    await db.links.bulkAdd(backup.links);
    await db.claims.bulkAdd(backup.claims);
    await db.meta.bulkAdd(backup.meta.filter((m) => m.key !== 'dataVersion'));
    // A backup made before symmetric links were stored once may hold one both ways.
    await mergeReversedLinks(db);
    const backed = backup.meta.find((m) => m.key === 'dataVersion')?.value;
    // Past both, so no compiled dictionary of either is taken for this data; the bump tells the background (a new
    // dictionary, the list of origins with claims).
    await db.meta.put({ key: 'dataVersion', value: Math.max(current, typeof backed === 'number' ? backed : 0) });
    await repo.bumpDataVersion();
  });
  return { entities: backup.entities.length, links: backup.links.length, claims: backup.claims.length };
}

/**
 * Deletes imported data and re-seeds the bundled dataset, in one transaction. With keepAnnotations (default),
 * the reader's claims survive with the links and entities they need, and analyst overrides on surviving
 * links are kept; otherwise every user claim and override goes too. The import log is cleared.
 */
export async function resetToBundled(
  repo: Repository,
  dataset: Dataset,
  version: string,
  options: { keepAnnotations?: boolean } = {},
): Promise<void> {
  const keep = options.keepAnnotations ?? true;
  const db = repo.db;
  await db.transaction('rw', [db.entities, db.links, db.claims, db.meta, db.deleted], async () => {
    const userClaims = keep ? await db.claims.where('origin').equals(USER_ORIGIN).toArray() : [];
    // Annotations dropped are kept in Recently deleted, whence they can be restored with their links and entities.
    if (!keep) await keepDeleted(db, await db.claims.where('origin').equals(USER_ORIGIN).toArray(), new Date().toISOString(), 'reset');
    const neededLinks = (await db.links.bulkGet([...new Set(userClaims.map((c) => c.linkId))])).filter((l): l is Link => !!l);
    const overrides = keep ? (await db.links.toArray()).filter((l) => l.override) : [];
    const bundledIds = new Set(dataset.entities.map((e) => e.id));
    const neededIds = new Set(neededLinks.flatMap((l) => [l.from, l.to]));
    // Entities the reader added by hand are annotations too.
    if (keep) for (const id of await db.entities.filter((e) => e.provenance.includes(USER_ORIGIN)).primaryKeys()) neededIds.add(id);
    const neededEntities = (await db.entities.bulkGet([...neededIds].filter((id) => !bundledIds.has(id)))).filter((e) => !!e);
    await Promise.all([db.entities.clear(), db.links.clear(), db.claims.clear()]);
    await db.entities.bulkPut([...dataset.entities.map(toRow), ...neededEntities.map(reindexRow)]);
    const links = new Map<string, Link>(dataset.links.map((l) => [l.id, l]));
    for (const l of neededLinks) if (!links.has(l.id)) links.set(l.id, l);
    for (const l of overrides) {
      const kept = links.get(l.id);
      if (kept && l.override) links.set(l.id, { ...kept, override: l.override });
    }
    await db.links.bulkPut([...links.values()]);
    await db.claims.bulkPut([...dataset.claims, ...userClaims]);
    await db.meta.delete(IMPORT_LOG_KEY);
    await db.meta.put({ key: 'bundledVersion', value: version });
    await repo.bumpDataVersion();
  });
}
