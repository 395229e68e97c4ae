/**
 * Audit R, finding 1: the bytes of an import file. A file saved as UTF-16 (Windows "Unicode", with or without a
 * byte-order mark) was decoded as UTF-8 and refused as "not valid JSON" at position 0 with no word about the encoding;
 * a Windows-1252 file was decoded with U+FFFD for every accented letter and imported with garbled names.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, exportBackup, exportStix, restoreBackup } from '../../../src/core/db/import-export';
import { toRow } from '../../../src/core/db/repository';
import { detectAndParse, ImportError } from '../../../src/core/importers/index';
import { decodeImportBytes } from '../../../src/core/importers/decode';
import { readFileText } from '../../../src/options/import/read-file';
import { dump, freshRepo } from './helpers';

const NAME = 'Café Bär Лазарь 白象';
const TEXT = JSON.stringify({
  type: 'bundle',
  id: 'bundle--00000000-0000-4000-8000-000000000001',
  objects: [
    {
      type: 'intrusion-set',
      spec_version: '2.1',
      id: 'intrusion-set--00000000-0000-4000-8000-0000000000aa',
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-01T00:00:00.000Z',
      name: NAME,
      aliases: ['Ünïcödé Kitten'],
    },
  ],
});

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[i * 2 + (bigEndian ? 1 : 0)] = u & 0xff;
    out[i * 2 + (bigEndian ? 0 : 1)] = u >> 8;
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
/** Windows-1252 / Latin-1 bytes of a text made of code points below 256 only. */
const latin1 = (text: string) => new Uint8Array([...text].map((ch) => ch.charCodeAt(0)));

/** A Blob whose stream comes in small chunks, so that characters are cut between chunks. */
function chunkedBlob(bytes: Uint8Array, size: number): Blob {
  const blob = new Blob([bytes as BlobPart]);
  return Object.assign(blob, {
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
          controller.close();
        },
      }),
  });
}

const cases: [string, Uint8Array][] = [
  ['UTF-8', utf8(TEXT)],
  ['UTF-8 with a byte-order mark', withBom(utf8(TEXT))],
  ['UTF-16LE with a byte-order mark', utf16(TEXT, false, true)],
  ['UTF-16BE with a byte-order mark', utf16(TEXT, true, true)],
  ['UTF-16LE without a byte-order mark', utf16(TEXT, false, false)],
  ['UTF-16BE without a byte-order mark', utf16(TEXT, true, false)],
];

