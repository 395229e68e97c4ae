/** Which reader an input goes to: the bytes decide for files and standard input, whatever the name says. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, readInput } from '../../../scripts/lib/read-input';
import { makePdf } from './make-pdf';

const dir = mkdtempSync(path.join(tmpdir(), 'actorlens-read-kinds-'));

async function* pieces(...chunks: (string | Buffer)[]): AsyncIterable<Uint8Array> {
  for (const c of chunks) yield Buffer.from(c);
}

describe('readInput by content', () => {
  it('reads a PDF named .txt as a PDF, and a report.pdf that is a saved error page as the page', async () => {
    const misnamed = path.join(dir, 'notes.txt');
    writeFileSync(misnamed, makePdf([['Lazarus Group notes.']]));
    expect(await readInput(misnamed)).toMatchObject({ text: 'Lazarus Group notes.', html: false, pages: 1 });
    const errorPage = path.join(dir, 'report.pdf');
    writeFileSync(errorPage, '<!DOCTYPE html><p>Session expired: sign in again.</p>');
    const page = await readInput(errorPage);
    expect(page.html).toBe(true);
    expect(page.pages).toBeUndefined();
  });

  it('reads standard input arriving in pieces, a PDF split anywhere too', async () => {
    const pdf = makePdf([['TrickBot returned.']]);
    expect(await readInput('-', { stdin: pieces(pdf.subarray(0, 7), pdf.subarray(7)) })).toMatchObject({ text: 'TrickBot returned.', pages: 1 });
    expect(await readInput('-', { stdin: pieces('<p>Lazarus ', 'Group</p>') })).toMatchObject({ html: true, text: '<p>Lazarus Group</p>' });
  });

  it('refuses standard input once past the size limit, by the name the reader knows it by', async () => {
    await expect(readInput('-', { stdin: pieces('x'.repeat(600), 'x'.repeat(600)), maxBytes: 1000 })).rejects.toThrow(new InputError('standard input is too large to scan (over the 1000 bytes limit)'));
  });
});
