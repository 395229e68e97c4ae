/**
 * Hostile strings that made the description and name cleaners quadratic (seconds to minutes for one 200 kB field).
 * The assertions are on the cleaned result; the short timeout is what fails when the time grows again (the cleaners
 * now take about a millisecond on each of these).
 */
import { describe, expect, it } from 'vitest';
import { validateBackup } from '../../../src/core/db/backup';
import { detectAndParse, ImportError } from '../../../src/core/importers/index';
import { cleanName, cleanText } from '../../../src/core/importers/sanitize';
import { MAX_DESCRIPTION_LENGTH } from '../../../src/core/importers/types';

const N = 200_000;
const ctx = { file: 'f.json', path: 'objects[0]', field: 'description' };
const FAST = 3_000;

/** What a description without anything to remove becomes: cut with an ellipsis. */
const cut = (s: string) => `${s.slice(0, MAX_DESCRIPTION_LENGTH - 1).trimEnd()}…`;

describe('cleanText on 200 kB hostile descriptions', () => {
  it('a long run of spaces (the old "\\s*(Citation:" pattern)', { timeout: FAST }, () => {
    expect(cleanText(`APT28 is a group. (Citation: X)${' '.repeat(N)}b`, ctx)).toBe('APT28 is a group.');
  });

  it('tag openers without a ">"', { timeout: FAST }, () => {
    const s = '<a'.repeat(N / 2);
    expect(cleanText(s, ctx)).toBe(cut(s));
  });

  it('markdown link openers without a ")"', { timeout: FAST }, () => {
    const s = '[a](/'.repeat(N / 5);
    expect(cleanText(s, ctx)).toBe(cut(s));
    // With a space and ")" at the very end the scan stops at the space instead: still bounded per "[".
    expect(cleanText(`${s} )`, ctx)).toBe(cut(s));
  });

  it('citation openers without a ")"', { timeout: FAST }, () => {
    const s = '(Citation:'.repeat(N / 10);
    expect(cleanText(s, ctx)).toBe(cut(s));
  });

  it('comment openers without "-->"', { timeout: FAST }, () => {
    const s = '<!--'.repeat(N / 4);
    expect(cleanText(s, ctx)).toBe(cut(s));
  });

  it('ordinary text keeps its cleaning: links, citations, tags and comments go, the rest stays', () => {
    const raw = 'Uses [Mimikatz](https://attack.mitre.org/software/S0002) <b>widely</b>.  (Citation: A)(Citation: B)\n\n\n\nSee <!-- x --> also a < b > c.';
    expect(cleanText(raw, ctx)).toBe('Uses Mimikatz widely.\n\nSee also a < b > c.');
    expect(cleanText(`a${' '.repeat(15_000)}b`, ctx)).toBe('a b');
  });
});

describe('cleanName on hostile names', () => {
  it('"<" then 200 k spaces is refused for its length, with the length in the message', { timeout: FAST }, () => {
    const r = cleanName(`<${' '.repeat(N)}1`, { ...ctx, field: 'name' });
    expect(r).toBeInstanceOf(ImportError);
    expect((r as ImportError).reason).toMatch(/200002 characters long; the limit is 200/);
  });

  it('names up to the raw limit are read as before', () => {
    expect(cleanName(`<${' '.repeat(998)}1`, ctx)).toBe('< 1');
    expect(cleanName(`APT${' '.repeat(500)}28,`, ctx)).toBe('APT 28');
    expect(cleanName('< / b', ctx)).toBeInstanceOf(ImportError);
    expect(cleanName('<  b', ctx)).toBeInstanceOf(ImportError);
    expect(cleanName('a < 1', ctx)).toBe('a < 1');
  });

  it('a MISP file and a backup holding such a name are refused at once', { timeout: FAST }, () => {
    const name = `<${' '.repeat(N)}1`;
    const misp = detectAndParse(
      JSON.stringify({ type: 'threat-actor', name: 'T', values: [{ value: name, uuid: '11111111-2222-4333-8444-555555555555' }] }),
      'misp.json',
    );
    expect(misp.errors.map((e) => e.reason)).toEqual([expect.stringMatching(/characters long/)]);
    const backup = validateBackup({
      format: 'actorlens-backup',
      version: 1,
      entities: [{ id: 'x', kind: 'actor', name, aliases: [], provenance: ['user'] }],
      links: [],
      claims: [],
      meta: [],
    });
    expect(backup.errors.map((e) => e.reason)).toEqual([expect.stringMatching(/characters long/)]);
  });

  it('a STIX bundle whose one description is 200 k spaces imports', { timeout: FAST }, () => {
    const plan = detectAndParse(
      JSON.stringify({
        type: 'bundle',
        id: 'bundle--11111111-2222-4333-8444-555555555555',
        objects: [
          {
            type: 'intrusion-set',
            spec_version: '2.1',
            id: 'intrusion-set--11111111-2222-4333-8444-555555555555',
            created: '2020-01-01T00:00:00.000Z',
            modified: '2020-01-01T00:00:00.000Z',
            name: 'Zeta Spider',
            description: `Zeta${' '.repeat(N)}Spider`,
          },
        ],
      }),
      'bundle.json',
    );
    expect(plan.errors).toEqual([]);
    expect(plan.entities[0]?.description).toBe('Zeta');
  });
});
