/**
 * Keys and values a file chooses are looked up in objects the importer builds or holds. A name that is also a method
 * every object inherits ("toString", "valueOf", "constructor") must be read as the file's data, never as the method.
 */
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { mispExportAsGalaxy, mispExportClusters } from '../../../src/core/importers/misp-export';
import type { Json } from '../../../src/core/importers/sanitize';
import { freshRepo } from './helpers';

/** The converted cluster's meta, or a failed test when the clusters did not convert. */
function metaOf(elements: { key: string; value: Json }[]): Record<string, Json> {
  const converted = mispExportAsGalaxy(mispExportClusters([cluster(elements)])!);
  if (!('galaxy' in converted)) throw new Error(converted.problem);
  const [value] = converted.galaxy.values as { meta: Record<string, Json> }[];
  return value!.meta;
}

const cluster = (elements: { key: string; value: Json }[]) => ({
  GalaxyCluster: { type: 'threat-actor', value: 'Wombat Circle', uuid: '11111111-2222-4333-8444-0000000000a1', GalaxyElement: elements },
  Galaxy: { name: 'Threat Actor', type: 'threat-actor' },
});

describe('element keys named like inherited methods in a MISP instance export', () => {
  it.each(['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'])('"%s" becomes a meta field holding the file\'s value', (key) => {
    const meta = metaOf([{ key, value: 'written by the analyst' }, { key: 'synonyms', value: 'WC Team' }]);
    expect(Object.entries(meta)).toEqual([
      [key, 'written by the analyst'],
      ['synonyms', ['WC Team']],
    ]);
  });

  it('the same key twice becomes a list of the two values, as for any other key', () => {
    expect(metaOf([{ key: 'valueOf', value: 'one' }, { key: 'valueOf', value: 'two' }])).toEqual({ valueOf: ['one', 'two'] });
  });
});

describe('a name-attribution producer named like an inherited method', () => {
  const galaxy = (producer: string) =>
    JSON.stringify({
      type: 'threat-actor',
      name: 'Threat Actor',
      uuid: '11111111-2222-4333-8444-0000000000b0',
      values: [
        {
          value: 'Wombat Circle',
          uuid: '11111111-2222-4333-8444-0000000000b1',
          meta: { synonyms: ['Marsupial Storm'], 'name-attribution': [`Marsupial Storm:${producer}`] },
        },
      ],
    });

  it.each(['constructor', 'toString', '__proto__'])('"%s" names no vendor, and the import goes through', async (producer) => {
    const plan = detectAndParse(galaxy(producer), 'threat-actor.json');
    expect(plan.errors).toEqual([]);
    const alias = plan.entities[0]!.aliases.find((a) => a.name === 'Marsupial Storm');
    expect(alias).toEqual({ name: 'Marsupial Storm' });
    const repo = await freshRepo();
    await applyImport(repo, plan);
    expect((await repo.entity(plan.entities[0]!.id))?.aliases.map((a) => a.name)).toContain('Marsupial Storm');
  });

  it('the known producer still names its vendor', () => {
    const plan = detectAndParse(galaxy('D0C33595-B684-45EF-91C3-E2F5CE1A8191'), 'threat-actor.json');
    expect(plan.entities[0]!.aliases.find((a) => a.name === 'Marsupial Storm')?.usedBy).toBe('Microsoft');
  });
});
