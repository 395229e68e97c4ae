/**
 * MISP galaxy cluster file parser (pure): { type, name, values: [{ value, uuid, description, meta, related }] }.
 * Kind comes from the galaxy type; related[] entries become links whose confidence comes from the
 * estimative-language likelihood tag (no tag → unspecified, never 0).
 */
import { nameKey } from '../db/keys';
import { MISP_LIKELIHOOD } from '../model/confidence';
import type { Entity, EntityKind } from '../model/entity';
import type { Claim, Link, Source } from '../model/link';
import { addClaim, addLink, Collector, readAliases } from './common';
import { mapMispRelation } from './relations';
import { checkTree, cleanName, cleanText, describeType, isObject, isoDate, own, preview, type Json, type JsonObject } from './sanitize';
import { emptyPlan, MAX_MOTIVATION_LENGTH, type ImportPlan } from './types';
import type { ParseOptions } from './stix';

/** Galaxy type → entity kind. Types not listed are rejected (the file is not about actors or software). */
export const MISP_GALAXY_KINDS: Record<string, EntityKind> = {
  'threat-actor': 'actor',
  'mitre-intrusion-set': 'actor',
  'microsoft-activity-group': 'actor',
  malpedia: 'malware',
  'mitre-malware': 'malware',
  backdoor: 'malware',
  banker: 'malware',
  botnet: 'malware',
  rat: 'malware',
  stealer: 'malware',
  android: 'malware',
  tool: 'tool',
  'mitre-tool': 'tool',
  ransomware: 'ransomware',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const LIKELIHOOD_TAG = /^estimative-language:likelihood-probability="([a-z-]+)"$/u;
const ATTACK_ID = /^[GS]\d{4}$/u;
/** Producer uuids of MISP clusters/producer.json that name-attribution entries point to. */
const PRODUCERS: Record<string, string> = { 'd0c33595-b684-45ef-91c3-e2f5ce1a8191': 'Microsoft' };

/**
 * "state-sponsored (suspected sponsor: <sponsor>)", the sponsor cut so the whole stays within
 * MAX_MOTIVATION_LENGTH: a 200-character sponsor (allowed as a name) must not make a motivation that other
 * readers, our own STIX re-import among them, refuse.
 */
function sponsoredMotivation(sponsor: string): string {
  const head = 'state-sponsored (suspected sponsor: ';
  const room = MAX_MOTIVATION_LENGTH - head.length - 1;
  const cut = sponsor.length > room ? `${sponsor.slice(0, room - 1).trimEnd()}…` : sponsor;
  return `${head}${cut})`;
}

/**
 * The relation type as it appears in a claim id. Ordinary types ("similar", "uses") stay as written, so claims
 * imported before keep their ids and a re-import does not double them. A type that is long or not printable becomes
 * a fixed-length digest: written out, it made claim ids longer than a backup or our own STIX re-import accepts.
 */
export function relationKey(relType: string): string {
  const type = relType.trim().toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (type.length <= MAX_ID_RELATION_TYPE && !/[\u0000-\u001f\u007f-\u009f]/u.test(type)) return type;
  return `type-digest-${digest(type)}`;
}

/** Longest relation type written out in a claim id; "misp:<uuid>:<type>:<uuid>" then stays within MAX_ID. */
const MAX_ID_RELATION_TYPE = 100;

/** 64 bits of two FNV-1a hashes (different offsets), as 16 hex digits: an id, not a security measure. */
function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * Malpedia lists every family as malware, offensive-security tools too (SharpHound, "a C# Data Collector for
 * BloodHound"; SharpWMI, JuicyPotato, Venom Proxy, Yasso). A family whose description presents it as a tool for
 * penetration testers or red teams, or by its GitHub repository, and says nothing of malware, a backdoor, an implant,
 * a custom build or threat actors, is imported as a tool (audit S, finding 4: SharpHound was shown as malware). Another
 * feed's typing still wins in the merge (ATT&CK's, import-merge.ts).
 */
const TESTER_TOOL = /penetration[- ]test|pentest|red[- ]team|adversar(?:y|ial)[- ](?:emulation|simulation)|\b(?:its|the) github repo/iu;
const MALWARE_WORDS = /malware|malicious|backdoor|trojan|\bRATs?\b|ransomware|stealer|implant|custom|threat actors?|spyware|botnet|wiper|loader/iu;
export function isTesterTool(description: string): boolean {
  return TESTER_TOOL.test(description) && !MALWARE_WORDS.test(description);
}

/** Heuristic: does this parsed JSON look like a MISP galaxy cluster file? */
export function looksLikeMispGalaxy(json: unknown): boolean {
  return isObject(json) && Array.isArray(own(json, 'values')) && typeof own(json, 'type') === 'string';
}

export function parseMispGalaxy(json: unknown, fileName: string, options: ParseOptions = {}): ImportPlan {
  const plan = emptyPlan('misp-galaxy', fileName, 'misp');
  const c = new Collector(plan);
  const now = (options.now ?? new Date()).toISOString();
  if (!looksLikeMispGalaxy(json) || !isObject(json)) {
    c.error('', 'values', 'Not a MISP galaxy cluster file: expected a JSON object with "type" and a "values" array.');
    return plan;
  }
  if (!options.treeChecked) {
    plan.errors.push(...checkTree(json, fileName));
    if (plan.errors.length) return plan;
  }
  const type = String(own(json, 'type')).trim();
  const kind = Object.prototype.hasOwnProperty.call(MISP_GALAXY_KINDS, type) ? MISP_GALAXY_KINDS[type] : undefined;
  if (!kind) {
    c.error('', 'type', `Unsupported galaxy type ${JSON.stringify(type.slice(0, 60))}: ActorLens imports ${Object.keys(MISP_GALAXY_KINDS).join(', ')}.`);
    return plan;
  }
  plan.feed = `misp:${type}`;
  const galaxyName = c.take(cleanName(own(json, 'name') ?? type, c.ctx('', 'name'))) || type;
  // An instance's export may hold the analyst's own clusters, which the public repository's file does not.
  const source: Source = options.instanceExport
    ? { title: `MISP galaxy: ${galaxyName} (exported from a MISP instance)`, publisher: 'MISP' }
    : { title: `MISP galaxy: ${galaxyName}`, publisher: 'MISP galaxy', url: `https://github.com/MISP/misp-galaxy/blob/main/clusters/${type}.json` };

  const values = own(json, 'values') as unknown[];
  const seenUuids = new Map<string, number>();
  const links = new Map<string, Link>();
  const claims = new Map<string, Claim>();
  const defaulted = new Set<string>();

  values.forEach((value, i) => {
    const path = `values[${i}]`;
    if (!isObject(value)) {
      c.error(path, '', `Each galaxy value must be a JSON object, got ${describeType(value)}.`);
      return;
    }
    const uuidRaw = own(value, 'uuid');
    if (typeof uuidRaw !== 'string' || !UUID.test(uuidRaw)) {
      c.error(path, 'uuid', badUuid('A cluster', 'uuid', uuidRaw));
      return;
    }
    const uuid = uuidRaw.toLowerCase();
    const first = seenUuids.get(uuid);
    if (first !== undefined) {
      // Which copy counts, and whether the two differ: a galaxy file edited by hand may hold an old and a new version.
      const same = sameValue(values[first], value);
      c.warn(
        path,
        'uuid',
        `Duplicate uuid ${uuid}, already used by values[${first}]${same ? ' (an identical copy)' : ` with different content (there ${preview(String(own(values[first] as JsonObject, 'value') ?? ''), 40)}, here ${preview(String(own(value, 'value') ?? ''), 40)})`}: the first is read and this value is skipped.`,
      );
      return;
    }
    seenUuids.set(uuid, i);
    const errorsBefore = plan.errors.length;
    const name = c.take(cleanName(own(value, 'value'), c.ctx(path, 'value')));
    if (name === undefined) return;
    if (!nameKey(name)) {
      c.warn(path, 'value', `Name ${JSON.stringify(name)} has no letters or digits; value skipped.`);
      return;
    }
    c.checkLookAlikes(name, path, 'value');
    const metaRaw = own(value, 'meta');
    if (metaRaw !== undefined && !isObject(metaRaw)) {
      c.error(path, 'meta', `"meta" must be an object, got ${describeType(metaRaw)}.`);
      return;
    }
    const meta: JsonObject = metaRaw ?? {};
    const mpath = `${path}.meta`;

    // Who uses which alias: "origin:<alias>": "<vendor>" keys and name-attribution "<alias>:<producer uuid>".
    const usedBy = new Map<string, string>();
    for (const key of Object.keys(meta)) {
      const by = meta[key];
      if (key.startsWith('origin:') && typeof by === 'string') {
        const vendor = c.take(cleanName(by, c.ctx(`${mpath}["${key.slice(0, 60)}"]`, key.slice(0, 60))));
        if (vendor) usedBy.set(nameKey(key.slice(7)), vendor);
      }
    }
    const attribution = own(meta, 'name-attribution');
    if (Array.isArray(attribution)) {
      for (const entry of attribution) {
        if (typeof entry !== 'string') continue;
        const cut = entry.lastIndexOf(':');
        // The producer is the file's text: "constructor" must not find Object's own constructor in the table.
        const producer = entry.slice(cut + 1).toLowerCase();
        const vendor = Object.prototype.hasOwnProperty.call(PRODUCERS, producer) ? PRODUCERS[producer] : undefined;
        if (cut > 0 && vendor && !usedBy.has(nameKey(entry.slice(0, cut)))) usedBy.set(nameKey(entry.slice(0, cut)), vendor);
      }
    }
    const synonymsRaw = own(meta, 'synonyms');
    // ATT&CK ids listed as synonyms ("G0032") are identifiers, not names to spot.
    const aliases = readAliases(c, synonymsRaw, name, mpath, 'synonyms', (n) => usedBy.get(nameKey(n))).filter((a) => !ATTACK_ID.test(a.name));
    const description = c.take(cleanText(own(value, 'description'), c.ctx(path, 'description')));

    const refs = own(meta, 'refs');
    if (refs !== undefined) {
      if (!Array.isArray(refs)) c.error(mpath, 'refs', `"refs" must be a list of URLs, got ${describeType(refs)}.`);
      else refs.forEach((ref, j) => {
        if (typeof ref !== 'string') c.error(`${mpath}.refs[${j}]`, 'refs', `A reference must be a URL string, got ${describeType(ref)}.`);
      });
    }
    const countryRaw = own(meta, 'country');
    let country: string | undefined;
    if (countryRaw !== undefined) {
      if (typeof countryRaw !== 'string') c.error(mpath, 'country', `"country" must be a string, got ${describeType(countryRaw)}.`);
      else if (/^[A-Za-z]{2}$/u.test(countryRaw.trim())) country = countryRaw.trim().toUpperCase();
      else if (countryRaw.trim()) c.warn(mpath, 'country', `Country ${JSON.stringify(countryRaw.slice(0, 40))} is not an ISO 3166 alpha-2 code; ignored.`);
    }
    const sponsorRaw = own(meta, 'cfr-suspected-state-sponsor');
    let sponsor: string | undefined;
    if (sponsorRaw !== undefined) {
      if (typeof sponsorRaw !== 'string') c.error(mpath, 'cfr-suspected-state-sponsor', `Expected a string, got ${describeType(sponsorRaw)}.`);
      else sponsor = c.take(cleanName(sponsorRaw, c.ctx(mpath, 'cfr-suspected-state-sponsor')));
    }
    const motiveRaw = own(meta, 'motive');
    const motive = typeof motiveRaw === 'string' ? c.take(cleanName(motiveRaw, c.ctx(mpath, 'motive'))) : undefined;
    const motivation = motive || (sponsor && !/^unknown$/iu.test(sponsor) ? sponsoredMotivation(sponsor) : undefined);
    const firstSeen = isoDate(own(meta, 'since'));
    if (plan.errors.length > errorsBefore) return;

    const id = `misp:${uuid}`;
    plan.entities.push({
      id,
      kind: type === 'malpedia' && description && isTesterTool(description) ? 'tool' : kind,
      name,
      aliases,
      ...(country ? { country } : {}),
      ...(motivation ? { motivation } : {}),
      ...(firstSeen ? { firstSeen } : {}),
      ...(description ? { description } : {}),
      externalIds: { misp: [uuid] },
      provenance: [plan.feed],
    });

    const related = own(value, 'related');
    if (related === undefined) return;
    if (!Array.isArray(related)) {
      c.error(path, 'related', `"related" must be a list, got ${describeType(related)}.`);
      return;
    }
    related.forEach((rel, j) => {
      const rpath = `${path}.related[${j}]`;
      if (!isObject(rel)) {
        c.error(rpath, '', `Each related entry must be an object, got ${describeType(rel)}.`);
        return;
      }
      const dest = own(rel, 'dest-uuid');
      const relType = own(rel, 'type');
      if (typeof dest !== 'string' || !UUID.test(dest)) {
        c.error(rpath, 'dest-uuid', badUuid('A related entry', 'dest-uuid', dest));
        return;
      }
      if (typeof relType !== 'string' || !relType.trim()) {
        c.error(rpath, 'type', 'Missing or non-string relation type.');
        return;
      }
      const tags = own(rel, 'tags');
      if (tags !== undefined && (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string'))) {
        c.error(rpath, 'tags', '"tags" must be a list of strings.');
        return;
      }
      const mapped = mapMispRelation(relType);
      if (!mapped) {
        plan.skipped.unsupported++;
        return;
      }
      if (mapped.defaulted && !defaulted.has(relType.trim())) {
        defaulted.add(relType.trim());
        c.warn(rpath, 'type', `Relation type ${JSON.stringify(relType.slice(0, 60))} is not in the ActorLens vocabulary; mapped to "affiliated-with".`);
      }
      let confidence: number | undefined;
      for (const tag of (tags as string[] | undefined) ?? []) {
        const m = LIKELIHOOD_TAG.exec(tag.trim());
        if (!m) continue;
        const v = MISP_LIKELIHOOD[m[1]!];
        if (v === undefined || !Object.prototype.hasOwnProperty.call(MISP_LIKELIHOOD, m[1]!)) {
          c.warn(rpath, 'tags', `Unknown likelihood ${JSON.stringify(m[1])}; confidence left unspecified.`);
        } else confidence = v;
      }
      const other = `misp:${dest.toLowerCase()}`;
      const [from, to] = mapped.reversed ? [other, id] : [id, other];
      if (from === to) {
        c.warn(rpath, 'dest-uuid', 'The value is related to itself; skipped.');
        return;
      }
      const link = addLink(plan, links, from, mapped.relation, to);
      addClaim(plan, claims, {
        id: `misp:${uuid}:${relationKey(relType)}:${dest.toLowerCase()}`,
        linkId: link.id,
        source,
        stance: 'supports',
        ...(confidence !== undefined ? { confidence } : {}),
        origin: `import:${plan.feed}`,
        created: now,
      });
    });
  });
  addBareNames(plan.entities);
  return c.finish();
}

/**
 * Malpedia names a family per platform or language ("SystemBC (Windows)", "SysJoker (ELF)", "GolangGhost (OS X)",
 * "Ares (Python)"), but reports write the bare name: without it as an alias such a family was never spotted.
 * Descriptors that are no platform ("Locky (Decryptor)", "KillDisk (Lazarus)") name something else than the bare
 * family and are left alone.
 */
const PLATFORM_SUFFIX = /^(.+) \((Windows|ELF|OS X|macOS|Linux|Android|iOS|symbian|JavaScript|PowerShell|Python|VBScript|\.NET|AutoIT)\)$/iu;
/** The platform whose variant a bare mention reads as when a family has several: reports are mostly about Windows. */
const PLATFORM_RANK = ['windows', 'elf', 'linux', 'os x', 'macos', 'android', 'ios'];
/** Malpedia's placeholders ("Unidentified 061 (ELF)"): the bare part names no family. */
const PLACEHOLDER = /^Unidentified\b/iu;

/** "SystemBC (Windows)" → SystemBC and Windows; undefined for a name that is no platform variant of a family. */
export function platformVariant(name: string): { bare: string; platform: string } | undefined {
  const m = PLATFORM_SUFFIX.exec(name);
  const bare = m?.[1]?.trim();
  return bare && !PLACEHOLDER.test(bare) ? { bare, platform: m![2]! } : undefined;
}

/**
 * Adds the bare name of platform variants as an alias, to one variant per name: the first by PLATFORM_RANK, then by
 * the file's order. Giving it to every variant would leave the matcher's choice among them to the order of the
 * entities' ids; the other variants stay reachable by their full names. A bare name that is itself a value of the
 * file ("BeaverTail" beside "BeaverTail (Javascript)") is that value's.
 */
export function addBareNames(entities: Entity[]): void {
  const names = new Set(entities.map((e) => nameKey(e.name)));
  const best = new Map<string, { entity: Entity; bare: string; rank: number }>();
  for (const entity of entities) {
    const variant = platformVariant(entity.name);
    if (!variant) continue;
    const { bare, platform } = variant;
    const key = nameKey(bare);
    if (!key || names.has(key)) continue;
    const r = PLATFORM_RANK.indexOf(platform.toLowerCase());
    const rank = r < 0 ? PLATFORM_RANK.length : r;
    const seen = best.get(key);
    if (!seen || rank < seen.rank) best.set(key, { entity, bare, rank });
  }
  for (const { entity, bare } of best.values()) {
    if (!entity.aliases.some((a) => a.name === bare)) entity.aliases.push({ name: bare });
  }
}

/** Why a cluster's or a relation's uuid cannot be read, with what the file gives there. */
function badUuid(what: string, field: string, raw: Json | undefined): string {
  const got = raw === undefined ? 'it is missing' : typeof raw === 'string' ? `got ${preview(raw)}` : `got ${describeType(raw)}`;
  return `${what} needs a "${field}" that is a UUID (such as "7cdff317-a673-4474-84ec-4f1754947823"); ${got}.`;
}

/** Two galaxy values that say the same thing, key order aside. */
function sameValue(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}
