/**
 * STIX 2.0 / 2.1 bundle parser (pure). Keeps intrusion-set and threat-actor (→ actor), malware (→ malware,
 * or ransomware when its types, labels, names or first description sentence say so) and tool (→ tool), and
 * the relationships between them with their confidence and sources. identity, report and note objects feed
 * claim sources; every other object type is counted in skipped.unsupported.
 */
import { nameKey } from '../db/keys';
import { MAX_ID, MAX_URL } from '../db/limits';
import { readerQuote, readerReason, readerSource } from '../db/reader-input';
import { ENTITY_KINDS, seenOutOfOrder, type Alias, type Entity, type EntityKind } from '../model/entity';
import { LINK_STATUSES, RELIABILITIES, type Claim, type Link, type LinkStatus, type Reliability, type Source, type Stance, type TextQuoteSelector } from '../model/link';
import { addClaim, addLink, Collector, isoTimestamp, readAliases } from './common';
import { mapStixRelation } from './relations';
import { checkTree, cleanConfidence, cleanName, cleanText, cleanUrl, describeType, hasInvisible, isObject, isoDate, own, preview, stripControls, type Json, type JsonObject } from './sanitize';
import { emptyPlan, ImportError, MAX_NAME_LENGTH, type ImportPlan } from './types';

export const MITRE_IDENTITY = 'identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5';
/** The identity of ActorLens's own exports: `identity--` + uuidv5("identity:actorlens") in ACTORLENS_NAMESPACE. */
export const ACTORLENS_IDENTITY = 'identity--3e5ee7eb-d8c4-535d-b813-d11e7ac99d83';
const STIX_ID = /^[a-z][a-z0-9-]*--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/u;
const ENTITY_TYPES = new Set(['intrusion-set', 'threat-actor', 'malware', 'tool']);
const ATTACK_ID = /^[GSC]\d{4}$/u;
const EPOCH = '1970-01-01T00:00:00.000Z';
/** USER_ORIGIN of db/repository.ts (parsers stay free of the database layer). */
const USER_ORIGIN = 'user';
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export interface ParseOptions {
  /** Timestamp for claims whose object carries no usable `created` (default: now). */
  now?: Date;
  /** Skip the forbidden-key walk (the caller already ran it on the same tree). */
  treeChecked?: boolean;
  /** A MISP galaxy read from a MISP instance's export (misp-export.ts), not from the misp-galaxy repository. */
  instanceExport?: boolean;
}

interface EntityObject {
  index: number;
  obj: JsonObject;
  id: string;
  type: string;
}

