/**
 * "Chaos" is the bundled ransomware (no ATT&CK entry); ATT&CK's Linux backdoor of that name (S0220) is bundled apart as
 * "Chaos (Linux)", so that ATT&CK's object joins it by its id instead of folding into the ransomware by name. The
 * ransomware galaxy's "Chaos" goes to the ransomware.
 */
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { loadKnowledgeBase } from '../../../scripts/lib/feeds';
import { freshRepo, galaxyFile, HAS_SHARED, SHARED_DATA, warnIfNoShared } from '../importers/helpers';

const T = '2024-01-01T00:00:00.000Z';
const MITRE = 'identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5';
/** ATT&CK's backdoor entry, as ATT&CK writes a software object (text written for the test). */
const backdoorBundle = JSON.stringify({
  type: 'bundle',
  id: 'bundle--2b1c8f43-5d8e-4d71-9c55-0f2f3b3c9a11',
  spec_version: '2.0',
  objects: [
    { type: 'identity', id: MITRE, created: T, modified: T, name: 'The MITRE Corporation', identity_class: 'organization' },
    {
      type: 'malware',
      id: 'malware--5bcd5511-6756-4824-a692-e8bb109364af',
      created: T,
      modified: T,
      created_by_ref: MITRE,
      name: 'Chaos',
      description: 'A Linux backdoor.',
      external_references: [{ source_name: 'mitre-attack', external_id: 'S0220', url: 'https://attack.mitre.org/software/S0220' }],
    },
  ],
});
const ransomwareGalaxy = galaxyFile('ransomware', [{ value: 'Chaos', uuid: '0b3b1c63-4a8e-4c4e-9d0a-1f3c2b7d5e66' }]);

describe('the two bundled Chaos entities under imports', () => {
  it('ATT&CK\'s Chaos joins the backdoor, the ransomware galaxy\'s the ransomware', async () => {
    const repo = await freshRepo();
    await applyImport(repo, detectAndParse(backdoorBundle, 'attack.json'));
    await applyImport(repo, detectAndParse(ransomwareGalaxy, 'ransomware.json'));
    const chaos = (await repo.allEntities()).filter((e) => e.id.startsWith('chaos-')).map((e) => [e.id, e.kind, e.externalIds?.attack ?? [], e.externalIds?.misp ?? []]);
    expect(chaos.sort()).toEqual([
      ['chaos-backdoor', 'malware', ['S0220'], []],
      ['chaos-ransomware', 'ransomware', [], ['0b3b1c63-4a8e-4c4e-9d0a-1f3c2b7d5e66']],
    ]);
  });
});

warnIfNoShared('the Chaos entities of the merged public feeds');
describe.skipIf(!HAS_SHARED)('the public feeds merged into the bundled data (../shared)', () => {
  it('keep ATT&CK\'s backdoor and the ransomware apart', async () => {
    const kb = await loadKnowledgeBase({ feedDir: SHARED_DATA });
    const withS0220 = kb.entities.filter((e) => e.externalIds?.attack?.includes('S0220')).map((e) => [e.id, e.kind]);
    expect(withS0220).toEqual([['chaos-backdoor', 'malware']]);
    const ransomware = kb.entities.find((e) => e.id === 'chaos-ransomware')!;
    expect(ransomware.kind).toBe('ransomware');
    expect(ransomware.externalIds?.attack).toBeUndefined();
    expect(ransomware.provenance).toContain('misp:ransomware');
  }, 60_000);
});
