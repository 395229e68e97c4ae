import { describe, expect, it } from 'vitest';
import { applyImport, exportStix } from '../../../src/core/db/import-export';
import type { Repository } from '../../../src/core/db/repository';
import { detectAndParse } from '../../../src/core/importers/index';
import { MITRE_IDENTITY } from '../../../src/core/importers/stix';
import { freshRepo } from '../importers/helpers';

const sid = (type: string, n: number) => `${type}--${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;

/** An ATT&CK-style bundle (MITRE as producer) of malware objects, in the given order. */
function attackBundle(software: { n: number; name: string; attack: string; types?: string[] }[]): string {
  return JSON.stringify({
    type: 'bundle',
    id: sid('bundle', 1),
    objects: [
      { type: 'identity', spec_version: '2.1', id: MITRE_IDENTITY, name: 'The MITRE Corporation', identity_class: 'organization' },
      ...software.map((s) => ({
        type: 'malware',
        spec_version: '2.1',
        id: sid('malware', s.n),
        created_by_ref: MITRE_IDENTITY,
        name: s.name,
        is_family: true,
        ...(s.types ? { malware_types: s.types } : {}),
        external_references: [{ source_name: 'mitre-attack', external_id: s.attack }],
      })),
    ],
  });
}

async function named(repo: Repository, name: string): Promise<string[]> {
  return (await repo.allEntities()).filter((e) => e.name === name).map((e) => `${e.kind} ${e.externalIds?.attack?.join(',') ?? '-'}`);
}

describe('applyImport — the merge does not depend on import order', () => {
  const lockbits = attackBundle([
    { n: 1, name: 'LockBit 2.0', attack: 'S1199', types: ['ransomware'] },
    { n: 2, name: 'LockBit', attack: 'S1202', types: ['ransomware'] },
  ]);

  it('"LockBit 2.0" listed before "LockBit" does not take the bundled LockBit', async () => {
    const repo = await freshRepo();
    await applyImport(repo, detectAndParse(lockbits, 'attack.json'));
    expect(await named(repo, 'LockBit')).toEqual(['ransomware S1202']);
    expect(await named(repo, 'LockBit 2.0')).toEqual(['ransomware S1199']);
    expect((await repo.entityByAlias('LockBit'))!.id).toBe('lockbit');
  });

  it('re-importing our own "all" export into a fresh database gives one LockBit', async () => {
    const source = await freshRepo();
    await applyImport(source, detectAndParse(lockbits, 'attack.json'));
    const exported = JSON.stringify(await exportStix(source, { scope: 'all' }));
    const fresh = await freshRepo();
    await applyImport(fresh, detectAndParse(exported, 'export.json'));
    expect(await named(fresh, 'LockBit')).toEqual(['ransomware S1202']);
    expect((await fresh.entityByAlias('LockBit'))!.id).toBe('lockbit');
    expect(await fresh.db.entities.count()).toBe(await source.db.entities.count());
  });

  it('a MISP synonym does not hand one ATT&CK object\'s name to another: same entities in both orders', async () => {
    const malpedia = JSON.stringify({
      type: 'malpedia',
      name: 'Malpedia',
      values: [{ value: 'DRATzarus', uuid: '1ff3afab-8b3f-4b9c-90c7-61062d2dfe0b', meta: { synonyms: ['ThreatNeedle'] } }],
    });
    const attack = attackBundle([
      { n: 3, name: 'ThreatNeedle', attack: 'S0665' },
      { n: 4, name: 'DRATzarus', attack: 'S0694' },
    ]);
    const outcome = async (files: [string, string][]) => {
      const repo = await freshRepo(false);
      for (const [text, name] of files) await applyImport(repo, detectAndParse(text, name));
      return (await repo.allEntities()).map((e) => `${e.name} ${e.externalIds?.attack?.join(',') ?? '-'}`).sort();
    };
    const malpediaFirst = await outcome([[malpedia, 'malpedia.json'], [attack, 'attack.json']]);
    const attackFirst = await outcome([[attack, 'attack.json'], [malpedia, 'malpedia.json']]);
    expect(malpediaFirst).toEqual(['DRATzarus S0694', 'ThreatNeedle S0665']);
    expect(attackFirst).toEqual(malpediaFirst);
  });
});