export function parseStixBundle(json: unknown, fileName: string, options: ParseOptions = {}): ImportPlan {
  const plan = emptyPlan('stix-2.1', fileName, 'stix');
  const c = new Collector(plan);
  const now = (options.now ?? new Date()).toISOString();
  if (!isObject(json) || own(json, 'type') !== 'bundle') {
    c.error('', 'type', 'Not a STIX bundle: expected a JSON object with "type": "bundle".');
    return plan;
  }
  if (!options.treeChecked) {
    plan.errors.push(...checkTree(json, fileName));
    if (plan.errors.length) return plan;
  }
  const objects = own(json, 'objects');
  if (!Array.isArray(objects)) {
    c.error('objects', 'objects', 'A STIX bundle needs an "objects" array.');
    return plan;
  }
  if (isStix20(json, objects)) plan.format = 'stix-2.0';
  const versions = mixedVersions(objects);
  if (versions) c.warn('objects', 'spec_version', versions);

  // Pass 1: index objects, pick the producer, keep the latest version of each entity object.
  const identities = new Map<string, string>();
  const reportsByRef = new Map<string, JsonObject>();
  const entityObjects = new Map<string, EntityObject>();
  const relationships: EntityObject[] = [];
  const notes: EntityObject[] = [];
  const revokedNotes: EntityObject[] = [];
  const skippedIds = new Set<string>();
  const creators = new Map<string, number>();

  // Pass 0: validate ids and pick the newest version of every id, so that the version that survives decides
  // whether the object is revoked or deprecated (a revoked newer copy must win over an older live one).
  const latest = new Map<string, number>();
  // STIX ids are compared without regard to letter case (the UUID part is hexadecimal, RFC 4122 reads it either way):
  // "malware--ABC…" and "malware--abc…" are one object, and a relationship written with the other case still finds it.
  const spelling = new Map<string, { index: number; raw: string }>();
  const valid: { index: number; obj: JsonObject; id: string; type: string }[] = [];
  objects.forEach((obj, index) => {
    const path = `objects[${index}]`;
    if (!isObject(obj)) {
      c.error(path, '', 'Each STIX object must be a JSON object.');
      return;
    }
    const type = own(obj, 'type');
    const rawId = own(obj, 'id');
    if (typeof type !== 'string' || !type) {
      c.error(path, 'type', 'Missing or non-string "type".');
      return;
    }
    if (typeof rawId !== 'string' || !STIX_ID.test(rawId) || !rawId.startsWith(`${type}--`)) {
      c.error(path, 'id', `Invalid STIX id ${JSON.stringify(typeof rawId === 'string' ? rawId.slice(0, 80) : rawId)} for a ${type.slice(0, 40)} object.`);
      return;
    }
    const id = rawId.toLowerCase();
    const first = spelling.get(id);
    if (!first) spelling.set(id, { index, raw: rawId });
    else if (first.raw !== rawId) {
      c.warn(`${path} (${rawId})`, 'id', `This id differs from the id of objects[${first.index}] (${first.raw}) only in letter case: STIX ids are compared without case, so both are the same object.`);
    }
    valid.push({ index, obj, id, type });
    const prevIndex = latest.get(id);
    if (prevIndex === undefined) {
      latest.set(id, index);
      return;
    }
    const prev = objects[prevIndex] as JsonObject;
    if (sameContent({ ...obj, id }, { ...prev, id })) return; // the same object written twice: nothing to choose
    const newer = isNewer(own(obj, 'modified'), own(prev, 'modified'));
    const sameVersion = !newer && !isNewer(own(prev, 'modified'), own(obj, 'modified'));
    c.warn(
      `${path} (${id})`,
      'id',
      newer
        ? `Duplicate object id with different content; this copy has the newer "modified" and replaces objects[${prevIndex}].`
        : sameVersion
          ? `Duplicate object id with different content but the same "modified" (or none): objects[${prevIndex}] is kept and this copy ignored.`
          : `Duplicate object id with different content; objects[${prevIndex}] is kept (it has the newer "modified").`,
    );
    if (newer) latest.set(id, index);
  });

  // Pass 1: index objects and pick the producer.
  for (const { index, obj, id, type } of valid) {
    if (latest.get(id) !== index) continue;
    const at = `objects[${index}] (${id})`;
    if (own(obj, 'revoked') === true) {
      // Read once the producer is known: in our own export, a revoked note is a claim the reader deleted.
      if (type === 'note') revokedNotes.push({ index, obj, id, type });
      else plan.skipped.revoked++;
      skippedIds.add(id);
      continue;
    }
    if (own(obj, 'x_mitre_deprecated') === true) {
      plan.skipped.deprecated++;
      skippedIds.add(id);
      continue;
    }
    const creator = stixRef(own(obj, 'created_by_ref'));
    if (typeof creator === 'string') creators.set(creator, (creators.get(creator) ?? 0) + 1);
    if (type === 'identity') {
      // A producer name is only a label (publisher, provenance): read as text, so "CERT-X <cert@x.org>" does
      // not block the import; a name that is not text at all is left out with a warning.
      const name = cleanText(own(obj, 'name'), c.ctx(at, 'name'));
      if (name instanceof ImportError) c.warn(at, 'name', `${name.reason} The producer is left unnamed.`);
      else if (name) identities.set(id, name.slice(0, MAX_NAME_LENGTH));
    } else if (type === 'report') {
      const refs = own(obj, 'object_refs');
      if (Array.isArray(refs)) for (const ref of refs) if (typeof ref === 'string') reportsByRef.set(ref.toLowerCase(), obj);
    } else if (type === 'note') {
      notes.push({ index, obj, id, type });
    } else if (type === 'relationship') {
      relationships.push({ index, obj, id, type });
    } else if (ENTITY_TYPES.has(type)) {
      entityObjects.set(id, { index, obj, id, type });
    } else {
      plan.skipped.unsupported++;
    }
  }

  const mainCreator = [...creators.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const producer = mainCreator ? (identities.get(mainCreator) ?? (mainCreator === MITRE_IDENTITY ? 'The MITRE Corporation' : undefined)) : undefined;
  // ATT&CK provenance only for MITRE's own objects; a third-party bundle that cites ATT&CK ids stays its own feed.
  plan.feed = mainCreator === MITRE_IDENTITY ? 'attack' : producer ? `stix:${producer}` : 'stix';
  // Our own export: entities keep their ActorLens ids, claims come back whole from x_actorlens_* (never from
  // the relationship's derived confidence), the user's notes come back as the user's claims.
  const ours = mainCreator === ACTORLENS_IDENTITY;
  if (ours) plan.settledAliases = true;
  c.keepGarbled = ours;
  const removals: NonNullable<ImportPlan['removals']> = { claims: [], overrides: [] };
  for (const { obj } of revokedNotes) {
    const claimId = ours ? readClaimId(own(obj, 'x_actorlens_claim_id')) : undefined;
    const at = isoTimestamp(own(obj, 'modified'));
    if (claimId && at) removals.claims.push({ id: claimId, at });
    else plan.skipped.revoked++;
  }

  // Pass 2: entities.
  const planIdOf = new Map<string, string>();
  const planIds = new Set<string>();
  for (const eo of entityObjects.values()) {
    const entity = readEntity(c, eo, plan.feed, ours);
    if (!entity) continue;
    if (planIds.has(entity.id)) {
      // Two STIX objects carrying the same ATT&CK id: distinct plan ids, so each keeps its own links; the merge
      // step puts them on one entity through the shared id and reports it as a conflict.
      entity.id = `stix:${eo.id}`;
    }
    planIds.add(entity.id);
    planIdOf.set(eo.id, entity.id);
    plan.entities.push(entity);
  }

  // Pass 3: relationships → links and claims.
  const links = new Map<string, Link>();
  const claims = new Map<string, Claim>();
  const linkOfRelationship = new Map<string, string>();
  const defaulted = new Set<string>();
  for (const { index, obj, id } of relationships) {
    const at = `objects[${index}] (${id})`;
    const type = own(obj, 'relationship_type');
    const src = stixRef(own(obj, 'source_ref'));
    const dst = stixRef(own(obj, 'target_ref'));
    if (typeof type !== 'string' || !type) {
      c.error(at, 'relationship_type', 'Missing or non-string relationship_type.');
      continue;
    }
    if (typeof src !== 'string' || !STIX_ID.test(src)) {
      c.error(at, 'source_ref', badRef('source_ref', own(obj, 'source_ref')));
      continue;
    }
    if (typeof dst !== 'string' || !STIX_ID.test(dst)) {
      c.error(at, 'target_ref', badRef('target_ref', own(obj, 'target_ref')));
      continue;
    }
    const mapped = mapStixRelation(type, own(obj, 'x_actorlens_relation'));
    if (!mapped) {
      plan.skipped.unsupported++;
      continue;
    }
    if (skippedIds.has(src) || skippedIds.has(dst)) {
      plan.skipped.orphaned++;
      continue;
    }
    if (!ENTITY_TYPES.has(src.split('--')[0]!) || !ENTITY_TYPES.has(dst.split('--')[0]!)) {
      plan.skipped.unsupported++;
      continue;
    }
    const confidence = c.take(cleanConfidence(own(obj, 'confidence'), c.ctx(at, 'confidence')));
    if (mapped.defaulted && !defaulted.has(type)) {
      defaulted.add(type);
      c.warn(at, 'relationship_type', `Relationship type ${JSON.stringify(type.slice(0, 60))} is not in the ActorLens vocabulary; mapped to "affiliated-with".`);
    }
    const a = planIdOf.get(src) ?? `stix:${src}`;
    const b = planIdOf.get(dst) ?? `stix:${dst}`;
    const [from, to] = mapped.reversed ? [b, a] : [a, b];
    if (from === to) {
      // A link needs two ends; dropping it silently left the reader unable to tell why a relationship vanished.
      c.warn(at, 'target_ref', 'The relationship links an entity to itself; skipped.');
      continue;
    }
    const statusRaw = own(obj, 'x_actorlens_status');
    const status: LinkStatus = typeof statusRaw === 'string' && (LINK_STATUSES as readonly string[]).includes(statusRaw) ? (statusRaw as LinkStatus) : 'active';
    const note = c.take(cleanText(own(obj, 'description'), c.ctx(at, 'description')));
    const override = ours ? readOverride(c, own(obj, 'x_actorlens_override'), at) : undefined;
    const provenance = ours ? readProvenance(c, own(obj, 'x_actorlens_provenance'), at) : [];
    const link = addLink(plan, links, from, mapped.relation, to, {
      status,
      ...(note ? { note } : {}),
      ...(override ? { override } : {}),
      ...(provenance.length ? { provenance } : {}),
    });
    linkOfRelationship.set(id, link.id);
    const cleared = ours && !override ? isoTimestamp(own(obj, 'x_actorlens_override_cleared')) : undefined;
    if (cleared) removals.overrides.push({ link: link.id, at: cleared });
    // Our exports list a relationship's claims in x_actorlens_claims: older ones always (even an empty list), newer
    // ones with their number in x_actorlens_claim_count and no list when there are none (STIX forbids empty lists).
    const listed = own(obj, 'x_actorlens_claims');
    const count = own(obj, 'x_actorlens_claim_count');
    if (ours && (listed !== undefined || count !== undefined)) {
      const listedClaims = readOwnClaims(c, listed, at, link.id, plan.feed);
      const written = Array.isArray(listed) ? listed.length : 0;
      if (typeof count === 'number' && count !== written) {
        c.warn(at, 'x_actorlens_claim_count', `The relationship says it has ${count} claims but lists ${written}; the ${written} listed are read.`);
      }
      for (const claim of listedClaims) addClaim(plan, claims, claim);
      continue;
    }
    const stance: Stance = own(obj, 'x_actorlens_stance') === 'refutes' ? 'refutes' : 'supports';
    // One claim per cited source: ATT&CK often cites several reports for one relationship, each its own evidence.
    // The first keeps the id of the single claim older versions made, so a re-import does not double it.
    relationshipSources(c, obj, at, plan.feed, producer, reportsByRef.get(id), identities, fileName).forEach(({ source, n }) => {
      addClaim(plan, claims, {
        id: n === 0 ? `stix:${id}` : `stix:${id}#${n}`,
        linkId: link.id,
        source,
        stance,
        // In our own exports (older ones, without x_actorlens_claims) the confidence is derived from the very
        // claims it would be added to: the sources come back, their confidence stays unspecified.
        ...(confidence !== undefined && !ours ? { confidence } : {}),
        origin: `import:${plan.feed}`,
        created: isoTimestamp(own(obj, 'created')) ?? now,
      });
    });
  }

  // Pass 4: notes about relationships (annotations exported by ActorLens or another tool) → claims.
  for (const { index, obj, id } of notes) {
    const at = `objects[${index}] (${id})`;
    const refs = own(obj, 'object_refs');
    const target = Array.isArray(refs) ? refs.map(stixRef).find((r): r is string => typeof r === 'string' && linkOfRelationship.has(r)) : undefined;
    if (!target) {
      plan.skipped.unsupported++;
      continue;
    }
    const confidence = c.take(cleanConfidence(own(obj, 'confidence'), c.ctx(at, 'confidence')));
    const content = c.take(cleanText(own(obj, 'content'), c.ctx(at, 'content')));
    // Our own notes hold a summary as content when the claim has no quote: not a quote to bring back.
    const quote = readQuote(c, own(obj, 'x_actorlens_quote'), at, ours) ?? (content && !ours ? { type: 'TextQuoteSelector' as const, exact: content } : undefined);
    const ref = firstReference(own(obj, 'external_references'));
    const source: Source =
      readSource(c, own(obj, 'x_actorlens_source'), at, ours) ??
      (ref ? sourceFromReference(c, ref, at, 'generic') : { title: fileName, ...(producer ? { publisher: producer } : {}) });
    const pageUrl = ours ? recordedUrl(own(obj, 'x_actorlens_page_url')) : cleanUrl(own(obj, 'x_actorlens_page_url'));
    // Re-importing our own export brings the user's annotations back as theirs, under their own ids.
    const ownId = ours ? readClaimId(own(obj, 'x_actorlens_claim_id')) : undefined;
    const updated = ours ? isoTimestamp(own(obj, 'x_actorlens_updated')) : undefined;
    addClaim(plan, claims, {
      id: ownId ?? `stix:${id}`,
      linkId: linkOfRelationship.get(target)!,
      source,
      stance: own(obj, 'x_actorlens_stance') === 'refutes' ? 'refutes' : 'supports',
      ...(confidence !== undefined ? { confidence } : {}),
      ...(quote ? { quote } : {}),
      ...(pageUrl ? { pageUrl } : {}),
      origin: ownId ? USER_ORIGIN : `import:${plan.feed}`,
      created: isoTimestamp(own(obj, 'created')) ?? now,
      ...(updated ? { updated } : {}),
    });
  }
  if (removals.claims.length || removals.overrides.length) plan.removals = removals;
  return c.finish();
}

/**
 * STIX 2.0 bundles may say so ("spec_version": "2.0" on the bundle), but the bundle property is optional in
 * 2.0 and absent in 2.1, where every object must carry its own spec_version instead: objects without one
 * mean 2.0.
 */
function isStix20(bundle: JsonObject, objects: Json[]): boolean {
  const declared = own(bundle, 'spec_version');
  if (declared !== undefined) return declared === '2.0';
  const first = objects.find(isObject);
  return first !== undefined && own(first, 'spec_version') === undefined;
}

/** Why a relationship's end cannot be read, with what the file gives there. */
function badRef(field: 'source_ref' | 'target_ref', raw: Json | undefined): string {
  const got = raw === undefined ? 'it is missing' : typeof raw === 'string' ? `got ${preview(raw)}` : `got ${describeType(raw)}`;
  return `A relationship's ${field} must be the id of a STIX object, such as "malware--" followed by a UUID; ${got}.`;
}

/**
 * A bundle whose objects are of both versions (2.1 ones carry spec_version, 2.0 ones do not: a 2.0 feed merged with
 * a 2.1 one by hand) is valid in neither. Both are read (2.0 labels and 2.1 malware_types alike), and the reader is
 * told, as the preview labels the file by its first object's version.
 */
function mixedVersions(objects: Json[]): string | undefined {
  let v20 = 0;
  let v21 = 0;
  for (const o of objects) {
    if (!isObject(o)) continue;
    if (own(o, 'spec_version') === undefined) v20++;
    else v21++;
  }
  if (!v20 || !v21) return undefined;
  return `This bundle mixes STIX 2.0 objects (${v20}, without "spec_version") and STIX 2.1 objects (${v21}); both are read, each by its own version's properties.`;
}

/** A reference to a STIX object as the ids are kept: lower case (see pass 0). Anything but a string as it is. */
function stixRef(raw: Json | undefined): Json | undefined {
  return typeof raw === 'string' ? raw.toLowerCase() : raw;
}

/** Two copies of one object that say the same thing (key order aside). */
function sameContent(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameContent(v, b[i]!));
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameContent(a[k]!, b[k]!));
}

