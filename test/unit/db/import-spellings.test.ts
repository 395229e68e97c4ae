import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { applyImport, previewImport } from '../../../src/core/db/import-export';
import type { Repository } from '../../../src/core/db/repository';
import { detectAndParse } from '../../../src/core/importers/index';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { freshRepo } from '../importers/helpers';

let uuidCount = 0;
const uuid = () => `a1b2c3d4-0000-4000-8000-${(++uuidCount).toString(16).padStart(12, '0')}`;

/** A MISP galaxy file of the given type with one value per entry. */
function galaxy(type: string, values: { value: string; synonyms?: string[]; uuid?: string }[]): string {
  return JSON.stringify({
    type,
    name: type,
    values: values.map((v) => ({ value: v.value, uuid: v.uuid ?? uuid(), meta: v.synonyms ? { synonyms: v.synonyms } : {} })),
  });
}

async function load(repo: Repository, text: string, file = 'galaxy.json') {
  const plan = detectAndParse(text, file);
  expect(plan.errors).toEqual([]);
  return applyImport(repo, plan);
}

const aliasNames = async (repo: Repository, id: string) => (await repo.db.entities.get(id))!.aliases.map((a) => a.name);

async function spotted(repo: Repository, text: string): Promise<string[]> {
  const matcher = createMatcher(compileDictionary(await repo.allEntities()));
  return matcher.match(text).map((m) => `${m.text} → ${m.name}`);
}

describe('applyImport — every written form of a name is kept', () => {
  it('keeps spellings that differ from a held name only in case or spacing', async () => {
    const repo = await freshRepo();
    await load(
      repo,
      galaxy('threat-actor', [
        { value: 'Sidewinder', synonyms: ['Rattlesnake'] },
        { value: 'Charming Kitten', synonyms: ['Phosphorus', 'APT35'] },
      ]),
    );
    const trickbot = galaxy('malpedia', [{ value: 'TrickBot', synonyms: ['Trick Bot', 'TRICKBOT'] }]);
    await load(repo, trickbot);
    expect(await aliasNames(repo, 'sidewinder')).toContain('Sidewinder');
    expect(await aliasNames(repo, 'apt35')).toEqual(expect.arrayContaining(['PHOSPHORUS', 'Phosphorus']));
    expect(await aliasNames(repo, 'trickbot')).toEqual(expect.arrayContaining(['Trickbot', 'Trick Bot', 'TRICKBOT']));
    // The same file again adds nothing: an exact writing is held once.
    const again = await previewImport(repo, detectAndParse(trickbot, 'galaxy.json'));
    expect(again.updatedEntities).toEqual([]);
  });

  it('does not change which entities are one: the kept spellings join the entity the name already named', async () => {
    const repo = await freshRepo();
    const before = await repo.db.entities.count();
    await load(repo, galaxy('threat-actor', [{ value: 'Sidewinder' }, { value: 'Tortoiseshell', synonyms: ['Tortoise Shell'] }]));
    await load(repo, galaxy('threat-actor', [{ value: 'Tortoise Shell', synonyms: ['TORTOISESHELL'] }]), 'second.json');
    // Sidewinder joined the bundled SideWinder; "Tortoise Shell" the entity Tortoiseshell made.
    expect(await repo.db.entities.count()).toBe(before + 1);
    const tortoise = (await repo.allEntities()).find((e) => e.name === 'Tortoiseshell')!;
    expect(tortoise.aliases.map((a) => a.name)).toEqual(['Tortoise Shell', 'TORTOISESHELL']);
  });

  it('the matcher spots the spellings a feed gives beside the curators\' one', async () => {
    const repo = await freshRepo();
    await load(repo, galaxy('threat-actor', [{ value: 'Sidewinder' }, { value: 'Charming Kitten', synonyms: ['Phosphorus'] }]));
    await load(repo, galaxy('malpedia', [{ value: 'TrickBot', synonyms: ['Trick Bot'] }]));
    const found = await spotted(repo, 'The hackers of Sidewinder sent phishing mail with a backdoor. Trick Bot was the payload. Microsoft calls APT35 Phosphorus.');
    expect(found).toEqual(expect.arrayContaining(['Sidewinder → SideWinder', 'Trick Bot → TrickBot', 'Phosphorus → APT35']));
  });

  it('leaves out the lower-case writing of a held name (the ransomware galaxy\'s slugs), which the case rules refuse', async () => {
    const repo = await freshRepo();
    await load(repo, galaxy('ransomware', [{ value: 'akira', synonyms: ['AKIRA'] }]));
    expect(await aliasNames(repo, 'akira')).toEqual(['AKIRA']);
  });

  it('another writing of a name the entity held is not dropped as another entity\'s name', async () => {
    const repo = await freshRepo();
    // MISP lists Andariel as a synonym of Lazarus Group: dropped, Andariel being its own entity. A writing of a name
    // Lazarus Group already had before the import ("HIDDEN COBRA") is not judged again, nor reported.
    const result = await load(repo, galaxy('threat-actor', [{ value: 'Lazarus Group', synonyms: ['Andariel', 'Hidden Cobra'] }]));
    const names = await aliasNames(repo, 'lazarus-group');
    expect(names).toEqual(expect.arrayContaining(['HIDDEN COBRA', 'Hidden Cobra']));
    expect(names).not.toContain('Andariel');
    expect(result.preview.conflicts.filter((c) => c.kind === 'alias-dropped').map((c) => c.name)).toEqual(['Andariel']);
  });

  it('a re-seed keeps the imported writings of bundled names', async () => {
    const repo = await freshRepo();
    await load(repo, galaxy('threat-actor', [{ value: 'Sidewinder' }]));
    await repo.seed(bundledDataset(), 'next-version');
    expect(await aliasNames(repo, 'sidewinder')).toContain('Sidewinder');
  });
});

describe('applyImport — bare names of platform variants', () => {
  it('spots the bare name as the preferred variant and merges no other file\'s entity into it', async () => {
    // A family the bundled data does not hold (it holds SystemBC, whose bare name the next test's rule drops).
    const repo = await freshRepo();
    await load(
      repo,
      galaxy('malpedia', [
        { value: 'Sysrv (ELF)' },
        { value: 'Sysrv (Windows)', synonyms: ['Sysrv-hello'] },
        { value: 'Akira (Windows)' },
      ]),
    );
    const all = await repo.allEntities();
    const windows = all.find((e) => e.name === 'Sysrv (Windows)')!;
    expect(windows.aliases.map((a) => a.name)).toEqual(['Sysrv-hello', 'Sysrv']);
    expect(await spotted(repo, 'The operators deployed Sysrv malware after phishing.')).toEqual(['Sysrv → Sysrv (Windows)']);
    // The tool galaxy's "Sysrv" is its own entity, as it was before the bare names: the bare name is for spotting.
    const before = await repo.db.entities.count();
    await load(repo, galaxy('tool', [{ value: 'Sysrv' }]), 'tool.json');
    expect(await repo.db.entities.count()).toBe(before + 1);
    expect((await repo.db.entities.get(windows.id))!.aliases.map((a) => a.name)).toEqual(['Sysrv-hello', 'Sysrv']);
  });

  it('drops a bare name another entity is called by, without reporting a name the feed never listed', async () => {
    const repo = await freshRepo();
    const result = await load(repo, galaxy('malpedia', [{ value: 'Akira (Windows)' }]));
    const variant = (await repo.allEntities()).find((e) => e.name === 'Akira (Windows)')!;
    expect(variant.aliases).toEqual([]);
    expect(result.preview.conflicts.filter((c) => c.kind === 'alias-dropped')).toEqual([]);
  });
});
