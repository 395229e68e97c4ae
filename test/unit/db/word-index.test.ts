/**
 * The entities' word index (schema v3): filled by the upgrade for databases created by v2, kept right by every
 * write path, and answering the popup's later-word search exactly as the full scan of every row did.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { bundledDataset, BUNDLED_VERSION, type Dataset } from '../../../src/core/data/index';
import { ActorLensDb, type EntityRow } from '../../../src/core/db/database';
import { applyImport, exportBackup, IMPORT_LOG_KEY, importLog, resetToBundled, restoreBackup, undoImport, type ImportUndo } from '../../../src/core/db/import-export';
import { nameKey, wordKeys } from '../../../src/core/db/keys';
import { fromRow, Repository } from '../../../src/core/db/repository';
import { detectAndParse } from '../../../src/core/importers/index';
import { allNames } from '../../../src/core/model/entity';
import { rankHits } from '../../../src/popup/lib/search-rank';
import { repositoryBackend } from '../../../src/popup/repo-backend';
import { SEARCH_SHOWN } from '../../../src/popup/backend';
import { fixture, freshRepo } from '../importers/helpers';

const parse = (name: string) => detectAndParse(fixture(name), name);

/** The MISP sample with an alias of more than one word added to Lazarus Group. */
function mispWithAlias(alias: string) {
  const galaxy = JSON.parse(fixture('misp-threat-actor-sample.json')) as { values: { value: string; meta: { synonyms: string[] } }[] };
  galaxy.values.find((v) => v.value === 'Lazarus Group')!.meta.synonyms.push(alias);
  return detectAndParse(JSON.stringify(galaxy), 'misp-threat-actor-sample.json');
}

const ids = async (repo: Repository, query: string) => (await repo.entitiesByLaterWord(query)).map((e) => e.id);

/** Every row's words are those its names give, and the index finds each row by each of its words. */
async function expectIndexRight(repo: Repository) {
  const rows = await repo.db.entities.toArray();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.words, row.id).toEqual(wordKeys(allNames(row).map((a) => a.name)));
  const byIndex = new Map<string, Set<string>>();
  await repo.db.entities.orderBy('words').eachKey((word, cursor) => {
    const set = byIndex.get(cursor.primaryKey as string) ?? new Set();
    set.add(word as string);
    byIndex.set(cursor.primaryKey as string, set);
  });
  for (const row of rows) expect([...(byIndex.get(row.id) ?? [])].sort(), row.id).toEqual([...row.words].sort());
}

/**
 * The popup's search with its candidates read from every row, as before the word index: every entity one of whose
 * keys contains the query's (a superset: rankHits checks word by word). A one-letter query reads the first whole-name
 * matches, as the popup does.
 */
async function searchByScan(repo: Repository, q: string) {
  // What the popup's backend asks for: one more than it lists, to say that more names match.
  const LIMIT = SEARCH_SHOWN + 1;
  const key = nameKey(q);
  if (!key) return [];
  const rows = await repo.db.entities.toArray();
  const starts = key.length < 2 ? (await repo.search(q, LIMIT)).map((h) => h.entity) : rows.filter((row) => row.keys.some((k) => k.startsWith(key))).map(fromRow);
  const later = key.length < 2 && starts.length >= LIMIT ? [] : rows.filter((row) => row.keys.some((k) => k.includes(key))).map(fromRow);
  const links = new Map<string, number>();
  for (const l of await repo.db.links.toArray()) for (const id of new Set([l.from, l.to])) links.set(id, (links.get(id) ?? 0) + 1);
  return rankHits([...starts, ...later], q, links, LIMIT);
}

