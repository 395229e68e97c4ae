/**
 * A MISP instance's export names its meta fields as data ({ "key": "synonyms", "value": "…" }), and the importer turns
 * each into an object key. The forbidden-key rule (__proto__, constructor, prototype) checked the file's own keys
 * only, so an element named "__proto__" went through silently: its value became the prototype of the cluster's
 * meta and was lost without a word. Such a file is refused like any other carrying those keys.
 */
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/core/db/import-export';
import { detectAndParse, ImportError } from '../../../src/core/importers/index';
import { dump, freshRepo } from './helpers';

const exportWith = (key: string) =>
  JSON.stringify({
    response: [
      {
        GalaxyCluster: {
          type: 'threat-actor',
          value: 'Quokka Crew',
          uuid: '11111111-2222-4333-8444-000000000001',
          GalaxyElement: [
            { key: 'synonyms', value: 'QK Team' },
            { key, value: { synonyms: ['Hidden Name'], country: 'KP' } },
          ],
        },
        Galaxy: { name: 'Threat Actor', type: 'threat-actor' },
      },
    ],
  });

describe('MISP instance export: an element key that is a forbidden object key', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('%s refuses the file, with its place, and changes nothing', async (key) => {
    const plan = detectAndParse(exportWith(key), 'instance-export.json');
    expect(plan.entities).toEqual([]);
    const [error] = plan.errors;
    expect(error).toBeInstanceOf(ImportError);
    expect(error!.path).toBe('response[0].GalaxyCluster.GalaxyElement[1]');
    expect(error!.field).toBe('key');
    expect(error!.reason).toBe(`Forbidden element key "${key}" (possible prototype pollution); the file is rejected.`);
    const repo = await freshRepo();
    const before = await dump(repo);
    await expect(applyImport(repo, plan)).rejects.toBeInstanceOf(ImportError);
    expect(await dump(repo)).toBe(before);
  });

  it('an ordinary element key that is also a method name ("toString") is read as a field like any other', () => {
    const plan = detectAndParse(exportWith('toString'), 'instance-export.json');
    expect(plan.errors).toEqual([]);
    expect(plan.entities.map((e) => [e.name, e.aliases.map((a) => a.name)])).toEqual([['Quokka Crew', ['QK Team']]]);
  });
});
