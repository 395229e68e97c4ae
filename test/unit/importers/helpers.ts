/** Shared helpers for importer and import/export tests. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledDataset, BUNDLED_VERSION } from '../../../src/core/data/index';
import { ActorLensDb } from '../../../src/core/db/database';
import { Repository, type NewClaim } from '../../../src/core/db/repository';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = resolve(here, '../../fixtures/imports');
/**
 * ../shared/data beside the checkout; ACTORLENS_SHARED_DATA points elsewhere, for a clone made outside the project
 * folder (a work tree in /tmp), whose shared-data tests would otherwise all be skipped.
 */
export const SHARED_DATA = process.env.ACTORLENS_SHARED_DATA ? resolve(process.env.ACTORLENS_SHARED_DATA) : resolve(here, '../../../../shared/data');
export const ATTACK_FILE = resolve(SHARED_DATA, 'attack/enterprise-groups-software.json');
export const MISP_DIR = resolve(SHARED_DATA, 'misp-galaxy');
export const HAS_SHARED = existsSync(ATTACK_FILE) && existsSync(resolve(MISP_DIR, 'threat-actor.json'));

/** Call at module level in files with shared-data tests, so a skip is never silent. */
export function warnIfNoShared(what: string): void {
  if (!HAS_SHARED) console.warn(`../shared/data absent: skipping ${what} (expected ${SHARED_DATA}).`);
}

export function fixture(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

export function shared(path: string): string {
  return readFileSync(resolve(SHARED_DATA, path), 'utf8');
}

/** A reader's claim with every part a claim can have: a sourced, quoted, scored link from Lazarus Group to TrickBot. */
export const VENDOR_CLAIM: NewClaim = {
  from: 'lazarus-group',
  relation: 'obtains-access-from',
  to: 'trickbot',
  stance: 'supports',
  confidence: 70,
  source: { title: 'Vendor blog', publisher: 'Vendor', reliability: 'B', url: 'https://vendor.example/post', date: '2024-05-01' },
  quote: { type: 'TextQuoteSelector', exact: 'Lazarus bought access from TrickBot', prefix: 'we saw ', suffix: ' in 2019' },
  pageUrl: 'https://vendor.example/post',
};

export async function freshRepo(seed = true): Promise<Repository> {
  const repo = new Repository(new ActorLensDb(`t-${Math.random()}`));
  if (seed) await repo.seed(bundledDataset(), BUNDLED_VERSION);
  return repo;
}

/** Every row of every table, sorted by key: compare two dumps to prove the database did not change. */
export async function dump(repo: Repository, options: { ignoreMeta?: string[] } = {}): Promise<string> {
  const db = repo.db;
  const byKey = <T>(rows: T[], key: (r: T) => string | number) => [...rows].sort((a, b) => String(key(a)).localeCompare(String(key(b))));
  const meta = (await db.meta.toArray()).filter((m) => !(options.ignoreMeta ?? []).includes(m.key));
  return JSON.stringify({
    entities: byKey(await db.entities.toArray(), (r) => r.id),
    links: byKey(await db.links.toArray(), (r) => r.id),
    claims: byKey(await db.claims.toArray(), (r) => r.id),
    meta: byKey(meta, (r) => r.key),
    sightings: byKey(await db.sightings.toArray(), (r) => r.id ?? 0),
    deleted: byKey(await db.deleted.toArray(), (r) => r.id),
  });
}

/** A MISP galaxy file of `type` holding these clusters (test data). */
export const galaxyFile = (type: string, values: { value: string; uuid: string; synonyms?: string[] }[]) =>
  JSON.stringify({ type, name: type, values: values.map((v) => ({ value: v.value, uuid: v.uuid, meta: v.synonyms ? { synonyms: v.synonyms } : {} })) });

const MITRE_IDENTITY = 'identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5';
/** An ATT&CK bundle holding one group of its own ATT&CK id, written as ATT&CK writes one (test data). */
export const attackGroupBundle = (name: string, id: string) =>
  JSON.stringify({
    type: 'bundle',
    id: 'bundle--7e4d8c97-e9f0-44e0-b13f-59359efb7ff7',
    spec_version: '2.0',
    objects: [
      { type: 'identity', id: MITRE_IDENTITY, created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z', name: 'The MITRE Corporation', identity_class: 'organization' },
      {
        type: 'intrusion-set',
        id: `intrusion-set--0a1b2c3d-0000-4000-8000-${id.replace(/\D/g, '').padStart(12, '0')}`,
        created: '2024-01-01T00:00:00.000Z',
        modified: '2024-01-01T00:00:00.000Z',
        created_by_ref: MITRE_IDENTITY,
        name,
        aliases: [name],
        external_references: [{ source_name: 'mitre-attack', external_id: id, url: `https://attack.mitre.org/groups/${id}` }],
      },
    ],
  });