/** True when `a` is a later timestamp than `b` (both STIX "modified" values; unparseable counts as oldest). */
function isNewer(a: Json | undefined, b: Json | undefined): boolean {
  const ta = typeof a === 'string' ? Date.parse(a) : NaN;
  const tb = typeof b === 'string' ? Date.parse(b) : NaN;
  if (!Number.isFinite(ta)) return false;
  return !Number.isFinite(tb) || ta > tb;
}

/** ATT&CK id series by STIX type: G… groups, S… software, C… campaigns. */
const ATTACK_SERIES: Record<string, string> = { 'intrusion-set': 'G', 'threat-actor': 'G', malware: 'S', tool: 'S', campaign: 'C' };

/**
 * The object's ATT&CK id, only of the series that fits its type: a malware object citing a group id (G0032)
 * would otherwise be merged into that group. An id of another series is ignored with a warning.
 */
function attackIdOf(c: Collector, obj: JsonObject, type: string, at: string): string | undefined {
  const refs = own(obj, 'external_references');
  if (!Array.isArray(refs)) return undefined;
  for (const ref of refs) {
    if (!isObject(ref) || own(ref, 'source_name') !== 'mitre-attack') continue;
    const ext = own(ref, 'external_id');
    if (typeof ext !== 'string' || !ATTACK_ID.test(ext)) continue;
    if (ext[0] === ATTACK_SERIES[type]) return ext;
    c.warn(at, 'external_references', `ATT&CK id ${ext} does not fit a ${type} object (expected ${ATTACK_SERIES[type]}…); ignored.`);
  }
  return undefined;
}

