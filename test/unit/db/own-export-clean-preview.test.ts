/**
 * Our own STIX export brought to another browser (a new machine, seeded with the bundled data, or a restore into an
 * empty database) must preview clean: the file's entities already stood side by side where it was made, so a name two
 * of them share, an actor and a ransomware of one name, or an ATT&CK group beside the entity that lists its name as an
 * alias, is no news. With the public feeds imported, the preview used to list hundreds of such conflicts ("kind-mismatch",
 * "alias-shared", "kept-separate") for data the reader had not changed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImport, exportStix, previewImport } from '../../../src/core/db/import-export';
import { bundledDataset } from '../../../src/core/data/index';
import type { Repository } from '../../../src/core/db/repository';
import { detectAndParse } from '../../../src/core/importers/index';
import { FEED_FILES, feedText } from '../../../scripts/lib/feeds';
import { attackGroupBundle, dump, freshRepo, galaxyFile, HAS_SHARED, SHARED_DATA, VENDOR_CLAIM, warnIfNoShared } from '../importers/helpers';

warnIfNoShared('the clean-preview round trip of an export made after importing ATT&CK and the MISP galaxies');


async function load(repo: Repository, text: string, file: string) {
  const plan = detectAndParse(text, file);
  expect(plan.errors).toEqual([]);
  return applyImport(repo, plan);
}

const tables = async (repo: Repository) => {
  const all = JSON.parse(await dump(repo)) as Record<string, unknown>;
  return { entities: all.entities, links: all.links, claims: all.claims };
};

/** The bundled data, three small feeds that give each kind of conflict once when imported, and a reader's claim. */
async function source(): Promise<{ repo: Repository; conflicts: string[] }> {
  const repo = await freshRepo();
  const conflicts: string[] = [];
  const feeds: [string, string][] = [
    // Two clusters sharing a synonym: "alias-shared".
    [galaxyFile('threat-actor', [
      { value: 'Quokka Crew', uuid: 'c0ffee00-0000-4000-8000-000000000001', synonyms: ['Marsupial Team'] },
      { value: 'Wombat Crew', uuid: 'c0ffee00-0000-4000-8000-000000000002', synonyms: ['Marsupial Team'] },
      { value: 'Numbat', uuid: 'c0ffee00-0000-4000-8000-000000000003' },
    ]), 'threat-actor.json'],
    // A ransomware of an actor's name: "kind-mismatch".
    [galaxyFile('ransomware', [{ value: 'Numbat', uuid: 'c0ffee00-0000-4000-8000-000000000004' }]), 'ransomware.json'],
    // APT38 of ATT&CK beside Lazarus Group (bundled, G0032, alias APT38): "kept-separate".
    [attackGroupBundle('APT38', 'G0082'), 'enterprise-attack.json'],
  ];
  for (const [text, file] of feeds) conflicts.push(...(await load(repo, text, file)).preview.conflicts.map((c) => c.kind));
  await repo.addClaim(VENDOR_CLAIM, new Date('2025-03-04T05:06:07.089Z'));
  return { repo, conflicts };
}

describe('our own STIX export previews clean in another browser', () => {
  it('fixture: the feeds gave each kind of conflict once where the export was made', async () => {
    const { conflicts } = await source();
    expect(new Set(conflicts)).toEqual(new Set(['alias-shared', 'kind-mismatch', 'kept-separate']));
  });

  for (const seeded of [true, false]) {
    it(`into ${seeded ? 'a fresh install (bundled data)' : 'an empty database'}: no conflict, no warning, every row as it was`, async () => {
      const { repo } = await source();
      const text = JSON.stringify(await exportStix(repo, { scope: 'all' }));
      const target = await freshRepo(seeded);
      const preview = await previewImport(target, detectAndParse(text, 'actorlens-all.stix.json'));
      expect(preview.conflicts).toEqual([]);
      expect(preview.warnings).toEqual([]);
      await load(target, text, 'actorlens-all.stix.json');
      expect(await tables(target)).toEqual(await tables(repo));
    });
  }

  it('a name the file does not give both entities is still reported (the target browser has data of its own)', async () => {
    const { repo } = await source();
    const text = JSON.stringify(await exportStix(repo, { scope: 'all' }));
    const target = await freshRepo();
    // The target browser alone knows a tool that is also called "Marsupial Team".
    await load(target, galaxyFile('tool', [{ value: 'Pouch', uuid: 'c0ffee00-0000-4000-8000-000000000005', synonyms: ['Marsupial Team'] }]), 'tool.json');
    const preview = await previewImport(target, detectAndParse(text, 'actorlens-all.stix.json'));
    expect(preview.conflicts.map((c) => [c.kind, c.name])).toEqual(
      expect.arrayContaining([['alias-shared', 'Marsupial Team']]),
    );
  });

  it('the annotations export into a fresh install: names shared with bundled entities the file leaves out are no news either', async () => {
    const repo = await freshRepo();
    const lazarus = bundledDataset().entities.find((e) => e.id === 'lazarus-group')!;
    const alias = lazarus.aliases.find((a) => !a.ambiguous)!.name;
    const conflicts: string[] = [];
    for (const [text, file] of [
      [galaxyFile('threat-actor', [{ value: 'Quokka Crew', uuid: 'c0ffee00-0000-4000-8000-000000000011', synonyms: [alias] }]), 'threat-actor.json'],
      [galaxyFile('ransomware', [{ value: 'TA505', uuid: 'c0ffee00-0000-4000-8000-000000000012' }]), 'ransomware.json'],
    ] as const) {
      conflicts.push(...(await load(repo, text, file)).preview.conflicts.map((c) => c.kind));
    }
    expect(new Set(conflicts)).toEqual(new Set(['alias-shared', 'kind-mismatch']));
    const ids = Object.fromEntries((await repo.allEntities()).map((e) => [`${e.kind}:${e.name}`, e.id]));
    await repo.addClaim({ ...VENDOR_CLAIM, from: ids['actor:Quokka Crew']!, relation: 'uses', to: ids['ransomware:TA505']! });
    const text = JSON.stringify(await exportStix(repo, { scope: 'annotations' }));
    const target = await freshRepo();
    const preview = await previewImport(target, detectAndParse(text, 'actorlens-annotations.stix.json'));
    expect(preview.conflicts).toEqual([]);
    expect(preview.warnings).toEqual([]);
    expect(preview.newEntities.map((e) => e.name).sort()).toEqual(['Quokka Crew', 'TA505']);
  });

  it.skipIf(!HAS_SHARED)('with ATT&CK and the four MISP galaxies imported (../shared/data): no conflict, no warning, every row as it was', async () => {
    const repo = await freshRepo();
    for (const f of FEED_FILES) await load(repo, feedText(readFileSync(resolve(SHARED_DATA, f))), f.split('/').pop()!);
    await repo.addClaim(VENDOR_CLAIM, new Date('2025-03-04T05:06:07.089Z'));
    const text = JSON.stringify(await exportStix(repo, { scope: 'all' }));
    for (const seeded of [true, false]) {
      const target = await freshRepo(seeded);
      const preview = await previewImport(target, detectAndParse(text, 'actorlens-all.stix.json'));
      expect(preview.conflicts.slice(0, 5)).toEqual([]);
      expect(preview.warnings).toEqual([]);
      await load(target, text, 'actorlens-all.stix.json');
      expect(await tables(target)).toEqual(await tables(repo));
    }
  }, 120_000);
});
