import { afterAll, describe, expect, it } from 'vitest';
import { applyImport, previewImport } from '../../../src/core/db/import-export';
import { checkSize, detectAndParse, ImportError, MAX_IMPORT_BYTES, parseMispGalaxy, parseStixBundle } from '../../../src/core/importers/index';
import { cleanName, isoDate, textSizeError } from '../../../src/core/importers/sanitize';
import { dump, fixture, freshRepo } from './helpers';

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

interface Case {
  file: string;
  path: string | RegExp;
  field: string;
  message: RegExp;
}

const CASES: Case[] = [
  { file: 'proto-pollution.json', path: 'values[0].meta.__proto__', field: '__proto__', message: /Forbidden key "__proto__"/ },
  { file: 'constructor-prototype.json', path: 'objects[0].constructor', field: 'constructor', message: /Forbidden key "constructor"/ },
  { file: 'script-name.json', path: 'objects[0] (intrusion-set--11111111-2222-4333-8444-555555555555)', field: 'name', message: /plain text.*<script>/ },
  { file: 'img-onerror.json', path: 'values[1].meta.synonyms[1]', field: 'synonyms', message: /plain text.*onerror/ },
  { file: 'control-chars.json', path: 'values[1]', field: 'value', message: /^control-chars.json values\[1\] \[value\]: Name contains U\+0000, a control character or line break, at character 5: "Evil\\u0000Group\\u202e"\. Such a character lets a name pass for another; remove it and import the file again\.$/ },
  { file: 'long-name.json', path: /^objects\[0\] \(intrusion-set--/, field: 'name', message: /250 characters long; the limit is 200/ },
  { file: 'non-string.json', path: 'values[1]', field: 'value', message: /must be a string, got a number/ },
  { file: 'truncated.json', path: '', field: '', message: /truncated or incomplete JSON/ },
  { file: 'not-json.txt', path: '', field: '', message: /not valid JSON/ },
  { file: 'wrong-format.json', path: '', field: '', message: /Unrecognised format/ },
  { file: 'misp-event.json', path: '', field: '', message: /looks like a MISP event: ActorLens imports MISP galaxy clusters \(a misp-galaxy cluster file, or a MISP instance's export of a galaxy's clusters\), not events/ },
  { file: 'galaxy-values-object.json', path: '', field: '', message: /MISP galaxy cluster file, but its "values" is not a list/ },
  { file: 'galaxy-no-values.json', path: '', field: '', message: /MISP galaxy cluster file without its "values" list/ },
  { file: 'bad-confidence.json', path: /^objects\[10\] \(relationship--a0000000-0000-4000-8000-000000000001\)$/, field: 'confidence', message: /integer from 0 to 100, got 150/ },
];

describe('hostile input: every case is an ImportError with file, path and field, and nothing is written', () => {
  for (const c of CASES) {
    it(c.file, async () => {
      const plan = detectAndParse(fixture(`hostile/${c.file}`), c.file);
      expect(plan.errors.length).toBeGreaterThan(0);
      const err = plan.errors[0]!;
      expect(err).toBeInstanceOf(ImportError);
      expect(err.file).toBe(c.file);
      if (typeof c.path === 'string') expect(err.path).toBe(c.path);
      else expect(err.path).toMatch(c.path);
      expect(err.field).toBe(c.field);
      expect(err.message).toMatch(c.message);
      expect(err.message.startsWith(c.file)).toBe(true);

      const repo = await freshRepo();
      const before = await dump(repo);
      const preview = await previewImport(repo, plan);
      expect(preview.errors).toBe(plan.errors);
      expect(preview.newEntities).toEqual([]);
      await expect(applyImport(repo, plan)).rejects.toBeInstanceOf(ImportError);
      expect(await dump(repo)).toBe(before);
    });
  }

  it('one bad object rejects the whole file (all or nothing)', async () => {
    const good = JSON.parse(fixture('stix21-sample.json')) as { objects: Record<string, unknown>[] };
    good.objects.push({
      type: 'malware',
      spec_version: '2.1',
      id: 'malware--12345678-1234-4234-8234-123456789abc',
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-01T00:00:00.000Z',
      name: 'Nice<img src=x onerror=alert(1)>',
      is_family: true,
    });
    const plan = parseStixBundle(good, 'mixed.json');
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatchObject({ file: 'mixed.json', path: `objects[${good.objects.length - 1}] (malware--12345678-1234-4234-8234-123456789abc)`, field: 'name' });
    const repo = await freshRepo();
    const before = await dump(repo);
    await expect(applyImport(repo, plan)).rejects.toThrow(/plain text/);
    expect(await dump(repo)).toBe(before);
  });

  it('files over 50 MiB are rejected before parsing; exactly 50 MiB is accepted', () => {
    expect(MAX_IMPORT_BYTES).toBe(52_428_800);
    expect(checkSize(MAX_IMPORT_BYTES, 'f.json')).toBeUndefined();
    expect(checkSize(MAX_IMPORT_BYTES + 1, 'f.json')?.message).toMatch(/too large.*50 MiB/);
    // UTF-8 size, not UTF-16 length: 2-byte characters.
    const half = 'é'.repeat(MAX_IMPORT_BYTES / 2);
    expect(textSizeError(half, 'f.json')).toBeUndefined();
    expect(textSizeError(`${half}x`, 'f.json')).toBeInstanceOf(ImportError);
    const big = `{"type":"bundle","objects":[${' '.repeat(MAX_IMPORT_BYTES)}]}`;
    const t0 = performance.now();
    const plan = detectAndParse(big, 'big.json');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatchObject({ file: 'big.json', path: '', field: '' });
    expect(plan.errors[0]!.message).toMatch(/File too large/);
  });

  it('rejects absurd nesting', () => {
    const deep = `{"type":"bundle","objects":[${'['.repeat(200)}${']'.repeat(200)}]}`;
    const plan = detectAndParse(deep, 'deep.json');
    expect(plan.errors[0]!.message).toMatch(/Nesting deeper than 64/);
  });

  it('rejects non-string types in every read field', () => {
    const plan = parseMispGalaxy(
      {
        type: 'threat-actor',
        name: 'T',
        values: [
          { value: 'A', uuid: 'a1b2c3d4-0000-4000-8000-000000000001', meta: { synonyms: 'not-a-list' } },
          { value: 'B', uuid: 'a1b2c3d4-0000-4000-8000-000000000002', meta: { synonyms: ['ok', 7] } },
          { value: 'C', uuid: 'a1b2c3d4-0000-4000-8000-000000000003', description: { html: '<b>' } },
          { value: 'D', uuid: 'a1b2c3d4-0000-4000-8000-000000000004', meta: { country: ['KP'] } },
          { value: 'E', uuid: 'a1b2c3d4-0000-4000-8000-000000000005', related: [{ 'dest-uuid': 5, type: 'uses' }] },
          { value: 'F', uuid: 12 },
          'G',
        ],
      },
      'types.json',
    );
    expect(plan.errors.map((e) => [e.path, e.field])).toEqual([
      ['values[0].meta', 'synonyms'],
      ['values[1].meta.synonyms[1]', 'synonyms'],
      ['values[2]', 'description'],
      ['values[3].meta', 'country'],
      ['values[4].related[0]', 'dest-uuid'],
      ['values[5]', 'uuid'],
      ['values[6]', ''],
    ]);
  });

  it('descriptions keep only plain text; names with a lone ">" or "&" are fine', () => {
    const plan = parseMispGalaxy(
      {
        type: 'ransomware',
        name: 'R',
        values: [
          { value: 'DeathHiddenTear (Large&Small HT)   > ', uuid: 'a1b2c3d4-0000-4000-8000-000000000001', description: '<img src=x onerror=alert(1)>Encrypts <b>files</b>\u0007.' },
        ],
      },
      'r.json',
    );
    expect(plan.errors).toEqual([]);
    expect(plan.entities[0]!.name).toBe('DeathHiddenTear (Large&Small HT) >');
    expect(plan.entities[0]!.description).toBe('Encrypts files.');
  });

  afterAll(() => {
    // Nothing reached Object.prototype.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect((({}) as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});

describe('names and dates the reader could not check by eye', () => {
  it('refuses every character drawn as nothing, so no name can pass for another (APT28 and APT28 + a filler)', () => {
    const ctx = { file: 'f.json', path: 'values[0]', field: 'value' };
    for (const hidden of ['\u061c', '\u00ad', '\u180e', '\u206a', '\u{e0041}', '\u034f', '\ufe0f', '\u3164', '\u200b']) {
      expect(cleanName(`APT28${hidden}`, ctx), JSON.stringify(hidden)).toBeInstanceOf(Error);
    }
    expect(cleanName('Sandworm Team', ctx)).toBe('Sandworm Team');
    expect(cleanName('Équipe Noire', ctx)).toBe('Équipe Noire');
  });
  it('keeps only the part of a date that can be true', () => {
    expect(['2019-13-45', '2019-02-30', '2020-02-29', '2019-07-14T10:00:00Z', '2019'].map(isoDate)).toEqual(['2019', '2019-02', '2020-02-29', '2019-07-14', '2019']);
    // Year 0000 is no year (the calendar has none); databases write "0000-00-00" for a date they do not have.
    expect(['0000-00-00', '0000-00-00T00:00:00Z', '0000'].map(isoDate)).toEqual([undefined, undefined, undefined]);
  });
});