function externalIdsOf(obj: JsonObject, source: string): string[] {
  const refs = own(obj, 'external_references');
  const out: string[] = [];
  if (!Array.isArray(refs)) return out;
  for (const ref of refs) {
    if (!isObject(ref) || own(ref, 'source_name') !== source) continue;
    const ext = own(ref, 'external_id');
    if (typeof ext === 'string' && /^[0-9A-Za-z:._-]{1,80}$/u.test(ext)) out.push(ext);
  }
  return out;
}

function readEntity(c: Collector, { index, obj, id, type }: EntityObject, feed: string, ours: boolean): Entity | undefined {
  const at = `objects[${index}] (${id})`;
  const rawName = own(obj, 'name');
  if (rawName === undefined) {
    c.error(at, 'name', `${/^[aeiou]/i.test(type) ? 'An' : 'A'} ${type} object needs a name: give it a "name".`);
    return undefined;
  }
  const errorsBefore = c.plan.errors.length;
  const name = c.take(cleanName(rawName, c.ctx(at, 'name')));
  if (name === undefined) return undefined;
  if (!nameKey(name)) {
    c.error(at, 'name', `Name ${JSON.stringify(name)} has no letters or digits.`);
    return undefined;
  }
  c.checkLookAlikes(name, at, 'name');
  const usedBy = readUsedBy(c, own(obj, 'x_actorlens_aliases'), at);
  const seen = new Set([name]);
  const aliases: Alias[] = [
    ...readAliases(c, own(obj, 'aliases'), name, at, 'aliases', (n) => usedBy.get(n)?.usedBy, seen),
    ...readAliases(c, own(obj, 'x_mitre_aliases'), name, at, 'x_mitre_aliases', (n) => usedBy.get(n)?.usedBy, seen),
  ].map((a) => (usedBy.get(a.name)?.ambiguous ? { ...a, ambiguous: true } : a));
  const description = c.take(cleanText(own(obj, 'description'), c.ctx(at, 'description')));
  if (c.plan.errors.length > errorsBefore) return undefined;

  const declared = own(obj, 'x_actorlens_kind');
  const kind: EntityKind = typeof declared === 'string' && (ENTITY_KINDS as readonly string[]).includes(declared) && (declared === 'actor') === (type === 'intrusion-set' || type === 'threat-actor')
    ? (declared as EntityKind)
    : type === 'intrusion-set' || type === 'threat-actor' ? 'actor' : type === 'tool' ? 'tool' : isRansomware(obj, name, aliases, description) ? 'ransomware' : 'malware';
  const attack = attackIdOf(c, obj, type, at);
  // Lower-cased like the MISP parser's uuids, or an upper-case reference would never meet its cluster.
  const misp = externalIdsOf(obj, 'misp-galaxy').filter((u) => /^[0-9a-f-]{36}$/iu.test(u)).map((u) => u.toLowerCase());
  const motivation = readMotivation(c, obj, at);
  const countryRaw = own(obj, 'x_actorlens_country');
  const country = typeof countryRaw === 'string' && /^[A-Z]{2}$/u.test(countryRaw) ? countryRaw : undefined;
  // Our exact dates first: a STIX timestamp would turn "2017" into "2017-01-01", a precision never claimed.
  const firstSeen = exactDate(own(obj, 'x_actorlens_first_seen')) ?? isoDate(own(obj, 'first_seen'));
  const lastSeen = exactDate(own(obj, 'x_actorlens_last_seen')) ?? isoDate(own(obj, 'last_seen'));
  // Kept as written (the file is the reader's source), but a range that ends before it starts is worth a word.
  if (seenOutOfOrder(firstSeen, lastSeen)) {
    c.warn(at, 'last_seen', `First seen (${firstSeen}) is later than last seen (${lastSeen}); both are imported as written.`);
  }
  // Our own export: the ActorLens id, STIX ids and provenance it had (its export STIX id is derived, not a source).
  const ownId = ours ? readEntityId(own(obj, 'x_actorlens_id')) : undefined;
  const stix = ours ? readStixIds(own(obj, 'x_actorlens_stix_ids')) : [id];
  const provenance = ours ? readProvenance(c, own(obj, 'x_actorlens_provenance'), at) : [];
  const externalIds = { ...(attack ? { attack: [attack] } : {}), ...(misp.length ? { misp } : {}), ...(stix.length ? { stix } : {}) };
  return {
    id: ownId ?? (attack ? `attack:${attack}` : `stix:${id}`),
    kind,
    name,
    aliases,
    ...(country ? { country } : {}),
    ...(motivation ? { motivation } : {}),
    ...(firstSeen ? { firstSeen } : {}),
    ...(lastSeen ? { lastSeen } : {}),
    ...(description ? { description } : {}),
    ...(own(obj, 'x_actorlens_name_ambiguous') === true ? { nameAmbiguous: true } : {}),
    ...(Object.keys(externalIds).length ? { externalIds } : {}),
    provenance: provenance.length ? provenance : [feed],
  };
}

