/**
 * `npm run scan -- --import FILE` reads the file as the options page reads an import: refused past the import limit
 * before reading, decoded by the same checks. It used to read any file whole (a device never ended) and decode bytes
 * that are not UTF-8 with U+FFFD, so a Windows-1252 feed imported garbled descriptions without a word.
 */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../src/core/importers/types';
import { feedText, parseFeedFile } from '../../../scripts/lib/feeds';
import { scan } from './run-scan';

const dir = mkdtempSync(path.join(tmpdir(), 'actorlens-import-'));
const galaxy = (description: string) =>
  JSON.stringify({ type: 'threat-actor', name: 'Threat actors', values: [{ value: 'Wombat Crew', uuid: '00000000-0000-4000-8000-0000000000c1', description }] });
const write = (name: string, bytes: Buffer | string) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

describe('--import files', () => {
  it('refuses a Windows-1252 file with the place of the first byte that is not UTF-8, as the options page does', () => {
    const file = write('cp1252.json', Buffer.from(galaxy('A crew from the caf\xe9 scene.'), 'latin1'));
    expect(() => parseFeedFile(file)).toThrow(/^feed .*cp1252\.json cannot be imported: cp1252\.json: The file is not valid UTF-8 text \(byte 0xE9 at offset \d+\)/);
  });

  it('refuses a compressed feed as what it is', () => {
    const file = write('feed.json.gz', gzipSync(galaxy('A crew.')));
    expect(() => parseFeedFile(file)).toThrow(/feed\.json\.gz: The file is a gzip-compressed file, not a JSON file: extract the STIX or MISP JSON file/);
  });

  it('refuses a file over the import limit from its size, without reading it', () => {
    const file = path.join(dir, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, MAX_IMPORT_BYTES + 1);
    expect(() => parseFeedFile(file)).toThrow(/huge\.json is too large to import \(52428801 bytes; the limit is 52428800 bytes, 50 MiB\)/);
  });

  it('still reads UTF-8 with a byte-order mark and UTF-16 as before', () => {
    const text = galaxy('A crew from the café scene.');
    expect(parseFeedFile(write('bom.json', `\ufeff${text}`)).entities[0]!.description).toBe('A crew from the café scene.');
    expect(parseFeedFile(write('u16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).entities[0]!.name).toBe('Wombat Crew');
    expect(feedText(Buffer.from(text, 'utf16le').swap16())).toBe(text);
  });

  it('stops the scan with the reason in one line, exit status 1 and no stack trace', async () => {
    const gz = write('bad.json.gz', gzipSync(galaxy('A crew.')));
    const report = write('report.txt', 'Lazarus Group deployed TrickBot.\n');
    const { code, stdout, stderr } = await scan(['--import', gz, report]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^scan: feed .*bad\.json\.gz cannot be imported: bad\.json\.gz: The file is a gzip-compressed file/)]);
  });
});
