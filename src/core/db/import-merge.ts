/**
 * Merging an ImportPlan into the database state (read-only: computes rows, never writes).
 *
 * Rules:
 * - An incoming entity is the same as an existing one by id or external id first ("attack:G0032", "misp:<uuid>",
 *   "stix:<id>"), else by name: its canonical name equals the canonical name of an entity of the same broad
 *   family (actor vs software: malware, tool, ransomware), or failing that an alias such an entity had before
 *   this import. Each step runs over the whole plan before the next (see resolveEntities), so the result does
 *   not depend on the order of the objects in the file.
 *   Two entities with different ATT&CK ids of the same series (G…, S…) are never merged by name
 *   ("APT38" G0082 stays apart from Lazarus Group G0032 even though the bundled data lists APT38 as an alias).
 * - A merged entity keeps its id, name and description, and its kind unless a source of higher kind rank says tool
 *   where it says malware/ransomware or the reverse (authored > STIX per-object types > MISP per-galaxy kind; see
 *   kindRank), whatever the import order (the feed's description only fills a gap);
 *   aliases, external ids and provenance are unioned. New aliases carry the feed's usedBy where known. Aliases are
 *   unioned by their exact writing, not by nameKey: the matcher's case rules tell "Sidewinder" from "SideWinder" and
 *   "Trick Bot" from "TrickBot", so a spelling only one feed gives is a name the reader can otherwise not spot.
 * - A new alias equal to the canonical name of another entity of the same family is not added (e.g. MISP lists
 *   "Andariel" as a synonym of Lazarus Group, but Andariel is its own cluster): reported as a conflict. Not so in
 *   ActorLens's own export (plan.settledAliases), whose aliases were judged where it was made: kept, and reported as
 *   shared only when the sharing is new (see settledNames). Across families the alias stays (see the matcher's
 *   preference for the entity whose own name it is). Another writing of a name the entity already had is not such a
 *   new alias: that name's owner was settled when it was first added.
 * - An entity matched by external id across the actor/software boundary keeps its kind, and the file's names
 *   and details are not added to it (reported as a kind-mismatch conflict).
 * - Links are keyed by (from, relation, to) after mapping; an existing link keeps its status, note and
 *   override, only its provenance grows (and a missing note is filled from the feed). Links whose ends resolve to nothing are skipped with a warning;
 *   links that collapse onto one entity (both ends merged together) are dropped.
 * - Claims are keyed by id; a claim with origin "user" or "bundled" is never overwritten. A link only the reader made that none of
 *   its claims comes back to is not made again: it went with its last claim.
 * - A claim the reader deleted, or an override they cleared, after the file's copy of it was last changed is not
 *   brought back (removals.ts; reported as removed-since). The other way round, what our own export says the reader
 *   removed where it was made is removed here too, unless changed here since (import-removals.ts).
 */
import { allNames, seenOutOfOrder, type Entity, type EntityKind, type ExternalIds } from '../model/entity';
import { canonicalEnds, linkId, type Claim, type Link } from '../model/link';
import { mergeStatements } from './symmetric-links';
import { platformVariant } from '../importers/misp';
import type { ImportIssue, ImportPlan } from '../importers/types';
import type { ActorLensDb, EntityRow } from './database';
import { nameKey } from './keys';
import { mergeRemovals, type RemovalsResult } from './import-removals';
import { readRemovals, REMOVALS_KEY, removedSince } from './removals';
import { fromRow, toRow, USER_ORIGIN } from './repository';

/** Meta key of the import log shown on the options page (newest first, at most IMPORT_LOG_LIMIT records). */
export const IMPORT_LOG_KEY = 'imports';
export const IMPORT_LOG_LIMIT = 50;

export type ConflictKind = 'ambiguous-match' | 'kind-mismatch' | 'kept-separate' | 'alias-dropped' | 'alias-shared' | 'user-claim' | 'removed-since';

export interface ImportConflict {
  kind: ConflictKind;
  /** The database entity (or claim) concerned. */
  entityId?: string;
  claimId?: string;
  name?: string;
  message: string;
}

export interface Change<T> {
  before: T;
  after: T;
}

export interface MergeResult {
  newEntities: Entity[];
  updatedEntities: Change<Entity>[];
  newLinks: Link[];
  updatedLinks: Change<Link>[];
  newClaims: Claim[];
  updatedClaims: Change<Claim>[];
  conflicts: ImportConflict[];
  /** Warnings of the plan plus those of the merge (unresolved link ends…). */
  warnings: ImportIssue[];
  /** Plan entity id → database entity id. */
  idMap: Map<string, string>;
  /** Rows to write. */
  entityRows: EntityRow[];
  /** What the file says the reader removed where it was made, to remove here too (import-removals.ts). */
  removed: RemovalsResult;
}

