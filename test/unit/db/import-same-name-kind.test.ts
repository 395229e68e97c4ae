/**
 * Several stored entities of one family may share a name once a feed is in: ATT&CK's "MEDUSA" (S1220, a Linux
 * rootkit) stands beside the ransomware Medusa. A later file's "Medusa" is matched to the one of its own kind, then
 * to the one written the same, whatever order the database holds them in.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, previewImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { loadKnowledgeBase } from '../../../scripts/lib/feeds';
import { freshRepo, galaxyFile, HAS_SHARED, SHARED_DATA, warnIfNoShared } from '../importers/helpers';

const T = '2024-01-01T00:00:00.000Z';
const MITRE = 'identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5';
/** ATT&CK's rootkit entry, as ATT&CK writes a software object. */
const rootkitBundle = JSON.stringify({
  type: 'bundle',
  id: 'bundle--7e4d8c97-e9f0-44e0-b13f-59359efb7ff8',
  spec_version: '2.0',
  objects: [
    { type: 'identity', id: MITRE, created: T, modified: T, name: 'The MITRE Corporation', identity_class: 'organization' },
    {
      type: 'malware',
      id: 'malware--0a615414-1dad-4131-802d-38f5d72ef852',
      created: T,
      modified: T,
      created_by_ref: MITRE,
      name: 'MEDUSA',
      description: 'An open-source Linux rootkit.',
      external_references: [{ source_name: 'mitre-attack', external_id: 'S1220', url: 'https://attack.mitre.org/software/S1220' }],
    },
  ],
});
const ransomwareGalaxy = galaxyFile('ransomware', [{ value: 'Medusa', uuid: '620c3817-320a-5772-acf1-008cc8852b0f' }]);

describe('a name several stored entities of one family share', () => {
  it('goes to the entity of the incoming kind, not to the first stored', async () => {
    const repo = await freshRepo();
    await applyImport(repo, detectAndParse(rootkitBundle, 'attack.json'));
    const rootkit = (await repo.allEntities()).find((e) => e.name === 'MEDUSA');
    // ATT&CK's rootkit is not the bundled ransomware (the bundled entry names its own ATT&CK id, S1244).
    expect(rootkit?.kind).toBe('malware');
    expect(rootkit?.id).not.toBe('medusa');
    const plan = detectAndParse(ransomwareGalaxy, 'ransomware.json');
    const preview = await previewImport(repo, plan);
    expect(preview.updatedEntities.map((c) => c.before.id)).toEqual(['medusa']);
    expect(preview.newEntities).toEqual([]);
    await applyImport(repo, plan);
    const medusa = await repo.entity('medusa');
    expect(medusa?.externalIds?.misp).toEqual(['620c3817-320a-5772-acf1-008cc8852b0f']);
    expect((await repo.entity(rootkit!.id))?.externalIds?.misp).toBeUndefined();
  });
});

warnIfNoShared('the Medusa entities of the merged public feeds');
describe.skipIf(!HAS_SHARED)('the public feeds merged into the bundled data (../shared)', () => {
  it('keep the ransomware Medusa, ATT&CK S1244 and the ransomware galaxy entry together, and the rootkit apart', async () => {
    const kb = await loadKnowledgeBase({ feedDir: SHARED_DATA });
    const medusa = kb.entities.find((e) => e.id === 'medusa')!;
    expect(medusa.kind).toBe('ransomware');
    expect(medusa.externalIds?.attack).toEqual(['S1244']);
    expect(medusa.externalIds?.misp).toContain('620c3817-320a-5772-acf1-008cc8852b0f');
    const rootkit = kb.entities.filter((e) => e.externalIds?.attack?.includes('S1220'));
    expect(rootkit.map((e) => [e.name, e.kind])).toEqual([['MEDUSA', 'malware']]);
  }, 60_000);
});