describe('word index: upgrade from schema v2', () => {
  it('opens a v2 database (claims, overrides, imports, import log, sightings) with every row intact and the index filled', async () => {
    // Realistic content, written by the current code, then copied into a database made by the v2 schema as rows
    // v2 stored them (without words).
    const source = await freshRepo();
    await applyImport(source, parse('stix21-sample.json'), new Date('2026-01-01T00:00:00Z'));
    await applyImport(source, parse('misp-threat-actor-sample.json'), new Date('2026-01-02T00:00:00Z'));
    const userEntity = await source.addEntity({ name: 'The Quiet Zzyzx', kind: 'actor' });
    const claim = await source.addClaim({ from: 'lazarus-group', relation: 'uses', to: userEntity.id, stance: 'supports', confidence: 70, source: { title: 'A report', url: 'https://a.example/r' }, pageUrl: 'https://a.example/r' });
    const someLink = (await source.db.links.toArray())[0]!;
    await source.setOverride(someLink.id, 33, 'checked');
    await source.db.sightings.add({ entityId: 'lazarus-group', url: 'https://a.example/r', title: 'A', at: '2026-01-03' });
    const before = {
      entities: await source.db.entities.toArray(),
      links: await source.db.links.toArray(),
      claims: await source.db.claims.toArray(),
      meta: await source.db.meta.toArray(),
      sightings: await source.db.sightings.toArray(),
    };
    source.db.close();
    expect(before.meta.some((m) => m.key === IMPORT_LOG_KEY)).toBe(true);

    const name = `word-upgrade-${Math.random()}`;
    // The schema as database.ts declared it before v3.
    const v2 = new Dexie(name);
    v2.version(1).stores({ entities: 'id, kind, *keys, *ext', links: 'id, from, to, relation', claims: 'id, linkId, origin, pageUrl', meta: 'key' });
    v2.version(2).stores({ sightings: '++id, entityId, url, at' });
    await v2.table('entities').bulkAdd(before.entities.map(({ words: _words, ...row }) => row));
    await v2.table('links').bulkAdd(before.links);
    await v2.table('claims').bulkAdd(before.claims);
    await v2.table('meta').bulkAdd(before.meta);
    await v2.table('sightings').bulkAdd(before.sightings);
    expect(await v2.table('entities').filter((r: Partial<EntityRow>) => 'words' in r).count()).toBe(0);
    v2.close();

    const db = new ActorLensDb(name);
    await db.open();
    expect(db.verno).toBe(6); // every later version too (v4 adds a table, v5 recomputes the same keys for these Latin names, v6 turns no link)
    const repo = new Repository(db);
    // Every row intact; entities gain exactly the words toRow() gives new rows.
    expect(await db.entities.toArray()).toEqual(before.entities);
    expect(await db.links.toArray()).toEqual(before.links);
    expect(await db.claims.toArray()).toEqual(before.claims);
    expect(await db.meta.toArray()).toEqual(before.meta);
    expect(await db.sightings.toArray()).toEqual(before.sightings);
    expect((await db.claims.get(claim.id))?.origin).toBe('user');
    expect((await db.links.get(someLink.id))?.override?.confidence).toBe(33);
    expect((await importLog(repo)).length).toBe(2);
    await expectIndexRight(repo);
    // A later-word search finds imported entities (STIX "Example Panda", MISP "Example Spider") and the reader's.
    const b = repositoryBackend(repo);
    const panda = (await b.search('panda')).map((h) => h.entity.name);
    // The bundled pandas fill the twelve shown before a feed-only one (ranking); its whole name finds it first.
    expect(panda).toContain('Mustang Panda');
    expect((await b.search('example panda'))[0]?.entity.name).toBe('Example Panda');
    expect((await b.search('spider')).map((h) => h.entity.name)).toContain('Example Spider');
    expect((await b.search('zzyzx')).map((h) => h.entity.name)).toEqual(['The Quiet Zzyzx']);
    await db.delete();
  });
});

