/**
 * A name with a look-alike letter of another alphabet inside a word ("Lаzarus" with a Cyrillic а) is imported as
 * written, with a warning in the preview naming the letter and its place; names mixing scripts only across words are
 * left alone.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, exportStix, previewImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { mixedScript } from '../../../src/core/importers/mixed-script';
import { freshRepo, galaxyFile } from './helpers';

const CYRILLIC_A = '\u0430';
const GREEK_OMICRON = '\u03bf';

const stixBundle = (name: string, aliases: string[]) =>
  JSON.stringify({
    type: 'bundle',
    id: 'bundle--5b0d3a4e-1f2c-4d6e-8a9b-0c1d2e3f4a5b',
    objects: [
      {
        type: 'intrusion-set',
        spec_version: '2.1',
        id: 'intrusion-set--6c1e4b5f-2a3d-4e7f-9b0c-1d2e3f4a5b6c',
        created: '2024-01-01T00:00:00.000Z',
        modified: '2024-01-01T00:00:00.000Z',
        name,
        aliases,
      },
    ],
  });

describe('look-alike letters in imported names', () => {
  it('a STIX name and alias with a Cyrillic or Greek letter inside a Latin word are imported, each with a warning naming the letter and its place', async () => {
    const name = `L${CYRILLIC_A}zarus Quokka`;
    const alias = `Quokka Bl${GREEK_OMICRON}c`;
    const plan = detectAndParse(stixBundle(name, [alias, 'Quokka Team']), 'forged.json');
    const preview = await previewImport(await freshRepo(), plan);
    expect(preview.errors).toEqual([]);
    expect(preview.newEntities.map((e) => [e.name, e.aliases.map((a) => a.name)])).toEqual([[name, [alias, 'Quokka Team']]]);
    const messages = preview.warnings.map((w) => [w.field, w.message]);
    expect(messages).toEqual([
      ['name', expect.stringContaining(`mixes Latin and Cyrillic letters in one word: U+0430 ("${CYRILLIC_A}"), a Cyrillic letter, at character 2.`)],
      ['aliases', expect.stringContaining(`mixes Latin and Greek letters in one word: U+03BF ("${GREEK_OMICRON}"), a Greek letter, at character 10.`)],
    ]);
  });

  it('a MISP value with a Latin letter inside a Cyrillic word is warned about as well', async () => {
    // "Фанси" with a Latin a: the word's letters are mostly Cyrillic, so the Latin one is the odd one out.
    const value = 'Ф\u0061нси Медведь';
    const plan = detectAndParse(galaxyFile('threat-actor', [{ value, uuid: '3e2a8b5c-4d6f-4a7b-8c9d-0e1f2a3b4c5d', synonyms: ['Fancy Bear'] }]), 'galaxy.json');
    expect(plan.warnings.map((w) => [w.path, w.message])).toEqual([
      ['values[0]', expect.stringContaining('mixes Cyrillic and Latin letters in one word: U+0061 ("a"), a Latin letter, at character 2.')],
    ]);
    expect(plan.entities.map((e) => e.name)).toEqual([value]);
  });

  it('a name the database already holds as written is not warned about again (the same file, or our export of it)', async () => {
    const repo = await freshRepo();
    const file = stixBundle(`L${CYRILLIC_A}zarus Quokka`, []);
    await applyImport(repo, detectAndParse(file, 'forged.json'));
    expect((await previewImport(repo, detectAndParse(file, 'forged.json'))).warnings).toEqual([]);
    // Another name with the same look-alike is new here: warned.
    const other = await previewImport(repo, detectAndParse(stixBundle(`L${CYRILLIC_A}zarus Wombat`, []), 'other.json'));
    expect(other.warnings.map((w) => w.field)).toEqual(['name']);
  });

  it('our own export carries such a name without a warning into another browser: ActorLens held it already', async () => {
    const repo = await freshRepo();
    const name = `L${CYRILLIC_A}zarus Quokka`;
    await applyImport(repo, detectAndParse(stixBundle(name, []), 'forged.json'));
    const ours = JSON.stringify(await exportStix(repo, { scope: 'all' }));
    expect((await previewImport(await freshRepo(), detectAndParse(ours, 'actorlens-all.stix.json'))).warnings).toEqual([]);
  });

  it('scripts mixed across words, or Latin next to CJK, kana or digits, raise nothing', () => {
    for (const name of ['Lazarus Group 拉撒路', 'Fancy Bear Фэнси', 'APT28', 'ラザルスGroup', 'Café Bear', 'Ёжик', 'Δέλτα']) {
      expect(mixedScript(name), name).toBeUndefined();
    }
    const plan = detectAndParse(stixBundle('Lazarus 拉撒路', ['Фэнси Bear']), 'fine.json');
    expect(plan.warnings).toEqual([]);
  });
});