/**
 * Our own x_actorlens_motivation is free text written by ActorLens ("state-sponsored (suspected sponsor: …)"):
 * read as text, as written (databases from before MAX_MOTIVATION_LENGTH may hold longer ones). STIX primary_motivation is an open-vocabulary token ("organizational-gain"):
 * its hyphens become spaces. Errors name the property actually read.
 */
function readMotivation(c: Collector, obj: JsonObject, at: string): string | undefined {
  const ours = own(obj, 'x_actorlens_motivation');
  if (ours !== undefined) return c.take(cleanText(ours, c.ctx(at, 'x_actorlens_motivation')));
  const raw = own(obj, 'primary_motivation');
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') return c.take(cleanName(raw, c.ctx(at, 'primary_motivation'))) || undefined;
  return c.take(cleanName(raw.replace(/-/gu, ' '), c.ctx(at, 'primary_motivation'))) || undefined;
}

/** "2017", "2017-05" or "2017-05-04" exactly (our x_actorlens_*_seen), else undefined. */
function exactDate(raw: Json | undefined): string | undefined {
  return typeof raw === 'string' && /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/u.test(raw) ? raw : undefined;
}

/** An ActorLens entity id ("lazarus-group", "attack:G0032", "misp:<uuid>", "user:quokkabear"), else undefined. */
function readEntityId(raw: Json | undefined): string | undefined {
  return typeof raw === 'string' && raw.length <= MAX_ID && /^[\p{L}\p{N}][\p{L}\p{N}:._-]*$/u.test(raw) ? raw : undefined;
}