describe('word index: every write path keeps it right', () => {
  it('add: an entity the reader adds is found by a later word at once', async () => {
    const repo = await freshRepo();
    expect(await ids(repo, 'zzyzx')).toEqual([]);
    const e = await repo.addEntity({ name: 'The Quiet Zzyzx', kind: 'actor' });
    expect(await ids(repo, 'zzyzx')).toEqual([e.id]);
    expect(await ids(repo, 'quiet zz')).toEqual([e.id]);
    await expectIndexRight(repo);
  });

  it('rename and alias edit: a re-seed with a renamed entity, and an import adding an alias, move its words', async () => {
    const repo = await freshRepo();
    const data = bundledDataset();
    const target = data.entities.find((e) => e.id === 'lazarus-group')!;
    const renamed: Dataset = { ...data, entities: data.entities.map((e) => (e === target ? { ...e, name: 'Lazarus Striped Okapi', aliases: [...e.aliases, { name: 'Gentle Quokka' }] } : e)) };
    await repo.seed(renamed, `${BUNDLED_VERSION}-renamed`);
    expect(await ids(repo, 'okapi')).toEqual(['lazarus-group']);
    expect(await ids(repo, 'quokka')).toEqual(['lazarus-group']);
    await repo.seed(data, BUNDLED_VERSION);
    expect(await ids(repo, 'okapi')).toEqual([]);
    expect(await ids(repo, 'quokka')).toEqual([]);
    // An import merging a new alias into a known entity.
    await applyImport(repo, mispWithAlias('Velvet Zebra'));
    expect(await ids(repo, 'zebra')).toEqual(['lazarus-group']);
    await expectIndexRight(repo);
  });

  it('import (MISP, STIX) adds words; undo of an import deletes and restores them, even with an undo record kept from v2', async () => {
    const repo = await freshRepo();
    expect(await ids(repo, 'spider')).not.toContain('example-spider');
    const misp = await applyImport(repo, mispWithAlias('Velvet Zebra'));
    const spider = (await repo.entityByAlias('Example Spider'))!;
    expect(await ids(repo, 'spider')).toContain(spider.id);
    expect(await ids(repo, 'zebra')).toEqual(['lazarus-group']);
    const stix = await applyImport(repo, parse('stix21-sample.json'));
    const panda = (await repo.entityByAlias('Example Panda'))!;
    expect(await ids(repo, 'panda')).toContain(panda.id);
    await expectIndexRight(repo);

    await undoImport(repo, stix.undo);
    expect(await ids(repo, 'panda')).not.toContain(panda.id);
    expect(await ids(repo, 'spider')).toContain(spider.id);
    await expectIndexRight(repo);

    // The undo record of the MISP import as v2 would have kept it (in storage.local): its rows have no words.
    const old: ImportUndo = { ...misp.undo, previous: { ...misp.undo.previous, entities: misp.undo.previous.entities.map(({ words: _w, ...r }) => r as EntityRow) } };
    await undoImport(repo, old);
    expect(await ids(repo, 'spider')).not.toContain(spider.id);
    expect(await ids(repo, 'zebra')).toEqual([]);
    expect(await ids(repo, 'panda')).toContain('mustang-panda');
    await expectIndexRight(repo);
  });

  it('backup restore and reset to bundled rebuild the words; the reader’s entities keep theirs', async () => {
    const repo = await freshRepo();
    await applyImport(repo, parse('stix21-sample.json'));
    const mine = await repo.addEntity({ name: 'The Quiet Zzyzx', kind: 'actor' });
    const backup = await exportBackup(repo);
    expect(JSON.stringify(backup)).not.toMatch(/"words"/);

    const other = await freshRepo(false);
    await restoreBackup(other, JSON.parse(JSON.stringify(backup)));
    const panda = (await other.entityByAlias('Example Panda'))!;
    expect(await ids(other, 'panda')).toContain(panda.id);
    expect(await ids(other, 'zzyzx')).toEqual([mine.id]);
    await expectIndexRight(other);

    await resetToBundled(other, bundledDataset(), BUNDLED_VERSION);
    expect(await ids(other, 'panda')).not.toContain(panda.id);
    expect(await ids(other, 'zzyzx')).toEqual([mine.id]);
    await expectIndexRight(other);
  });
});

describe('word index: same results as reading every row', () => {
  it('gives the popup the same hits, in the same order, as the full scan did', async () => {
    const repo = await freshRepo();
    await applyImport(repo, parse('stix21-sample.json'));
    await applyImport(repo, parse('misp-threat-actor-sample.json'));
    await applyImport(repo, parse('stix20-attack-sample.json'));
    await repo.addEntity({ name: 'APT99 by Wicked Zzyzx', kind: 'actor' });
    const b = repositoryBackend(repo);
    const words = new Set<string>();
    for (const row of await repo.db.entities.toArray()) for (const w of row.words) for (const n of [1, 2, 3, 5, 40]) words.add(w.slice(0, n));
    const queries = [...words, 'panda', 'Wicked Pan', 'fancy bear', 'bear', 'typhoon', 'a', '1', 'é', 'Ünc', '  ', '-', 'zzyzx', 'by wicked'];
    expect(queries.length).toBeGreaterThan(200);
    for (const q of queries) expect(await b.search(q), q).toEqual(await searchByScan(repo, q));
  });
});
