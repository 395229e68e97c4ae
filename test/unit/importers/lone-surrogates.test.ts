/**
 * JSON can write half of a character pair on its own ("\ud800"): no encoding produces one from bytes, it is not text,
 * and a name holding one was imported without a word and drawn as "Quokka�". It is refused as a garbled name is
 * (U+FFFD, "Ã©"), except in data ActorLens already holds (a backup), so that a database holding one still restores.
 */
import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../../../src/core/db/import-export';
import { toRow } from '../../../src/core/db/repository';
import { detectAndParse } from '../../../src/core/importers/index';
import { freshRepo } from './helpers';

const bundle = (name: string, aliases: string[] = []) =>
  JSON.stringify({
    type: 'bundle',
    id: 'bundle--11111111-2222-4333-8444-000000000000',
    objects: [{ type: 'malware', spec_version: '2.1', id: 'malware--11111111-2222-4333-8444-000000000001', created: '2020-01-01T00:00:00Z', modified: '2020-01-01T00:00:00Z', name, aliases, is_family: true }],
  });

describe('a name holding half of a character pair', () => {
  it.each([
    ['at the end', bundle('Quokka\ud800'), 'name', /U\+D800/],
    ['at the start of an alias', bundle('Quokka', ['\udc00QK']), 'aliases', /U\+DC00/],
  ])('%s is refused with the code point', (_where, text, field, code) => {
    const plan = detectAndParse(text, 'halves.json');
    expect(plan.entities).toEqual([]);
    const [error] = plan.errors;
    expect(error!.field).toBe(field);
    expect(error!.reason).toMatch(code);
    expect(error!.reason).toMatch(/half of a character pair/);
  });

  it('a whole pair (an emoji) is a character like any other', () => {
    const plan = detectAndParse(bundle('Quokka \ud83d\ude00'), 'emoji.json');
    expect(plan.errors).toEqual([]);
    expect(plan.entities[0]!.name).toBe('Quokka \u{1F600}');
  });

  it('a backup of a database that holds one (imported before the check) still restores', async () => {
    const repo = await freshRepo();
    await repo.db.entities.put(toRow({ id: 'stix:malware--11111111-2222-4333-8444-000000000001', kind: 'malware', name: 'Quokka\ud800', aliases: [], provenance: ['stix'] }));
    const backup = await exportBackup(repo);
    const other = await freshRepo();
    await restoreBackup(other, JSON.parse(JSON.stringify(backup)), 'backup.json');
    expect((await other.db.entities.get('stix:malware--11111111-2222-4333-8444-000000000001'))?.name).toBe('Quokka\ud800');
  });
});