const family = (kind: EntityKind): 'actor' | 'software' => (kind === 'actor' ? 'actor' : 'software');
/**
 * How much a source's word on an entity's kind weighs (see the kind rule in computeMerge), from the provenance
 * labels: 3 authored (bundled, user), 1 a MISP galaxy (one kind per file), 2 anything else (STIX types each object).
 * An entity's rank is its best source's: the stored kind already reflects that source on tool vs not-tool.
 */
function kindRank(provenance: readonly string[]): number {
  return Math.max(0, ...provenance.map((p) => (p === 'bundled' || p === USER_ORIGIN ? 3 : p.startsWith('misp:') ? 1 : 2)));
}
const STIX_ENTITY_TYPES = ['intrusion-set', 'threat-actor', 'malware', 'tool'];
/** Origin of the bundled dataset's claims (data/index.ts). */
const BUNDLED_ORIGIN = 'bundled';
const MAX_LINK_WARNINGS = 50;

/**
 * A link end the merge could not find, as the file names it: "stix:malware--…" is the file's object malware--…, and
 * "misp:<uuid>" its cluster <uuid>; the prefixes are ActorLens's own keys, which the reader never sees elsewhere.
 */
function endText(key: string): string {
  if (key.startsWith('stix:')) return `The object ${key.slice(5)}`;
  if (key.startsWith('misp:')) return `The cluster ${key.slice(5)}`;
  if (key.startsWith('attack:')) return `ATT&CK ${key.slice(7)}`;
  return key;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function union(a: string[] | undefined, b: string[] | undefined): string[] {
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}

function mergeExternalIds(a: ExternalIds | undefined, b: ExternalIds | undefined): ExternalIds | undefined {
  const out: ExternalIds = {};
  for (const ns of ['attack', 'misp', 'stix'] as const) {
    const ids = union(a?.[ns], b?.[ns]);
    if (ids.length) out[ns] = ids;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Deep equality of JSON-like values, ignoring key order and undefined-valued keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function attackSeries(ids: string[] | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const id of ids ?? []) {
    const s = out.get(id[0]!) ?? new Set<string>();
    s.add(id);
    out.set(id[0]!, s);
  }
  return out;
}

/** True when both carry ATT&CK ids of one series and share none: two different ATT&CK objects. */
function differentAttackObjects(a: Entity, b: Entity): boolean {
  const sa = attackSeries(a.externalIds?.attack);
  const sb = attackSeries(b.externalIds?.attack);
  for (const [series, ids] of sa) {
    const other = sb.get(series);
    if (other && ![...ids].some((id) => other.has(id))) return true;
  }
  return false;
}

interface Resolution {
  target: string;
  /** How it matched, for conflict messages: "same id", "by external id attack:G0032", "by name". */
  how: string;
}

interface NameIndexes {
  extIndex: Map<string, string[]>;
  canonIndex: Map<string, string[]>;
  aliasIndex: Map<string, string[]>;
}

/** True when database entity `id` held the name `name` where the file was made, too (see settledNames). */
type Settled = (id: string, name: string) => boolean;

/**
 * In our own export (plan.settledAliases) every entity carries its ActorLens id and the names it held where the file
 * was made, side by side with the others it is exported with. An entity of the database that held a name there as
 * well already stood beside the file's holder of that name: the two sharing it (an actor and a ransomware "Akira",
 * APT38 of ATT&CK and the Lazarus Group alias) was judged there and is no news here. Reporting it again filled a
 * restore's preview with hundreds of conflicts for unchanged data. Such an entity is one the file lists under the
 * same id with that name, or (an export of the annotations only lists a few entities) one that is nothing but
 * bundled data here, which every ActorLens holds. A name that only this database's own imports or reader give
 * another entity is still reported.
 */
function settledNames(plan: ImportPlan, before: ReadonlyMap<string, EntityRow>): Settled {
  if (!plan.settledAliases) return () => false;
  const names = new Map<string, Set<string>>();
  for (const e of plan.entities) names.set(e.id, new Set(allNames(e).map((a) => nameKey(a.name))));
  const bundledOnly = (id: string) => {
    const provenance = before.get(id)?.provenance;
    return provenance?.length === 1 && provenance[0] === 'bundled';
  };
  return (id, name) => {
    const key = nameKey(name);
    const fileNames = names.get(id);
    if (fileNames) return fileNames.has(key);
    return bundledOnly(id) && (before.get(id)?.keys.includes(key) ?? false);
  };
}

/**
 * Which database entity each object of the plan is, decided in passes over the whole plan so that neither the
 * order of the file nor the order of earlier imports changes the outcome:
 * 1. same id or external id;
 * 2. exact canonical name (same family), then 3. alias (same family).
 * A name never matches an entity that another object of the file matched by its very id (the file says they are
 * two things: re-importing our own export must not fold "LockBit 2.0" into LockBit), nor one that would then
 * carry two ATT&CK ids of one series. Objects left undecided are created (or join one created earlier in the file).
 */
function resolveEntities(
  plan: ImportPlan,
  rows: Map<string, EntityRow>,
  idx: NameIndexes,
  conflicts: ImportConflict[],
  settled: Settled,
): (Resolution | undefined)[] {
  const resolved: (Resolution | undefined)[] = plan.entities.map(() => undefined);
  const assigned = new Map<string, Entity[]>(); // target → objects of the plan resolved to it so far
  const assign = (i: number, target: string, how: string) => {
    resolved[i] = { target, how };
    assigned.set(target, [...(assigned.get(target) ?? []), plan.entities[i]!]);
  };
  plan.entities.forEach((incoming, i) => {
    const ext = toRow(incoming).ext;
    const byExt = rows.has(incoming.id) ? [incoming.id] : [...new Set(ext.flatMap((k) => idx.extIndex.get(k) ?? []))];
    const target = byExt[0];
    if (!target) return;
    if (byExt.length > 1) {
      conflicts.push({
        kind: 'ambiguous-match',
        entityId: target,
        name: incoming.name,
        message: `"${incoming.name}" matches several entities by external id (${byExt.join(', ')}); merged into ${target}.`,
      });
    }
    if (family(rows.get(target)!.kind) !== family(incoming.kind)) {
      conflicts.push({
        kind: 'kind-mismatch',
        entityId: target,
        name: incoming.name,
        message: `"${incoming.name}" is a ${incoming.kind} in ${plan.fileName} but ${rows.get(target)!.name} is stored as a ${rows.get(target)!.kind}; the stored kind is kept and the file's names are not added to it.`,
      });
    }
    assign(i, target, target === incoming.id ? 'same id' : `by external id ${ext.find((k) => idx.extIndex.get(k)?.includes(target))}`);
  });
  // Only a match by the entity's own id (our own exports carry it) fences the entity off from name matches: an
  // external-id match must not, or a cluster new in a feed's next version would merge or not depending on
  // whether its neighbour was matched by uuid or by name.
  const matchedById = new Map(
    plan.entities.flatMap((e, i) => (resolved[i]?.how === 'same id' ? [[resolved[i].target, e.name] as const] : [])),
  );
  // The incoming canonical name against stored canonical names over the whole plan first, then against stored
  // aliases: an exact name wins over an alias whatever the order of the file.
  // A platform variant's bare name (misp.ts addBareNames) is there to spot the family, not to say what else it is:
  // the tool galaxy's "Mirai" or the ransomware galaxy's "RansomEXX" is not thereby "Mirai (Windows)".
  const byAlias = (e: Entity) => (idx.aliasIndex.get(nameKey(e.name)) ?? []).filter((id) => !isBareNameOf(e.name, rows.get(id)!.name));
  const passes: ((e: Entity) => string[])[] = [(e) => idx.canonIndex.get(nameKey(e.name)) ?? [], byAlias];
  for (const lookup of passes) {
    plan.entities.forEach((incoming, i) => {
      if (resolved[i]) return;
      const candidates = lookup(incoming).filter((id) => family(rows.get(id)!.kind) === family(incoming.kind));
      const allowed: string[] = [];
      for (const id of candidates) {
        const stored = fromRow(rows.get(id)!);
        const clash = [stored, ...(assigned.get(id) ?? [])].find((e) => differentAttackObjects(e, incoming));
        if (clash) {
          if (settled(id, incoming.name)) continue;
          conflicts.push({
            kind: 'kept-separate',
            entityId: id,
            name: incoming.name,
            message: `"${incoming.name}" (ATT&CK ${incoming.externalIds?.attack?.join(', ')}) shares a name with ${clash.name} (ATT&CK ${clash.externalIds?.attack?.join(', ')}); kept as separate entities.`,
          });
        } else if (matchedById.has(id)) {
          if (settled(id, incoming.name)) continue;
          conflicts.push({
            kind: 'kept-separate',
            entityId: id,
            name: incoming.name,
            message: `"${incoming.name}" shares a name with ${stored.name}, which "${matchedById.get(id)}" of ${plan.fileName} already is; kept as separate entities.`,
          });
        } else allowed.push(id);
      }
      // Several of the family share the name: the one of the same kind, then the one written the same, is meant (the
      // ransomware galaxy's "Medusa" is the ransomware Medusa, not ATT&CK's rootkit "MEDUSA" stored beside it).
      const fit = (id: string) => (rows.get(id)!.kind === incoming.kind ? 2 : 0) + (rows.get(id)!.name === incoming.name ? 1 : 0);
      allowed.sort((a, b) => fit(b) - fit(a));
      const target = allowed[0];
      if (!target) return;
      if (allowed.length > 1) {
        conflicts.push({
          kind: 'ambiguous-match',
          entityId: target,
          name: incoming.name,
          message: `"${incoming.name}" matches several entities by name (${allowed.map((id) => rows.get(id)!.name).join(', ')}); merged into ${rows.get(target)!.name}.`,
        });
      }
      assign(i, target, 'by name');
    });
  }
  return resolved;
}

function isBareNameOf(name: string, variantName: string): boolean {
  const bare = platformVariant(variantName)?.bare;
  return bare !== undefined && nameKey(bare) === nameKey(name);
}

/** A new entity whose name is also a name of an entity of the other family: kept apart, but said. */
/**
 * Fills a missing first or last seen from the file, unless the filled pair would end before it starts: one source's
 * "first seen 2015" and another's "last seen 2012" say different things about different activity, and stored
 * together they read as a range that ends before it begins. The stored date stays and the preview says why.
 */
function fillSeen(merged: Entity, incoming: Entity, warn: (message: string, field: string) => void): void {
  const first = merged.firstSeen ?? incoming.firstSeen;
  const last = merged.lastSeen ?? incoming.lastSeen;
  if (!seenOutOfOrder(first, last) || seenOutOfOrder(merged.firstSeen, merged.lastSeen)) {
    if (first) merged.firstSeen = first;
    if (last) merged.lastSeen = last;
    return;
  }
  if (!merged.firstSeen && !merged.lastSeen) {
    // Both from the file: its own pair, imported as written (the parser warned about it).
    merged.firstSeen = first;
    merged.lastSeen = last;
    return;
  }
  if (merged.firstSeen && !merged.lastSeen) {
    warn(`The file's last seen (${incoming.lastSeen}) is earlier than the stored first seen (${merged.firstSeen}); the last seen is not added.`, 'last_seen');
  } else if (!merged.firstSeen && merged.lastSeen) {
    warn(`The file's first seen (${incoming.firstSeen}) is later than the stored last seen (${merged.lastSeen}); the first seen is not added.`, 'first_seen');
  }
}

function reportOtherFamilyName(
  incoming: Entity,
  rows: Map<string, EntityRow>,
  canonIndex: Map<string, string[]>,
  aliasIndex: Map<string, string[]>,
  conflicts: ImportConflict[],
  settled: Settled,
): void {
  const key = nameKey(incoming.name);
  const other = [...(canonIndex.get(key) ?? []), ...(aliasIndex.get(key) ?? [])].find(
    (id) => family(rows.get(id)!.kind) !== family(incoming.kind) && !settled(id, incoming.name),
  );
  if (!other) return;
  conflicts.push({
    kind: 'kind-mismatch',
    entityId: other,
    name: incoming.name,
    message: `"${incoming.name}" (${incoming.kind}) is also a name of ${rows.get(other)!.name} (${rows.get(other)!.kind}); a separate entity is kept.`,
  });
}

/** Computes what applying `plan` would change. Reads only; call inside a transaction for a consistent view. */
export async function computeMerge(db: ActorLensDb, plan: ImportPlan, now: Date): Promise<MergeResult> {
  const rows = new Map<string, EntityRow>();
  const before = new Map<string, EntityRow>();
  const extIndex = new Map<string, string[]>();
  const canonIndex = new Map<string, string[]>();
  const aliasIndex = new Map<string, string[]>(); // aliases as they were before this import
  const held = new Set<string>(); // every name as written, for look-alike warnings
  for (const row of await db.entities.toArray()) {
    held.add(row.name);
    for (const a of row.aliases) held.add(a.name);
    rows.set(row.id, row);
    before.set(row.id, row);
    for (const e of row.ext) push(extIndex, e, row.id);
    push(canonIndex, nameKey(row.name), row.id);
    for (const a of row.aliases) push(aliasIndex, nameKey(a.name), row.id);
  }

  const conflicts: ImportConflict[] = [];
  const warnings: ImportIssue[] = plan.warnings.filter((w) => w.lookAlike === undefined || !held.has(w.lookAlike));
  const idMap = new Map<string, string>();
  const touched = new Set<string>();
  const created = new Set<string>();

  const sameFamily = (id: string, kind: EntityKind) => family(rows.get(id)!.kind) === family(kind);
  // Database entity → the first object of this file that landed on it: a second one is two objects of the file
  // made one, which the analyst must see.
  const landedOn = new Map<string, string>();
  const reportSecondObject = (target: string, incoming: Entity, how: string) => {
    const first = landedOn.get(target);
    if (first === undefined) {
      landedOn.set(target, incoming.name);
      return;
    }
    conflicts.push({
      kind: 'ambiguous-match',
      entityId: target,
      name: incoming.name,
      message: `"${incoming.name}" and "${first}" are two objects in ${plan.fileName}, but both match ${rows.get(target)!.name} (${how}); merged into it.`,
    });
  };

  const settled = settledNames(plan, before);
  const resolved = resolveEntities(plan, rows, { extIndex, canonIndex, aliasIndex }, conflicts, settled);
  plan.entities.forEach((incoming, i) => {
    const incomingRow = toRow(incoming);
    let target = resolved[i]?.target;
    let how = resolved[i]?.how ?? '';
    if (!target) {
      // Matched nothing in the database: an object sharing an external id or the canonical name with one this
      // import already created or merged (two copies of one object in the file) joins it.
      target = incomingRow.ext.flatMap((k) => extIndex.get(k) ?? [])[0];
      how = target ? `by external id ${incomingRow.ext.find((k) => extIndex.get(k)?.includes(target!))}` : '';
      if (!target) {
        target = (canonIndex.get(nameKey(incoming.name)) ?? []).find(
          (id) => created.has(id) && sameFamily(id, incoming.kind) && !differentAttackObjects(fromRow(rows.get(id)!), incoming),
        );
        how = 'by name';
      }
      if (!target) reportOtherFamilyName(incoming, rows, canonIndex, aliasIndex, conflicts, settled);
    }
    if (!target) {
      const row = incomingRow;
      rows.set(row.id, row);
      created.add(row.id);
      touched.add(row.id);
      idMap.set(incoming.id, row.id);
      landedOn.set(row.id, incoming.name);
      for (const e of row.ext) push(extIndex, e, row.id);
      push(canonIndex, nameKey(row.name), row.id);
      return;
    }
    idMap.set(incoming.id, target);
    reportSecondObject(target, incoming, how);
    let existing = fromRow(rows.get(target)!);
    // Kind rule (tool vs malicious software): a source that types each object (STIX `tool` vs `malware`, e.g.
    // ATT&CK) outranks one whose kind is the file's (a MISP galaxy: malpedia calls every family malware, the tool
    // galaxy lists Regin); ActorLens's authored data (bundled, the reader's) outranks both. A stored kind from a
    // lower-ranked source is replaced when the two disagree on tool vs not-tool, whichever file came first.
    // Malware vs ransomware is not judged here (STIX `malware` is ransomware's supertype): the stored one stays.
    if (
      existing.kind !== incoming.kind &&
      family(existing.kind) === 'software' &&
      family(incoming.kind) === 'software' &&
      (existing.kind === 'tool') !== (incoming.kind === 'tool') &&
      kindRank(incoming.provenance) > kindRank(existing.provenance)
    ) {
      existing = { ...existing, kind: incoming.kind };
    } else if (existing.kind !== incoming.kind && family(existing.kind) === family(incoming.kind) && !created.has(target)) {
      conflicts.push({
        kind: 'kind-mismatch',
        entityId: target,
        name: incoming.name,
        message: `${existing.name} is stored as ${existing.kind}; ${plan.fileName} says ${incoming.kind}. The stored kind is kept.`,
      });
    }
    // Matched across the actor/software boundary (by external id): the ids are kept, but the file's names and
    // details describe something of another family and would re-point the spotting of those names.
    const crossFamily = family(existing.kind) !== family(incoming.kind);
    const written = new Set([existing.name, ...existing.aliases.map((a) => a.name)]);
    const lowered = new Set([...written].map((n) => n.toLowerCase()));
    const aliases = [...existing.aliases];
    for (const alias of crossFamily ? [] : [{ name: incoming.name }, ...incoming.aliases]) {
      if (!nameKey(alias.name) || written.has(alias.name)) continue;
      // The lower-case writing of a name already held ("play" of the ransomware galaxy's slugs for Play) is the one
      // writing the matcher refuses for a name of letters, as prose writes the words so ("play", "zlib"): as an
      // alias it would make the word spotted wherever a cue stands next to it.
      if (alias.name === alias.name.toLowerCase() && lowered.has(alias.name)) continue;
      written.add(alias.name);
      lowered.add(alias.name.toLowerCase());
      aliases.push(alias);
    }
    const merged: Entity = {
      ...existing,
      aliases,
      provenance: union(existing.provenance, incoming.provenance),
    };
    const ids = mergeExternalIds(existing.externalIds, incoming.externalIds);
    if (ids) merged.externalIds = ids;
    for (const field of ['description', 'country', 'motivation'] as const) {
      if (!merged[field] && incoming[field] && !crossFamily) merged[field] = incoming[field];
    }
    if (!crossFamily) fillSeen(merged, incoming, (message, field) => warnings.push({ file: plan.fileName, path: `entity ${merged.name}`, field, message }));
    const row = toRow(merged);
    rows.set(target, row);
    touched.add(target);
    for (const e of row.ext) push(extIndex, e, target);
  });

  // Aliases added by this import that are another entity's canonical name in the same family are dropped; those
  // shared across families are real (Winnti the group and Winnti the malware, Carbanak) and kept: the matcher reads
  // such a name as the entity whose own name it is, unless a cue next to it says the other family (a threat actor's
  // synonym "TrickBot" does not make TrickBot spotted as the actor). Those shared with another entity's alias are
  // kept and reported. Only names new to the entity are judged: a new writing of a name it held before the import
  // follows that name, or "Sidewinder" would be judged apart from "SideWinder" and the entity would hold one of them.
  const keyOwners = new Map<string, string[]>();
  for (const row of rows.values()) for (const k of row.keys) push(keyOwners, k, row.id);
  for (const id of touched) {
    const row = rows.get(id)!;
    const old = before.get(id);
    const heldBefore = new Set(old ? allNames(fromRow(old)).map((a) => nameKey(a.name)) : []);
    const entity = fromRow(row);
    if (entity.aliases.every((alias) => heldBefore.has(nameKey(alias.name)))) continue;
    const kept = entity.aliases.filter((alias) => {
      const k = nameKey(alias.name);
      if (heldBefore.has(k)) return true;
      const owners = (keyOwners.get(k) ?? []).filter((o) => o !== id);
      const canonicalOwner = owners.find((o) => nameKey(rows.get(o)!.name) === k && family(rows.get(o)!.kind) === family(row.kind));
      // Our own export lists the aliases each entity held where it was exported, already judged there (held before
      // the other entity of that name arrived): they come back as they left, reported as shared below unless the file
      // gives every other holder that name as well.
      if (canonicalOwner && !plan.settledAliases) {
        // The feed never listed a platform variant's bare name ("Akira" of "Akira (Windows)"): nothing of the file is
        // lost, and 36 such reports in one malpedia import would bury the real ones.
        if (isBareNameOf(alias.name, row.name)) return false;
        conflicts.push({
          kind: 'alias-dropped',
          entityId: id,
          name: alias.name,
          message: `Alias "${alias.name}" of ${row.name} is the name of another entity (${rows.get(canonicalOwner)!.name}); not added.`,
        });
        return false;
      }
      if (owners.length && !(settled(id, alias.name) && owners.every((o) => settled(o, alias.name)))) {
        conflicts.push({
          kind: 'alias-shared',
          entityId: id,
          name: alias.name,
          message: `Alias "${alias.name}" of ${row.name} also belongs to ${owners.map((o) => rows.get(o)!.name).join(', ')}.`,
        });
      }
      return true;
    });
    if (kept.length !== entity.aliases.length) rows.set(id, toRow({ ...entity, aliases: kept }));
  }

  const newEntities: Entity[] = [];
  const updatedEntities: Change<Entity>[] = [];
  const entityRows: EntityRow[] = [];
  for (const id of touched) {
    const row = rows.get(id)!;
    const old = before.get(id);
    if (!old) {
      newEntities.push(fromRow(row));
      entityRows.push(row);
    } else if (!sameJson(old, row)) {
      updatedEntities.push({ before: fromRow(old), after: fromRow(row) });
      entityRows.push(row);
    }
  }

  // Links.
  const resolve = (ref: string): string | undefined => {
    const mapped = idMap.get(ref);
    if (mapped) return mapped;
    const direct = extIndex.get(ref)?.[0];
    if (direct) return direct;
    if (ref.startsWith('misp:')) {
      // MISP clusters generated from ATT&CK reuse the STIX uuid of the ATT&CK object.
      const uuid = ref.slice(5);
      for (const t of STIX_ENTITY_TYPES) {
        const hit = extIndex.get(`stix:${t}--${uuid}`)?.[0];
        if (hit) return hit;
      }
    }
    return undefined;
  };
  const finalLinkOf = new Map<string, string>();
  const linkRows = new Map<string, Link>();
  let unresolved = 0;
  let selfLinks = 0;
  const fileNames = new Map(plan.entities.map((e) => [e.id, e.name]));
  const mispGalaxy = plan.format === 'misp-galaxy';
  const nameOf = (ref: string, resolvedId: string | undefined) => (resolvedId ? rows.get(resolvedId)?.name : undefined) ?? ref;
  for (const pl of plan.links) {
    const from = resolve(pl.from);
    const to = resolve(pl.to);
    if (!from || !to) {
      unresolved++;
      if (unresolved <= MAX_LINK_WARNINGS) {
        const missing = !from ? pl.from : pl.to;
        warnings.push({
          file: plan.fileName,
          path: `link ${nameOf(pl.from, from)} ${pl.relation} ${nameOf(pl.to, to)}`,
          field: !from ? 'from' : 'to',
          // A MISP related[] entry often points into another galaxy (an actor's tools are in tool.json).
          message: mispGalaxy
            ? `${endText(missing)} is neither in this galaxy file nor in the database (probably a cluster of another MISP galaxy not imported yet); link skipped.`
            : `${endText(missing)} is neither in the file nor in the database; link skipped.`,
        });
      }
      continue;
    }
    if (from === to) {
      // Both ends landed on one entity (two objects of the file merged into it, or an end that is another name of the
      // other): a link needs two. Dropped silently before, the relationship vanished without the reader knowing why.
      selfLinks++;
      if (selfLinks <= MAX_LINK_WARNINGS) {
        warnings.push({
          file: plan.fileName,
          path: `link ${fileNames.get(pl.from) ?? pl.from} ${pl.relation} ${fileNames.get(pl.to) ?? pl.to}`,
          field: '',
          message: `Both ends are ${rows.get(from)?.name ?? from} once matched against the database; link skipped.`,
        });
      }
      continue;
    }
    // Both statements of a symmetric relation land on its one link (linkId, canonicalEnds).
    const id = linkId(from, pl.relation, to);
    finalLinkOf.set(pl.id, id);
    const prev = linkRows.get(id);
    linkRows.set(id, prev ? mergeStatements(prev, pl) : { ...pl, id, ...canonicalEnds(from, pl.relation, to) });
  }
  if (selfLinks > MAX_LINK_WARNINGS) {
    const more = selfLinks - MAX_LINK_WARNINGS;
    warnings.push({ file: plan.fileName, path: 'links', field: '', message: `…and ${more} more links skipped because both ends are one entity (${selfLinks} in all).`, counts: more });
  }
  if (unresolved > MAX_LINK_WARNINGS) {
    const more = unresolved - MAX_LINK_WARNINGS;
    warnings.push({ file: plan.fileName, path: 'links', field: '', message: `…and ${more} more links skipped for the same reason (${unresolved} in all).`, counts: more });
  }
  if (unresolved && mispGalaxy) {
    // Skipped links are not kept anywhere: only importing this file again, once their ends exist, adds them.
    warnings.push({
      file: plan.fileName,
      path: 'links',
      field: '',
      message: `${unresolved} link${unresolved === 1 ? '' : 's'} of ${plan.fileName} point to clusters that are not imported yet, most likely in other MISP galaxies (threat-actor, tool, malpedia, ransomware…). Import those galaxies, then import ${plan.fileName} again to add ${unresolved === 1 ? 'it' : 'them'}.`,
      // Explains the skipped links counted above; not one more problem.
      counts: 0,
    });
  }
  const linkIds = [...linkRows.keys()];
  const existingLinks = await db.links.bulkGet(linkIds);
  const removals = readRemovals((await db.meta.get(REMOVALS_KEY))?.value);
  const linkName = (l: Link) => `${rows.get(l.from)?.name ?? l.from} ${l.relation} ${rows.get(l.to)?.name ?? l.to}`;
  const day = (at: string) => at.slice(0, 10);
  const newLinks: Link[] = [];
  const updatedLinks: Change<Link>[] = [];
  linkIds.forEach((id, i) => {
    let incoming = linkRows.get(id)!;
    const old = existingLinks[i];
    const cleared = incoming.override && !old?.override ? removedSince(removals.overrides, id, incoming.override.at) : undefined;
    if (cleared) {
      const { override: _cleared, ...rest } = incoming;
      incoming = rest;
      conflicts.push({
        kind: 'removed-since',
        message: `You cleared the confidence override of ${linkName(rest)} on ${day(cleared)}, after this file's copy of it was set; it is not brought back.`,
      });
    }
    if (!old) {
      newLinks.push(incoming);
      return;
    }
    const merged: Link = { ...old, provenance: union(old.provenance, incoming.provenance) };
    // The feed's explanation only fills a gap; a note already there (the curator's or the analyst's) stays.
    if (!old.note && incoming.note) merged.note = incoming.note;
    // Only our own exports carry an override: it comes back where the link has none, never over one.
    if (!old.override && incoming.override) merged.override = incoming.override;
    if (!sameJson(old, merged)) updatedLinks.push({ before: old, after: merged });
  });

  // Claims.
  const planClaims = plan.claims.flatMap((c) => {
    const lid = finalLinkOf.get(c.linkId);
    return lid ? [{ ...c, linkId: lid }] : [];
  });
  const existingClaims = await db.claims.bulkGet(planClaims.map((c) => c.id));
  const newClaims: Claim[] = [];
  const updatedClaims: Change<Claim>[] = [];
  planClaims.forEach((claim, i) => {
    const old = existingClaims[i];
    if (!old) {
      const deleted = claim.origin === USER_ORIGIN ? removedSince(removals.claims, claim.id, claim.updated ?? claim.created) : undefined;
      if (deleted) {
        const link = linkRows.get(claim.linkId);
        conflicts.push({
          kind: 'removed-since',
          claimId: claim.id,
          message: `You deleted your claim "${claim.source.title.slice(0, 80)}"${link ? ` on ${linkName(link)}` : ''} on ${day(deleted)}, after this file's copy of it was written; it is not brought back.`,
        });
        return;
      }
      newClaims.push(claim);
      return;
    }
    const { created: _c1, updated: _u1, ...a } = old;
    const { created: _c2, updated: _u2, ...b } = claim;
    const same = sameJson(a, b);
    if (old.origin === USER_ORIGIN) {
      // The user's own annotation coming back unchanged (their own export re-imported) is no conflict.
      if (same) return;
      conflicts.push({ kind: 'user-claim', claimId: old.id, message: `Claim ${old.id} is your own annotation; the imported version is ignored.` });
      return;
    }
    // The curators' claims are written by a re-seed only (Repository.seed): our own export carries them too, and one
    // made by an older release would put back what a newer one corrected. Same release, same claim: nothing is lost.
    if (old.origin === BUNDLED_ORIGIN) return;
    if (!same) updatedClaims.push({ before: old, after: { ...claim, created: old.created, updated: now.toISOString() } });
  });

  // A link only the reader made goes with its last claim (Repository.dropIfEmptyUserLink). One this database no longer
  // has, to which none of the file's claims comes back (deleted since, or moved to another link by an edit), would be
  // made again with no claim at all.
  const claimed = new Set([...newClaims, ...updatedClaims.map((c) => c.after)].map((c) => c.linkId));
  const madeByReader = (l: Link) => l.provenance.length === 1 && l.provenance[0] === USER_ORIGIN;
  const newLinksKept = newLinks.filter((l) => !madeByReader(l) || claimed.has(l.id));
  const removed = await mergeRemovals({ db, plan, removals, finalLinkOf, linkName, newClaims, updatedLinks, conflicts });

  return { newEntities, updatedEntities, newLinks: newLinksKept, updatedLinks, newClaims, updatedClaims, conflicts, warnings, idMap, entityRows, removed };
}
