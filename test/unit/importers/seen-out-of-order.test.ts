/**
 * A STIX object whose first_seen is later than its last_seen: the dates are the file's word and are imported as
 * written, but the preview says the range ends before it starts.
 */
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { seenOutOfOrder } from '../../../src/core/model/entity';
import { freshRepo } from './helpers';

const ID = 'intrusion-set--11111111-2222-4333-8444-5555555555a1';
const bundleWith = (seen: Record<string, string>) =>
  JSON.stringify({
    type: 'bundle',
    id: 'bundle--11111111-2222-4333-8444-0000000000a0',
    objects: [
      { type: 'intrusion-set', spec_version: '2.1', id: ID, created: '2021-01-01T00:00:00.000Z', modified: '2021-01-01T00:00:00.000Z', name: 'Pangolin Brigade', ...seen },
    ],
  });

describe('first seen later than last seen in an imported file', () => {
  it('warns with the object\'s place and both dates, and imports them as written', async () => {
    const plan = detectAndParse(bundleWith({ first_seen: '2022-03-01T00:00:00Z', last_seen: '2019-11-30T00:00:00Z' }), 'pangolin.json');
    expect(plan.errors).toEqual([]);
    expect(plan.warnings).toEqual([
      {
        file: 'pangolin.json',
        path: `objects[0] (${ID})`,
        field: 'last_seen',
        message: 'First seen (2022-03-01) is later than last seen (2019-11-30); both are imported as written.',
      },
    ]);
    const repo = await freshRepo();
    await applyImport(repo, plan);
    const stored = await repo.entity(plan.entities[0]!.id);
    expect([stored?.firstSeen, stored?.lastSeen]).toEqual(['2022-03-01', '2019-11-30']);
  });

  it.each([
    ['2019-01-01T00:00:00Z', '2022-12-31T00:00:00Z'],
    ['2020-05-01T00:00:00Z', '2020-05-01T00:00:00Z'],
  ])('dates in order (%s, %s) bring no warning', (first_seen, last_seen) => {
    expect(detectAndParse(bundleWith({ first_seen, last_seen }), 'pangolin.json').warnings).toEqual([]);
  });

  it('compares dates of different precision on what both give', () => {
    expect(seenOutOfOrder('2019-06', '2019')).toBe(false);
    expect(seenOutOfOrder('2019', '2019-06')).toBe(false);
    expect(seenOutOfOrder('2020', '2019-06')).toBe(true);
    expect(seenOutOfOrder('2019-07-02', '2019-07-01')).toBe(true);
    expect(seenOutOfOrder('2019', undefined)).toBe(false);
  });

  it('our own export\'s exact dates are checked too', () => {
    const plan = detectAndParse(bundleWith({ x_actorlens_first_seen: '2021', x_actorlens_last_seen: '2018-04' }), 'pangolin.json');
    expect(plan.warnings.map((w) => w.message)).toEqual(['First seen (2021) is later than last seen (2018-04); both are imported as written.']);
  });
});
