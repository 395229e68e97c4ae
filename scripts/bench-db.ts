/**
 * Database benchmark (Node, fake-indexeddb): `node --import tsx scripts/bench-db.ts`
 *
 * 1. Import of ../shared/data/misp-galaxy/threat-actor.json into a freshly seeded database (parse + apply).
 * 2. With 10,000 entities and 50,000 links (one claim each) in the database: median time of
 *    entityByAlias() and linksOf() (with claims and derived confidence) for one entity.
 * Targets: import < 2 s, lookups < 5 ms. Exits 2 when ../shared is absent, 1 when a target is missed.
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledDataset, BUNDLED_VERSION } from '../src/core/data/index';
import { ActorLensDb } from '../src/core/db/database';
import { applyImport } from '../src/core/db/import-export';
import { Repository, toRow } from '../src/core/db/repository';
import { detectAndParse } from '../src/core/importers/index';
import type { Entity } from '../src/core/model/entity';
import { RELATIONS, canonicalEnds, linkId, type Claim, type Link } from '../src/core/model/link';

const here = dirname(fileURLToPath(import.meta.url));
const THREAT_ACTOR = resolve(here, '../../shared/data/misp-galaxy/threat-actor.json');
const IMPORT_TARGET_MS = 2000;
const LOOKUP_TARGET_MS = 5;

if (!existsSync(THREAT_ACTOR)) {
  console.error(`../shared/data absent: ${THREAT_ACTOR} not found. The benchmark needs the shared data files.`);
  process.exit(2);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function freshRepo(): Promise<Repository> {
  const repo = new Repository(new ActorLensDb(`bench-${Math.random()}`));
  await repo.seed(bundledDataset(), BUNDLED_VERSION);
  return repo;
}

async function benchImport(): Promise<number> {
  const text = readFileSync(THREAT_ACTOR, 'utf8');
  const totals: number[] = [];
  for (let run = 0; run < 3; run++) {
    const repo = await freshRepo();
    const t0 = performance.now();
    const plan = detectAndParse(text, 'threat-actor.json');
    const t1 = performance.now();
    const result = await applyImport(repo, plan);
    const t2 = performance.now();
    totals.push(t2 - t0);
    if (run === 0) {
      const c = result.record.counts;
      console.log(
        `import threat-actor.json (${(text.length / 1024 / 1024).toFixed(2)} MB, ${plan.entities.length} values): ` +
          `${c.newEntities} new, ${c.updatedEntities} updated entities, ${c.newLinks} new links, ${c.newClaims} claims, ${c.conflicts} conflicts`,
      );
    }
    console.log(`  run ${run + 1}: parse ${(t1 - t0).toFixed(0)} ms + apply ${(t2 - t1).toFixed(0)} ms = ${(t2 - t0).toFixed(0)} ms`);
    repo.db.close();
  }
  return median(totals);
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function benchLookups(): Promise<{ alias: number; links: number; degree: number; claimsAnyOf: number; claimsEquals: number }> {
  const ENTITIES = 10_000;
  const LINKS = 50_000;
  const random = rng(42);
  const repo = new Repository(new ActorLensDb(`bench-large-${Math.random()}`));
  const entities: Entity[] = [];
  for (let i = 0; i < ENTITIES; i++) {
    entities.push({
      id: `e${i}`,
      kind: i % 3 === 0 ? 'actor' : i % 3 === 1 ? 'malware' : 'tool',
      name: `Entity ${i}`,
      aliases: [{ name: `Alias ${i} A` }, { name: `ALIAS-${i}-B`, usedBy: 'Vendor' }, { name: `Group ${i * 7}` }],
      provenance: ['bench'],
      externalIds: { misp: [`uuid-${i}`] },
    });
  }
  const links = new Map<string, Link>();
  while (links.size < LINKS) {
    const from = `e${Math.floor(random() * ENTITIES)}`;
    const to = `e${Math.floor(random() * ENTITIES)}`;
    if (from === to) continue;
    const relation = RELATIONS[Math.floor(random() * RELATIONS.length)]!;
    const id = linkId(from, relation, to);
    links.set(id, { id, ...canonicalEnds(from, relation, to), relation, status: 'active', provenance: ['bench'] });
  }
  const claims: Claim[] = [...links.values()].map((l, i) => ({
    id: `c${i}`,
    linkId: l.id,
    source: { title: `Report ${i}`, publisher: `Publisher ${i % 50}`, date: '2024-01-01' },
    stance: 'supports',
    confidence: 50 + (i % 50),
    origin: 'bench',
    created: '2024-01-01T00:00:00.000Z',
  }));
  const t0 = performance.now();
  await repo.db.transaction('rw', [repo.db.entities, repo.db.links, repo.db.claims], async () => {
    await repo.db.entities.bulkPut(entities.map(toRow));
    await repo.db.links.bulkPut([...links.values()]);
    await repo.db.claims.bulkPut(claims);
  });
  console.log(`\nfilled ${ENTITIES} entities, ${LINKS} links, ${claims.length} claims in ${(performance.now() - t0).toFixed(0)} ms`);

  const target = 'e4242';
  const aliasTimes: number[] = [];
  const linkTimes: number[] = [];
  const claimAnyOfTimes: number[] = [];
  const claimEqualsTimes: number[] = [];
  let degree = 0;
  for (let i = 0; i < 5; i++) {
    await repo.entityByAlias('alias-4242-b');
    await repo.linksOf(target);
  }
  for (let i = 0; i < 51; i++) {
    let t = performance.now();
    const found = await repo.entityByAlias(i % 2 ? 'Alias 4242 A' : 'alias-4242-b');
    aliasTimes.push(performance.now() - t);
    if (found?.id !== target) throw new Error('entityByAlias found the wrong entity');
    t = performance.now();
    const views = await repo.linksOf(target);
    linkTimes.push(performance.now() - t);
    degree = views.length;
    // Where linksOf spends its time: the claims query, as anyOf() (current) and as one equals() per link.
    const ids = views.map((v) => v.link.id);
    t = performance.now();
    await repo.db.claims.where('linkId').anyOf(ids).toArray();
    claimAnyOfTimes.push(performance.now() - t);
    t = performance.now();
    await Promise.all(ids.map((id) => repo.db.claims.where('linkId').equals(id).toArray()));
    claimEqualsTimes.push(performance.now() - t);
  }
  repo.db.close();
  return { alias: median(aliasTimes), links: median(linkTimes), degree, claimsAnyOf: median(claimAnyOfTimes), claimsEquals: median(claimEqualsTimes) };
}

const importMs = await benchImport();
const lookups = await benchLookups();
console.log('\nresults');
console.log(`  import threat-actor.json (parse + apply), median of 3: ${importMs.toFixed(0)} ms (target < ${IMPORT_TARGET_MS} ms)`);
console.log(`  entityByAlias, median of 51:                      ${lookups.alias.toFixed(2)} ms (target < ${LOOKUP_TARGET_MS} ms)`);
console.log(`  linksOf with claims (${lookups.degree} links), median of 51:   ${lookups.links.toFixed(2)} ms (target < ${LOOKUP_TARGET_MS} ms)`);
console.log(`    of which the claims query: anyOf() ${lookups.claimsAnyOf.toFixed(2)} ms; one equals() per link would take ${lookups.claimsEquals.toFixed(2)} ms`);
const ok = importMs < IMPORT_TARGET_MS && lookups.alias < LOOKUP_TARGET_MS && lookups.links < LOOKUP_TARGET_MS;
console.log(ok ? '\nall targets met' : '\nTARGET MISSED');
process.exit(ok ? 0 : 1);
