import { describe, expect, it } from 'vitest';
import { applyImport, exportStix } from '../../../src/core/db/import-export';
import { detectAndParse, parseStixBundle } from '../../../src/core/importers/index';
import { freshRepo } from '../importers/helpers';

const SPONSOR =
  'The Government of the Democratic Republic of Somewhere, acting through its Ministry of State Security and affiliated contractors and front companies operating from several provinces, ok';

describe('motivation through MISP, our STIX export and back', () => {
  it('a long suspected sponsor gives a motivation our own export can be re-imported with', async () => {
    const repo = await freshRepo(false);
    const uuid = '00000001-0000-4000-8000-000000000000';
    await applyImport(repo, detectAndParse(JSON.stringify({ type: 'threat-actor', values: [{ value: 'Sponsor Test', uuid, meta: { 'cfr-suspected-state-sponsor': SPONSOR } }] }), 'ta.json'));
    const stored = (await repo.entity(`misp:${uuid}`))!.motivation!;
    expect(stored.length).toBeLessThanOrEqual(200);
    expect(stored).toMatch(/^state-sponsored \(suspected sponsor: The Government of the Democratic Republic.*…\)$/);

    const plan = parseStixBundle(JSON.parse(JSON.stringify(await exportStix(repo, { scope: 'all' }))), 'export.json');
    expect(plan.errors).toEqual([]);
    // Read back as written: no hyphen turned into a space.
    expect(plan.entities.find((e) => e.name === 'Sponsor Test')!.motivation).toBe(stored);
  });

  it('an unreadable x_actorlens_motivation is reported under that property, not primary_motivation', () => {
    const plan = parseStixBundle(
      {
        type: 'bundle',
        id: 'bundle--00000000-0000-4000-8000-000000000000',
        objects: [{ type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--00000001-0000-4000-8000-000000000000', name: 'X Group', x_actorlens_motivation: 7 }],
      },
      'bad.json',
    );
    expect(plan.errors.map((e) => e.field)).toEqual(['x_actorlens_motivation']);
  });

  it('STIX primary_motivation tokens still read as words', () => {
    const plan = parseStixBundle(
      {
        type: 'bundle',
        id: 'bundle--00000000-0000-4000-8000-000000000000',
        objects: [{ type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--00000001-0000-4000-8000-000000000000', name: 'X Group', primary_motivation: 'organizational-gain' }],
      },
      'ok.json',
    );
    expect(plan.entities[0]!.motivation).toBe('organizational gain');
  });
});
