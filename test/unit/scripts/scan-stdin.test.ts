/** `npm run scan -- -`: standard input, sniffed as a file whose name says nothing (PDF by its header, HTML, text). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf } from './make-pdf';
import { counts, names, scan } from './run-scan';

const dir = mkdtempSync(path.join(tmpdir(), 'actorlens-scan-stdin-'));

describe('npm run scan on standard input', () => {
  it('reads piped text, joining a name wrapped over a line end, beside a file', async () => {
    const file = path.join(dir, 'other.txt');
    writeFileSync(file, 'Lazarus Group sent the lure.\n');
    const { code, docs } = await scan(['-', file], 'The crew the report calls Wizard\nSpider ran TrickBot for months.\n');
    expect(code).toBe(0);
    expect(docs.map((d) => d.source)).toEqual(['-', file]);
    expect(names(docs[0])).toEqual(['TrickBot', 'Wizard Spider']);
    expect(names(docs[1])).toEqual(['Lazarus Group']);
  });

  it('reads piped HTML as a page (not its markup or scripts)', async () => {
    const html = '<!DOCTYPE html><title>x</title><script>var Emotet = 1;</script><p>Lazarus Group <b>and</b> TA505</p><pre><code>Dridex()</code></pre>';
    const { code, docs } = await scan(['-'], html);
    expect(code).toBe(0);
    expect(names(docs[0])).toEqual(['Lazarus Group', 'TA505']);
  });

  it('reads a piped PDF by its header, with its page count', async () => {
    const { code, docs } = await scan(['-'], makePdf([['Lazarus Group used TrickBot.'], ['TrickBot again.']]));
    expect(code).toBe(0);
    expect(docs[0]).toMatchObject({ source: '-', pages: 2 });
    expect(counts(docs[0])).toEqual({ 'Lazarus Group': 1, TrickBot: 2 });
  });

  it('says why piped input cannot be read, and that a second "-" has nothing left to read', async () => {
    const { code, docs, stderr } = await scan(['-', '-'], makePdf([[]]));
    expect(code).toBe(1);
    expect(docs.map((d) => d.error)).toEqual(['standard input is a PDF with no text in it (1 page: a scan? run it through OCR first)', 'standard input was read already (by an earlier "-")']);
    expect(stderr.trim().split('\n')).toHaveLength(2);
  });
});
