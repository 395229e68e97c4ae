import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { freshRepo } from '../importers/helpers';

const sid = (type: string, n: number) => `${type}--${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
const attackTool = (name: string) =>
  JSON.stringify({
    type: 'bundle',
    id: sid('bundle', 1),
    objects: [{ type: 'tool', spec_version: '2.1', id: sid('tool', 7), name, external_references: [{ source_name: 'mitre-attack', external_id: 'S9907' }] }],
  });
const galaxy = (type: string, name: string) =>
  JSON.stringify({ type, name: type, values: [{ value: name, uuid: '00000009-0000-4000-8000-000000000000' }] });

describe('applyImport — kind of software several feeds describe', () => {
  it('a STIX tool object beats a MISP galaxy kind, whichever file is imported first', async () => {
    for (const order of [0, 1]) {
      const repo = await freshRepo();
      const files = [detectAndParse(galaxy('malpedia', 'ZedHound'), 'malpedia.json'), detectAndParse(attackTool('ZedHound'), 'attack.json')];
      for (const plan of order ? files.reverse() : files) await applyImport(repo, plan);
      const all = (await repo.allEntities()).filter((e) => e.name === 'ZedHound');
      expect(all).toHaveLength(1);
      expect(all[0]!.kind).toBe('tool');
    }
  });

  it('bundled (authored) kinds are never changed by a feed', async () => {
    const repo = await freshRepo();
    const before = (await repo.entityByAlias('Mimikatz'))!;
    await applyImport(repo, detectAndParse(galaxy('malpedia', 'Mimikatz'), 'malpedia.json'));
    expect((await repo.entity(before.id))!.kind).toBe(before.kind);
  });

  it('a ransomware kind is not turned into malware by a STIX malware object', async () => {
    const repo = await freshRepo();
    await applyImport(repo, detectAndParse(galaxy('ransomware', 'ZedLocker'), 'ransomware.json'));
    await applyImport(
      repo,
      detectAndParse(JSON.stringify({ type: 'bundle', id: sid('bundle', 2), objects: [{ type: 'malware', spec_version: '2.1', id: sid('malware', 8), name: 'ZedLocker', is_family: true }] }), 'x.json'),
    );
    expect((await repo.entityByAlias('ZedLocker'))!.kind).toBe('ransomware');
  });
});