/** A claim id as ActorLens writes them: printable, no surrounding space, at most MAX_ID characters. */
function readClaimId(raw: Json | undefined): string | undefined {
  // eslint-disable-next-line no-control-regex
  return typeof raw === 'string' && raw.length <= MAX_ID && raw.trim() === raw && raw !== '' && !/[\u0000-\u001f\u007f-\u009f]/u.test(raw) ? raw : undefined;
}

function readStixIds(raw: Json | undefined): string[] {
  return Array.isArray(raw) ? [...new Set(raw.filter((v): v is string => typeof v === 'string' && STIX_ID.test(v)).map((v) => v.toLowerCase()))] : [];
}

/** Provenance labels of our own export ("bundled", "attack", "misp:threat-actor", "stix:<producer>", "user"). */
function readProvenance(c: Collector, raw: Json | undefined, at: string): string[] {
  if (!Array.isArray(raw)) return [];
  const out = raw.flatMap((v, i) => {
    const label = typeof v === 'string' ? c.take(cleanText(v, c.ctx(`${at}.x_actorlens_provenance[${i}]`, 'x_actorlens_provenance'))) : undefined;
    return label && label.length <= MAX_NAME_LENGTH ? [label] : [];
  });
  return [...new Set(out)];
}

/**
 * The analyst override of our own export: confidence 0–100, reason, time. The reason is the reader's text, read as
 * the repository stores it (readerReason), like their claims: cleaned as a feed's description it lost its links,
 * anything between angle brackets, its blank lines and all past 4000 characters on every restore.
 */
function readOverride(c: Collector, raw: Json | undefined, at: string): Link['override'] {
  if (!isObject(raw)) return undefined;
  const confidence = c.take(cleanConfidence(own(raw, 'confidence'), c.ctx(at, 'x_actorlens_override.confidence')));
  if (confidence === undefined) return undefined;
  const reason = readerReason(recordedText(c, own(raw, 'reason'), at, 'x_actorlens_override.reason') ?? '');
  const when = isoTimestamp(own(raw, 'at'));
  return when ? { confidence, reason, at: when } : undefined;
}

/** Claim origins other than the user's (those come back from notes): "bundled" or "import:<feed>". */
function readOrigin(raw: Json | undefined, feed: string): string {
  // eslint-disable-next-line no-control-regex
  return typeof raw === 'string' && (raw === 'bundled' || /^import:[^\u0000-\u001f]{1,200}$/u.test(raw)) ? raw : `import:${feed}`;
}

