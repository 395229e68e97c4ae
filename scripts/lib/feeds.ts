/**
 * Minimal feed loader for the CLI scripts (eval, scan, bench): MISP galaxy clusters and ATT&CK STIX 2.x bundles
 * → Entity[]. Stand-in for src/core/importers (being written separately); keep callers on `loadFeedEntities` /
 * `loadFeedFile` so this file can be swapped for the real importers later. Reads files in place; copies nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Alias, Entity, EntityKind } from '../../src/core/model/entity';

interface MispValue {
  value?: unknown;
  uuid?: unknown;
  meta?: { synonyms?: unknown };
}
interface MispCluster {
  type?: unknown;
  name?: unknown;
  values?: unknown;
}
interface StixObject {
  type?: unknown;
  id?: unknown;
  name?: unknown;
  aliases?: unknown;
  x_mitre_aliases?: unknown;
  revoked?: unknown;
  x_mitre_deprecated?: unknown;
  external_references?: unknown;
}

/** MISP galaxy cluster `type` → entity kind. */
const MISP_KINDS: Record<string, EntityKind> = {
  'threat-actor': 'actor',
  malpedia: 'malware',
  tool: 'tool',
  ransomware: 'ransomware',
  'mitre-intrusion-set': 'actor',
  'mitre-malware': 'malware',
  'mitre-tool': 'tool',
};

const STIX_KINDS: Record<string, EntityKind> = { 'intrusion-set': 'actor', 'threat-actor': 'actor', malware: 'malware', tool: 'tool' };

/** Feed names carry stray spaces and punctuation ("APT-Q-27,", " Daggerfly"); trim them. */
export function cleanName(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.replace(/\s+/g, ' ').trim().replace(/^[,;:.]+|[,;:]+$/g, '').trim();
  return s.length > 0 ? s : undefined;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function buildAliases(canonical: string, names: Iterable<string>): Alias[] {
  const seen = new Set([canonical]);
  const out: Alias[] = [];
  for (const n of names) {
    const c = cleanName(n);
    if (c === undefined || seen.has(c)) continue;
    seen.add(c);
    out.push({ name: c });
  }
  return out;
}

/** Entities of one MISP galaxy cluster file (parsed JSON). */
export function entitiesFromMispCluster(json: MispCluster, fallbackType?: string): Entity[] {
  const type = typeof json.type === 'string' ? json.type : fallbackType ?? '';
  const kind = MISP_KINDS[type];
  if (!kind || !Array.isArray(json.values)) return [];
  const out: Entity[] = [];
  for (const v of json.values as MispValue[]) {
    const name = cleanName(v.value);
    if (!name) continue;
    const uuid = typeof v.uuid === 'string' ? v.uuid : name;
    out.push({
      id: `misp:${uuid}`,
      kind,
      name,
      aliases: buildAliases(name, strings(v.meta?.synonyms)),
      externalIds: { misp: [uuid] },
      provenance: [`misp:${type}`],
    });
  }
  return out;
}

/** Entities of a STIX 2.0/2.1 bundle: intrusion-set / threat-actor / malware / tool; revoked and deprecated skipped. */
export function entitiesFromStixBundle(json: { objects?: unknown }): Entity[] {
  if (!Array.isArray(json.objects)) return [];
  const out: Entity[] = [];
  for (const o of json.objects as StixObject[]) {
    const kind = typeof o.type === 'string' ? STIX_KINDS[o.type] : undefined;
    if (!kind || o.revoked === true || o.x_mitre_deprecated === true) continue;
    const name = cleanName(o.name);
    if (!name || typeof o.id !== 'string') continue;
    const attack = Array.isArray(o.external_references)
      ? (o.external_references as { source_name?: unknown; external_id?: unknown }[])
          .filter((r) => r.source_name === 'mitre-attack' && typeof r.external_id === 'string')
          .map((r) => r.external_id as string)
      : [];
    out.push({
      id: attack[0] ? `attack:${attack[0]}` : `stix:${o.id}`,
      kind,
      name,
      aliases: buildAliases(name, [...strings(o.aliases), ...strings(o.x_mitre_aliases)]),
      externalIds: { stix: [o.id], ...(attack.length ? { attack } : {}) },
      provenance: ['attack'],
    });
  }
  return out;
}

/** Load one MISP galaxy cluster or STIX bundle file. Throws with a clear message when it is neither. */
export function loadFeedFile(path: string): Entity[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read feed ${path}: ${(e as Error).message}`, { cause: e });
  }
  if (json && typeof json === 'object') {
    const j = json as Record<string, unknown>;
    if (j.type === 'bundle' || Array.isArray(j.objects)) return entitiesFromStixBundle(j);
    if (Array.isArray(j.values)) {
      const res = entitiesFromMispCluster(j as MispCluster);
      if (res.length || (j.values as unknown[]).length === 0) return res;
      throw new Error(`feed ${path}: MISP galaxy type ${String(j.type)} is not one ActorLens maps to actors or software`);
    }
  }
  throw new Error(`feed ${path}: neither a MISP galaxy cluster (values[]) nor a STIX bundle (objects[])`);
}

export const FEED_FILES = [
  'misp-galaxy/threat-actor.json',
  'misp-galaxy/malpedia.json',
  'misp-galaxy/tool.json',
  'misp-galaxy/ransomware.json',
  'attack/enterprise-groups-software.json',
] as const;

/**
 * All public feed entities under `dir` (normally ../shared/data). Missing files are skipped; `missing` lists them.
 * Order: ATT&CK first, then MISP threat-actor, malpedia, tool, ransomware (earlier entities win ties in the matcher).
 */
export function loadFeedEntities(dir: string): { entities: Entity[]; missing: string[] } {
  const order = ['attack/enterprise-groups-software.json', ...FEED_FILES.filter((f) => !f.startsWith('attack/'))];
  const entities: Entity[] = [];
  const missing: string[] = [];
  for (const f of order) {
    const p = join(dir, f);
    if (!existsSync(p)) {
      missing.push(p);
      continue;
    }
    entities.push(...loadFeedFile(p));
  }
  return { entities, missing };
}
