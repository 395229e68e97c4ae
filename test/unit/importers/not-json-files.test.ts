/**
 * Files that are not JSON text at all, chosen by mistake: a compressed download of a feed, an archive, a PDF report.
 * Each is refused as what it is, with what to do, rather than as text "probably in another encoding (Windows-1252)"
 * or JSON with an "unexpected token" that prints the file's raw bytes. And whatever a file holds, the message shown
 * never carries a character drawn as nothing (a direction override would turn the rest of the message around).
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeImportBytes, ImportDecoder } from '../../../src/core/importers/decode';
import { detectAndParse, ImportError } from '../../../src/core/importers/index';
import { validateBackup } from '../../../src/core/db/backup';

const feed = JSON.stringify({ type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000001', objects: [] });
const bytes = (...b: number[]) => new Uint8Array([...b, ...new TextEncoder().encode(' trailing bytes of the container')]);

const CONTAINERS: [string, Uint8Array, RegExp][] = [
  ['feed.json.gz', new Uint8Array(gzipSync(feed)), /gzip-compressed/],
  ['feed.zip', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), /ZIP archive/],
  ['feed.json', bytes(0x50, 0x4b, 0x05, 0x06, 0x00, 0x00), /ZIP archive/],
  ['report.pdf', new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'), /PDF document/],
  ['feed.json.bz2', new TextEncoder().encode('BZh91AY&SY'), /bzip2-compressed/],
  ['feed.json.xz', bytes(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00), /xz-compressed/],
  ['feed.7z', bytes(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c), /7-Zip archive/],
  ['feed.json.zst', bytes(0x28, 0xb5, 0x2f, 0xfd, 0x04, 0x00), /Zstandard-compressed/],
];

describe('a file that is not JSON text', () => {
  it.each(CONTAINERS)('%s is refused as what it is, with what to do', (name, data, what) => {
    let error: unknown;
    try {
      decodeImportBytes(data, name);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    const e = error as ImportError;
    expect(e.file).toBe(name);
    expect(e.reason).toMatch(what);
    expect(e.reason).not.toMatch(/Windows-1252|Unexpected token/);
    expect(e.reason).toMatch(/not a JSON file/);
  });

  it('is recognised when its first bytes arrive one at a time (a slow download)', () => {
    const decoder = new ImportDecoder('feed.json.gz');
    const gz = gzipSync(feed);
    expect(decoder.push(gz.subarray(0, 1))).toBe('');
    expect(() => {
      for (let i = 1; i < gz.length; i++) decoder.push(gz.subarray(i, i + 1));
      decoder.end();
    }).toThrow(/gzip-compressed/);
  });
});

describe('the JSON parser\'s own message, which quotes the file', () => {
  const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
  it.each([
    ['a direction override', '{"name": \u202e"Wombat"}', '\\u202e'],
    ['a control character', '\u0001{"type": "bundle"}', '\\u0001'],
    ['a zero-width space', '\u200b{"type": "bundle"}', '\\u200b'],
  ])('shows %s escaped, never as it is', (_what, text, escaped) => {
    const [error] = detectAndParse(text, 'odd.json').errors;
    expect(error!.reason).toMatch(/not valid JSON/);
    expect(error!.message).not.toMatch(INVISIBLE);
    expect(error!.message).toContain(escaped);
    const [restore] = validateBackup(text, 'odd-backup.json').errors;
    expect(restore!.message).not.toMatch(INVISIBLE);
  });
});