/** The non-user claims of a relationship of our own export, whole: ids, origins, sources, quotes, dates. */
function readOwnClaims(c: Collector, raw: Json | undefined, at: string, linkIdValue: string, feed: string): Claim[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item, i) => {
    const path = `${at}.x_actorlens_claims[${i}]`;
    if (!isObject(item)) return [];
    const id = readClaimId(own(item, 'id'));
    const source = readSource(c, own(item, 'source'), path, true);
    if (!id || !source) {
      c.warn(path, 'x_actorlens_claims', 'A claim without a usable id or source; skipped.');
      return [];
    }
    const confidence = c.take(cleanConfidence(own(item, 'confidence'), c.ctx(path, 'confidence')));
    const quote = readQuote(c, own(item, 'quote'), path, true);
    const pageUrl = recordedUrl(own(item, 'pageUrl'));
    const updated = isoTimestamp(own(item, 'updated'));
    return [
      {
        id,
        linkId: linkIdValue,
        source,
        stance: own(item, 'stance') === 'refutes' ? 'refutes' : 'supports',
        ...(confidence !== undefined ? { confidence } : {}),
        ...(quote ? { quote } : {}),
        origin: readOrigin(own(item, 'origin'), feed),
        ...(pageUrl ? { pageUrl } : {}),
        created: isoTimestamp(own(item, 'created')) ?? EPOCH,
        ...(updated ? { updated } : {}),
      } satisfies Claim,
    ];
  });
}

function readUsedBy(c: Collector, raw: Json | undefined, at: string): Map<string, { usedBy?: string; ambiguous?: boolean }> {
  const out = new Map<string, { usedBy?: string; ambiguous?: boolean }>();
  if (!Array.isArray(raw)) return out;
  raw.forEach((item, i) => {
    if (!isObject(item)) return;
    const name = own(item, 'name');
    if (typeof name !== 'string') return;
    const by = own(item, 'usedBy');
    const usedBy = by === undefined ? undefined : c.take(cleanName(by, c.ctx(`${at}.x_actorlens_aliases[${i}]`, 'usedBy')));
    // By the exact writing, as aliases are kept (import-merge.ts): "Hidden Cobra" beside the annotated "HIDDEN COBRA"
    // must not come back with its "used by". Whitespace as cleanName leaves it, so the lookup finds the alias read.
    out.set(name.replace(/\s+/gu, ' ').trim(), { ...(usedBy ? { usedBy } : {}), ...(own(item, 'ambiguous') === true ? { ambiguous: true } : {}) });
  });
  return out;
}

function isRansomware(obj: JsonObject, name: string, aliases: Alias[], description: string | undefined): boolean {
  const types = [own(obj, 'malware_types'), own(obj, 'labels')].flatMap((v) => (Array.isArray(v) ? v : []));
  if (types.some((t) => t === 'ransomware')) return true;
  if ([name, ...aliases.map((a) => a.name)].some((n) => /ransom/iu.test(n))) return true;
  const first = description?.split(/(?<=\.)\s/u)[0] ?? '';
  return /\b(?:is|was)\s+(?:a|an)?\s*(?:[\w-]+\s+){0,3}ransomware\b/iu.test(first);
}

/** External references that cite a source (not the ATT&CK or MISP id entries), in file order. */
function citations(raw: Json | undefined): JsonObject[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (r): r is JsonObject =>
      isObject(r) &&
      own(r, 'source_name') !== 'mitre-attack' &&
      own(r, 'source_name') !== 'misp-galaxy' &&
      (typeof own(r, 'url') === 'string' || typeof own(r, 'description') === 'string'),
  );
}

function firstReference(raw: Json | undefined): JsonObject | undefined {
  return citations(raw)[0];
}

/** "Author. (2012, September 6). Title. Retrieved …" → "2012-09-06". */
function citationDate(text: string): string | undefined {
  const m = /\((\d{4})(?:,\s*([A-Za-z]+)(?:\s+(\d{1,2}))?)?\)/u.exec(text);
  if (!m) return undefined;
  const month = m[2] ? MONTHS.indexOf(m[2].toLowerCase()) + 1 : 0;
  if (!month) return m[1];
  const mm = String(month).padStart(2, '0');
  return m[3] ? `${m[1]}-${mm}-${m[3].padStart(2, '0')}` : `${m[1]}-${mm}`;
}

function sourceFromReference(c: Collector, ref: JsonObject, at: string, style: 'attack' | 'generic'): Source {
  const sourceName = c.take(cleanText(own(ref, 'source_name'), c.ctx(at, 'external_references.source_name')));
  const description = c.take(cleanText(own(ref, 'description'), c.ctx(at, 'external_references.description')));
  const url = cleanUrl(own(ref, 'url'));
  const title = (description ?? sourceName ?? url ?? 'Untitled reference').slice(0, 500);
  const date = style === 'attack' && description ? citationDate(description) : undefined;
  const publisher = style === 'attack' ? 'MITRE ATT&CK' : sourceName?.slice(0, 200);
  return { title, ...(publisher ? { publisher } : {}), ...(date ? { date } : {}), ...(url ? { url } : {}) };
}

/**
 * The sources of a relationship, each with its position `n` among the relationship's citations (stable claim
 * ids): every citing external reference (a reference repeated word for word counts once), or else the report
 * that contains the relationship, or else the feed itself.
 */
function relationshipSources(
  c: Collector,
  obj: JsonObject,
  at: string,
  feed: string,
  producer: string | undefined,
  report: JsonObject | undefined,
  identities: Map<string, string>,
  fileName: string,
): { source: Source; n: number }[] {
  const seen = new Set<string>();
  const cited = citations(own(obj, 'external_references')).flatMap((ref, n) => {
    const source = sourceFromReference(c, ref, at, feed === 'attack' ? 'attack' : 'generic');
    const key = JSON.stringify(source);
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ source, n }];
  });
  return cited.length ? cited : [{ source: fallbackSource(c, at, feed, producer, report, identities, fileName), n: 0 }];
}

