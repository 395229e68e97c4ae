import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { freshRepo } from '../importers/helpers';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';

const sid = (type: string, n: number) => `${type}--${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
const bundle = (objects: unknown[]) => JSON.stringify({ type: 'bundle', id: sid('bundle', 1), objects });

describe('applyImport — names never cross the actor/software boundary', () => {
  it('a threat actor synonym that is the name of a malware is kept, but a page naming TrickBot still gets the malware', async () => {
    const repo = await freshRepo();
    const plan = detectAndParse(
      JSON.stringify({ type: 'threat-actor', values: [{ value: 'LAZARUS GROUP', uuid: '00000007-0000-4000-8000-000000000000', meta: { synonyms: ['Hidden Cobra', 'TrickBot'] } }] }),
      'ta.json',
    );
    const result = await applyImport(repo, plan);
    expect(result.preview.conflicts).toContainEqual(expect.objectContaining({ name: 'TrickBot' }));
    const matcher = createMatcher(compileDictionary(await repo.allEntities()));
    const spotted = matcher.match('The loader that reached the bank was TrickBot, by all accounts.');
    expect(spotted.map((m) => [m.text, m.entityId])).toEqual([['TrickBot', 'trickbot']]);
  });

  it('a malware object citing an ATT&CK group id is not merged into that group', async () => {
    const repo = await freshRepo();
    const plan = detectAndParse(
      bundle([
        {
          type: 'malware',
          spec_version: '2.1',
          id: sid('malware', 1),
          name: 'EvilDropper',
          aliases: ['Dropper X'],
          is_family: true,
          external_references: [{ source_name: 'mitre-attack', external_id: 'G0032' }],
        },
      ]),
      'mislabelled.json',
    );
    expect(plan.warnings).toContainEqual(expect.objectContaining({ field: 'external_references', message: expect.stringContaining('G0032') }));
    await applyImport(repo, plan);
    expect((await repo.entityByAlias('EvilDropper'))!.kind).toBe('malware');
    expect((await repo.entity('lazarus-group'))!.aliases.map((a) => a.name)).not.toContain('EvilDropper');
  });

  it('a match by external id across families keeps the stored entity and does not add the file names', async () => {
    const repo = await freshRepo(false);
    const uuid = '0000000a-0000-4000-8000-000000000000';
    await applyImport(repo, detectAndParse(JSON.stringify({ type: 'threat-actor', values: [{ value: 'Zeta Spider', uuid }] }), 'ta.json'));
    const plan = detectAndParse(
      bundle([
        { type: 'malware', spec_version: '2.1', id: sid('malware', 2), name: 'ZetaLoader', is_family: true, description: 'A loader.', external_references: [{ source_name: 'misp-galaxy', external_id: uuid }] },
      ]),
      'loader.json',
    );
    const result = await applyImport(repo, plan);
    expect(result.preview.conflicts).toContainEqual(expect.objectContaining({ kind: 'kind-mismatch', entityId: `misp:${uuid}` }));
    const zeta = (await repo.entity(`misp:${uuid}`))!;
    expect(zeta).toMatchObject({ kind: 'actor', name: 'Zeta Spider', aliases: [] });
    expect(zeta.description).toBeUndefined();
    expect(await repo.entityByAlias('ZetaLoader')).toBeUndefined();
  });
});
