/**
 * Audit G, finding 1: our own STIX export, imported into another browser, must bring every alias back. An entity
 * that got an alias from one feed (from the MISP galaxy) before another feed created an
 * entity of that very name (ATT&CK, with its own id) lost that alias on the way: the import judged the alias as
 * "the name of another entity" because both arrived in one file.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, exportStix } from '../../../src/core/db/import-export';
import type { Repository } from '../../../src/core/db/repository';
import { detectAndParse } from '../../../src/core/importers/index';
import { attackGroupBundle, freshRepo, galaxyFile } from '../importers/helpers';


async function load(repo: Repository, text: string, file: string) {
  const plan = detectAndParse(text, file);
  expect(plan.errors).toEqual([]);
  return applyImport(repo, plan);
}


const aliasesOf = async (repo: Repository, name: string) => (await repo.allEntities()).find((e) => e.name === name)?.aliases.map((a) => a.name);

describe('STIX export → import into another browser', () => {
  it('keeps an alias that another entity of the export is named by', async () => {
    const source = await freshRepo();
    // First feed: Lazarus Group (bundled, ATT&CK G0032) is also written "Quartz Chollima".
    await load(source, galaxyFile('threat-actor', [{ value: 'Lazarus Group', uuid: 'a1b2c3d4-0000-4000-8000-000000000001', synonyms: ['Quartz Chollima'] }]), 'threat-actor.json');
    // Second feed (ATT&CK): a group of that name with its own ATT&CK id, so its own entity; an alias held before is
    // never taken away.
    await load(source, attackGroupBundle('Quartz Chollima', 'G9999'), 'enterprise-attack.json');
    expect(await aliasesOf(source, 'Lazarus Group')).toContain('Quartz Chollima');
    expect(await aliasesOf(source, 'Quartz Chollima')).toEqual([]);

    const bundle = await exportStix(source, { scope: 'all' });
    const target = await freshRepo();
    const result = await load(target, JSON.stringify(bundle), 'actorlens-all.stix.json');

    expect(await aliasesOf(target, 'Lazarus Group')).toEqual(await aliasesOf(source, 'Lazarus Group'));
    expect(await aliasesOf(target, 'Quartz Chollima')).toEqual([]);
    expect(result.preview.conflicts.filter((c) => c.kind === 'alias-dropped')).toEqual([]);
    // And every entity comes back with the aliases it left with.
    const names = async (repo: Repository) => Object.fromEntries((await repo.allEntities()).map((e) => [`${e.kind}:${e.name}`, e.aliases.map((a) => a.name)]));
    expect(await names(target)).toEqual(await names(source));
  });
});