function fallbackSource(
  c: Collector,
  at: string,
  feed: string,
  producer: string | undefined,
  report: JsonObject | undefined,
  identities: Map<string, string>,
  fileName: string,
): Source {
  if (report) {
    const title = c.take(cleanText(own(report, 'name'), c.ctx(at, 'report.name'))) ?? fileName;
    const creator = stixRef(own(report, 'created_by_ref'));
    const publisher = (typeof creator === 'string' ? identities.get(creator) : undefined) ?? producer;
    const date = isoDate(own(report, 'published'));
    const url = cleanUrl(firstReference(own(report, 'external_references')) && own(firstReference(own(report, 'external_references'))!, 'url'));
    return { title, ...(publisher ? { publisher } : {}), ...(date ? { date } : {}), ...(url ? { url } : {}) };
  }
  return { title: feed === 'attack' ? 'MITRE ATT&CK' : fileName, ...(producer ? { publisher: producer } : feed === 'attack' ? { publisher: 'MITRE ATT&CK' } : {}) };
}

/**
 * A quote. In our own export it is read as the repository stores the reader's selection (readerQuote): a passage
 * cut at 4000 characters would come back shorter than it left. Elsewhere the description limit applies. Either way
 * a cut passage loses its suffix, which no longer follows it.
 */
function readQuote(c: Collector, raw: Json | undefined, at: string, ours: boolean): TextQuoteSelector | undefined {
  if (!isObject(raw)) return undefined;
  const text = (field: string, blankOk = false) =>
    ours
      ? recordedText(c, own(raw, field), at, `x_actorlens_quote.${field}`, blankOk)
      : c.take(cleanText(own(raw, field), c.ctx(at, `x_actorlens_quote.${field}`), 'verbatim'));
  const exact = text('exact');
  if (!exact) return undefined;
  // The context the reader's selection was recorded with is theirs as it was: a passage at the end of a paragraph or
  // of the page has a suffix of only a line break, which the repository keeps and a restore must keep too.
  const prefix = text('prefix', true);
  const suffix = text('suffix', true);
  const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
  if (ours) return readerQuote(quote);
  const whole = own(raw, 'exact');
  if (!suffix || typeof whole !== 'string' || stripControls(whole).length <= exact.length) return quote;
  const { suffix: _suffix, ...cut } = quote;
  return cut;
}

/**
 * Text of our own export as the reader recorded it (reader-input.ts): markup stays (it is plain text, shown as
 * text), control characters go; lengths are left to readerSource and readerQuote.
 */
function recordedText(c: Collector, raw: Json | undefined, at: string, field: string, blankOk = false): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') {
    c.error(at, field, `Expected text, got ${describeType(raw)}.`);
    return undefined;
  }
  const text = stripControls(raw);
  return (blankOk ? text : text.trim()) ? text : undefined;
}

/**
 * A page or source address of our own export, as recorded: up to MAX_URL characters and, besides http(s), file:
 * (a report read from disk). Not normalised, so a re-import into the same data finds the claim unchanged.
 */
function recordedUrl(raw: Json | undefined): string | undefined {
  if (typeof raw !== 'string' || !raw || raw.length > MAX_URL || raw.trim() !== raw || hasInvisible(raw)) return undefined;
  try {
    const parsed = new URL(raw);
    // A .onion address is kept: the reader recorded it (a leak site or a forum is where a claim is often read), and
    // dropping it lost their annotation's source on every restore (audit J, finding 2).
    if (!RECORDED_SCHEMES.has(parsed.protocol)) return undefined;
    return raw;
  } catch {
    return undefined;
  }
}

const RECORDED_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'file:']);

/**
 * The full Source of an ActorLens export (x_actorlens_source), validated field by field. In our own export the
 * fields are read as the repository stored them (readerSource): a title with "<b>" or "(Citation: …)" in it is the
 * reader's, and a 3000-character address is still theirs.
 */
function readSource(c: Collector, raw: Json | undefined, at: string, ours: boolean): Source | undefined {
  if (!isObject(raw)) return undefined;
  const text = (field: string) =>
    ours ? recordedText(c, own(raw, field), at, `x_actorlens_source.${field}`) : c.take(cleanText(own(raw, field), c.ctx(at, `x_actorlens_source.${field}`)));
  const title = text('title');
  if (!title?.trim()) return undefined;
  const publisher = text('publisher');
  const author = text('author');
  const basedOn = text('basedOn');
  const date = ours ? text('date') : isoDate(own(raw, 'date'));
  const url = ours ? recordedUrl(own(raw, 'url')) : cleanUrl(own(raw, 'url'));
  const rel = own(raw, 'reliability');
  const reliability = typeof rel === 'string' && (RELIABILITIES as readonly string[]).includes(rel) ? (rel as Reliability) : undefined;
  const source: Source = {
    title,
    ...(publisher ? { publisher } : {}),
    ...(author ? { author } : {}),
    ...(basedOn ? { basedOn } : {}),
    ...(date ? { date } : {}),
    ...(url ? { url } : {}),
    ...(reliability ? { reliability } : {}),
  };
  return ours ? readerSource(source) : source;
}