describe('import file encodings', () => {
  for (const [label, bytes] of cases) {
    it(`reads ${label} with its names intact, whole and in chunks cut inside characters`, async () => {
      for (const blob of [new Blob([bytes as BlobPart]), chunkedBlob(bytes, 3), chunkedBlob(bytes, 7)]) {
        const text = await readFileText(blob, () => undefined);
        expect(text).toBe(TEXT);
      }
      const repo = await freshRepo(false);
      const plan = detectAndParse(await readFileText(chunkedBlob(bytes, 5), () => undefined), 'feed.json');
      expect(plan.errors).toEqual([]);
      await applyImport(repo, plan);
      const rows = await repo.db.entities.toArray();
      expect(rows.map((r) => r.name)).toEqual([NAME]);
      expect(rows[0]!.aliases.map((a) => a.name)).toEqual(['Ünïcödé Kitten']);
    });
  }

  it('refuses a Windows-1252 file with a clear message instead of importing garbled names, and changes nothing', async () => {
    const bytes = latin1(TEXT.replace(' Лазарь 白象', ''));
    const repo = await freshRepo(false);
    const before = await dump(repo);
    let error: unknown;
    try {
      const text = await readFileText(chunkedBlob(bytes, 16), () => undefined);
      await applyImport(repo, detectAndParse(text, 'feed.json'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    const offset = bytes.indexOf(0xe9);
    expect((error as ImportError).reason).toContain(`byte 0xE9 at offset ${offset}`);
    expect((error as ImportError).reason).toMatch(/not valid UTF-8.*another encoding/);
    expect(await dump(repo)).toBe(before);
  });

  it('refuses UTF-32 and bytes broken after a UTF-16 start, naming the encoding', () => {
    const utf32 = new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]);
    expect(() => decodeImportBytes(utf32, 'a.json')).toThrow(/UTF-32/);
    const broken = new Uint8Array([...utf16('{"a":"', false, true), 0x00, 0xd8, 0x41, 0x00]); // lone high surrogate
    expect(() => decodeImportBytes(broken, 'b.json')).toThrow(/UTF-16LE/);
    expect(() => decodeImportBytes(new Uint8Array([0x7b, 0x22, 0xc3]), 'c.json')).toThrow(/ends inside a UTF-8 character/);
  });
});

describe('text already decoded wrongly', () => {
  it('says "UTF-16 read as UTF-8" instead of "not valid JSON" when a caller decoded a UTF-16 file as UTF-8', () => {
    for (const bytes of [utf16(TEXT, false, true), utf16(TEXT, false, false), utf16(TEXT, true, false)]) {
      const plan = detectAndParse(new TextDecoder('utf-8').decode(bytes), 'feed.json');
      expect(plan.errors.map((e) => e.reason)).toEqual([expect.stringMatching(/UTF-16 text read as UTF-8/)]);
    }
  });
});

describe('names garbled before they reached the file', () => {
  const withNames = (name: string, aliases: string[] = []) =>
    JSON.stringify({
      type: 'bundle',
      id: 'bundle--00000000-0000-4000-8000-000000000001',
      objects: [{ type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--00000000-0000-4000-8000-0000000000aa', created: T0, modified: T0, name, aliases }],
    });
  const T0 = '2024-01-01T00:00:00.000Z';

  it('refuses a name or alias holding U+FFFD or UTF-8 read as Windows-1252 ("Ã©"), and the database is unchanged', async () => {
    const repo = await freshRepo(false);
    const before = await dump(repo);
    for (const [name, aliases, expected] of [
      ['Caf\uFFFD Bear', [], /U\+FFFD/],
      ['Quokka', ['CafÃ© Kitten'], /encoding mix-up/],
      ['Quokkaâ€™s Crew', [], /encoding mix-up/],
      ['SÃ£o Group', [], /encoding mix-up/],
    ] as const) {
      const plan = detectAndParse(withNames(name, [...aliases]), 'garbled.json');
      expect(plan.errors.map((e) => e.reason)).toEqual([expect.stringMatching(expected)]);
      await expect(applyImport(repo, plan)).rejects.toBeInstanceOf(ImportError);
    }
    expect(await dump(repo)).toBe(before);
  });

  it('accepts names that only look close: SÃO PAULO, JOSÉ’S, Straße, Ärger, Ünïcödé', () => {
    const plan = detectAndParse(withNames('SÃO PAULO Group', ['JOSÉ’S Crew', 'Straße Panda', 'Ärger Bear', 'Ünïcödé Kitten', 'Â-Team']), 'fine.json');
    expect(plan.errors).toEqual([]);
    expect(plan.entities[0]!.aliases).toHaveLength(5);
  });

  it('a name stored garbled before this check still comes back from the reader\'s own export and backup', async () => {
    const repo = await freshRepo(false);
    await repo.db.entities.put(toRow({ id: 'user:cafe-bear', kind: 'actor', name: 'CafÃ© Bear', aliases: [{ name: 'Caf\uFFFD Bear' }], provenance: ['user'] }));
    const own = detectAndParse(JSON.stringify(await exportStix(repo, { scope: 'all' })), 'own.json');
    expect(own.errors).toEqual([]);
    const fresh = await freshRepo(false);
    await applyImport(fresh, own);
    expect((await fresh.db.entities.get('user:cafe-bear'))?.aliases.map((a) => a.name)).toEqual(['Caf\uFFFD Bear']);
    const other = await freshRepo(false);
    await restoreBackup(other, JSON.stringify(await exportBackup(repo)), 'backup.json');
    expect((await other.db.entities.get('user:cafe-bear'))?.name).toBe('CafÃ© Bear');
  });
});
