import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { MITRE_IDENTITY } from '../../../src/core/importers/stix';
import { freshRepo } from '../importers/helpers';

const GROUP = 'intrusion-set--00000001-0000-4000-8000-000000000000';
const TOOL = 'malware--00000002-0000-4000-8000-000000000000';
const REL = 'relationship--00000003-0000-4000-8000-000000000000';

function attackBundle(references: Record<string, string>[]): string {
  const obj = (o: Record<string, unknown>) => ({ spec_version: '2.1', created_by_ref: MITRE_IDENTITY, created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z', ...o });
  return JSON.stringify({
    type: 'bundle',
    id: 'bundle--00000000-0000-4000-8000-000000000000',
    objects: [
      { type: 'identity', spec_version: '2.1', id: MITRE_IDENTITY, name: 'The MITRE Corporation', identity_class: 'organization' },
      obj({ type: 'intrusion-set', id: GROUP, name: 'Quartz Panda', external_references: [{ source_name: 'mitre-attack', external_id: 'G9101' }] }),
      obj({ type: 'malware', id: TOOL, name: 'QuartzLoader', is_family: true, external_references: [{ source_name: 'mitre-attack', external_id: 'S9101' }] }),
      obj({
        type: 'relationship',
        id: REL,
        relationship_type: 'uses',
        source_ref: GROUP,
        target_ref: TOOL,
        description: '[Quartz Panda](https://attack.mitre.org/groups/G9101) has used [QuartzLoader](https://attack.mitre.org/software/S9101) against telecoms.(Citation: Vendor A 2021)(Citation: Vendor B 2022)',
        external_references: references,
      }),
    ],
  });
}

const vendorA = { source_name: 'Vendor A 2021', description: 'Vendor A. (2021, March 3). Quartz Panda targets telecoms.', url: 'https://a.example/quartz' };
const vendorB = { source_name: 'Vendor B 2022', description: 'Vendor B. (2022, May 9). QuartzLoader analysis.', url: 'https://b.example/loader' };

describe('applyImport — ATT&CK relationships keep every citation', () => {
  it('one claim per cited report, each with its own source; the description becomes the link note', async () => {
    const repo = await freshRepo(false);
    await applyImport(repo, detectAndParse(attackBundle([vendorA, vendorB]), 'attack.json'));
    const view = (await repo.linksOf('attack:G9101')).find((v) => v.other.id === 'attack:S9101')!;
    expect(view.claims.map((c) => [c.source.url, c.source.date]).sort()).toEqual([
      ['https://a.example/quartz', '2021-03-03'],
      ['https://b.example/loader', '2022-05-09'],
    ]);
    expect(view.link.note).toBe('Quartz Panda has used QuartzLoader against telecoms.');
  });

  it('a database that holds the single claim of earlier versions gains the other citations, without a duplicate', async () => {
    const repo = await freshRepo(false);
    await applyImport(repo, detectAndParse(attackBundle([vendorA]), 'attack-old.json'));
    const again = await applyImport(repo, detectAndParse(attackBundle([vendorA, vendorB]), 'attack-new.json'));
    expect(again.record.counts.newClaims).toBe(1);
    const view = (await repo.linksOf('attack:G9101')).find((v) => v.other.id === 'attack:S9101')!;
    expect(view.claims).toHaveLength(2);
    const third = await applyImport(repo, detectAndParse(attackBundle([vendorA, vendorB]), 'attack-new.json'));
    expect(third.record.counts).toMatchObject({ newClaims: 0, updatedClaims: 0, updatedLinks: 0 });
  });
});
