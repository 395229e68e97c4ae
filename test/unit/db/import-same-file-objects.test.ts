import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { freshRepo } from '../importers/helpers';

const sid = (type: string, n: number) => `${type}--${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
const bundle = (objects: unknown[]) => JSON.stringify({ type: 'bundle', id: sid('bundle', 1), objects });
const attackRef = (id: string) => ({ external_references: [{ source_name: 'mitre-attack', external_id: id }] });

describe('applyImport — objects of one file that meet on one entity', () => {
  it('two objects sharing one ATT&CK id are reported as a conflict, not merged silently', async () => {
    const repo = await freshRepo(false);
    const plan = detectAndParse(
      bundle([
        { type: 'intrusion-set', spec_version: '2.1', id: sid('intrusion-set', 1), name: 'Alpha Group', ...attackRef('G9001') },
        { type: 'intrusion-set', spec_version: '2.1', id: sid('intrusion-set', 2), name: 'Beta Group', ...attackRef('G9001') },
      ]),
      'same-id.json',
    );
    const result = await applyImport(repo, plan);
    const conflict = result.preview.conflicts.find((c) => c.kind === 'ambiguous-match');
    expect(conflict?.message).toMatch(/"Beta Group" and "Alpha Group".*same-id\.json.*attack:G9001/);
  });

  it('a STIX reference to a MISP cluster in upper case finds the cluster imported from MISP', async () => {
    const repo = await freshRepo(false);
    const uuid = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    await applyImport(repo, detectAndParse(JSON.stringify({ type: 'threat-actor', name: 'Threat Actor', values: [{ value: 'Zeta Spider', uuid }] }), 'ta.json'));
    const plan = detectAndParse(
      bundle([
        {
          type: 'intrusion-set',
          spec_version: '2.1',
          id: sid('intrusion-set', 3),
          name: 'ZETA-SPIDER-ALT',
          external_references: [{ source_name: 'misp-galaxy', external_id: uuid.toUpperCase() }],
        },
      ]),
      'upper.json',
    );
    const result = await applyImport(repo, plan);
    expect(result.preview.newEntities).toEqual([]);
    expect((await repo.entity(`misp:${uuid}`))!.aliases.map((a) => a.name)).toContain('ZETA-SPIDER-ALT');
  });
});
