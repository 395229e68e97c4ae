/**
 * A STIX object whose first_seen is later than its last_seen: the dates are the file's word and are imported as
 * written, but the preview says the range ends before it starts; a date from a second file that would make the
 * stored range end before it starts is not added, and the preview says so.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, previewImport } from '../../../src/core/db/import-export';
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

  it('a date filled from a second file never makes the stored range end before it starts', async () => {
    const repo = await freshRepo();
    const first = detectAndParse(bundleWith({ first_seen: '2015-01-01T00:00:00Z' }), 'vendor-a.json');
    await applyImport(repo, first);
    const second = detectAndParse(bundleWith({ last_seen: '2012-06-30T00:00:00Z' }), 'vendor-b.json');
    const preview = await previewImport(repo, second);
    expect(preview.warnings.map((w) => [w.path, w.field, w.message])).toEqual([
      ['entity Pangolin Brigade', 'last_seen', "The file's last seen (2012-06-30) is earlier than the stored first seen (2015-01-01); the last seen is not added."],
    ]);
    await applyImport(repo, second);
    const stored = await repo.entity(first.entities[0]!.id);
    expect([stored?.firstSeen, stored?.lastSeen]).toEqual(['2015-01-01', undefined]);
  });

  it('the other way round, and a date that keeps the range in order is added', async () => {
    const repo = await freshRepo();
    const first = detectAndParse(bundleWith({ last_seen: '2012-06-30T00:00:00Z' }), 'vendor-a.json');
    await applyImport(repo, first);
    const late = await previewImport(repo, detectAndParse(bundleWith({ first_seen: '2015-01-01T00:00:00Z' }), 'vendor-b.json'));
    expect(late.warnings.map((w) => w.message)).toEqual(["The file's first seen (2015-01-01) is later than the stored last seen (2012-06-30); the first seen is not added."]);
    await applyImport(repo, detectAndParse(bundleWith({ first_seen: '2010-02-01T00:00:00Z' }), 'vendor-c.json'));
    const stored = await repo.entity(first.entities[0]!.id);
    expect([stored?.firstSeen, stored?.lastSeen]).toEqual(['2010-02-01', '2012-06-30']);
  });
});
