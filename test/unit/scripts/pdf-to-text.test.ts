/** A PDF report's text layer as `npm run scan` reads it: reading order, paragraphs, hyphenation, and what it refuses. */
import { describe, expect, it } from 'vitest';
import { unwrapLines } from '../../../src/core/page-text';
import { InputError } from '../../../scripts/lib/read-input';
import { pdfToText } from '../../../scripts/lib/pdf-to-text';
import { makePdf } from './make-pdf';

/** The text as the scanner matches it (lines of a paragraph joined as words, as in a .txt report). */
const read = async (pdf: Buffer) => unwrapLines((await pdfToText(pdf, 'report.pdf')).text);

describe('pdfToText', () => {
  it('reads pages in order, a paragraph as one run of words, and parts paragraphs, headings and pages', async () => {
    const pdf = makePdf([
      [{ text: 'Quarterly intrusion notes', size: 20 }, 'The operators behind the campaign', 'moved laterally within hours.', '', 'A second paragraph starts', 'after a blank line.'],
      ['The second page has its own', 'paragraph.'],
    ]);
    const { text, pages } = await pdfToText(pdf, 'report.pdf');
    expect(pages).toBe(2);
    expect(unwrapLines(text).split('\n\n')).toEqual([
      'Quarterly intrusion notes',
      'The operators behind the campaign moved laterally within hours.',
      'A second paragraph starts after a blank line.',
      'The second page has its own paragraph.',
    ]);
  });

  it('joins a word hyphenated over a line end, and keeps the hyphen of a compound, without a space', async () => {
    const text = await read(makePdf([['The Wizard Spi-', 'der crew ran a state-', 'sponsored loader that Kim-', 'suky reused in long-', 'term access.']]));
    // "spider" is a word; "suky" is not a word by itself; "state" + "sponsored" and "long" + "term" are two words each
    expect(text).toBe('The Wizard Spider crew ran a state-sponsored loader that Kimsuky reused in long-term access.');
  });

  it('keeps the hyphen before a capital (a name such as APT-C-36 is written so), and leaves paragraphs apart', async () => {
    expect(await read(makePdf([['The group tracked as APT-', 'C-36 sent the lures.', '', 'A paragraph that ends on para-', '', 'graphs is not joined to the next.']]))).toBe(
      'The group tracked as APT-C-36 sent the lures.\n\nA paragraph that ends on para-\n\ngraphs is not joined to the next.',
    );
  });

  it('leaves out a running header and page footer repeated on most pages, and says so; a two-page PDF keeps them unless a page number shows the furniture', async () => {
    const page = (n: number, body: string[]) => [{ text: 'Lazarus Group campaign report, TLP:CLEAR', size: 9 }, '', ...body, { text: `Page ${n} of 4`, size: 9, y: 40 }];
    const report = makePdf([
      page(1, ['Lazarus Group phished the bank.']),
      page(2, ['TrickBot came next.']),
      page(3, ['Lazarus Group moved laterally.']),
      [{ text: 'Appendix', size: 16 }, 'Indicators follow.'],
    ]);
    const read = await pdfToText(report, 'report.pdf');
    expect(read.text).toBe('Lazarus Group phished the bank.\n\nTrickBot came next.\n\nLazarus Group moved laterally.\n\nAppendix\n\nIndicators follow.');
    expect(read.notes).toEqual(['report.pdf: running headers or footers left out, as they repeat on 3 pages (such as "Lazarus Group campaign report, TLP:CLEAR")']);
    // two pages cannot tell a running header from a line that happens to open both
    const unnumbered = (body: string[]) => [{ text: 'Lazarus Group campaign report, TLP:CLEAR', size: 9 }, '', ...body];
    const short = await pdfToText(makePdf([unnumbered(['One.']), unnumbered(['Two.'])]), 'short.pdf');
    expect(short.text.match(/campaign report/g)).toHaveLength(2);
    expect(short.notes).toEqual([]);
    // ...unless a line differs from page to page only by its page number, as a browser prints a page's address and
    // "1/2" under it: then the title repeated above each page goes too
    const printed = (n: number, body: string[]) => [{ text: 'Who sells the keys? The Patch Ledger', size: 9 }, '', ...body, { text: `file:///reports/keys.html ${n}/2`, size: 9, y: 40 }];
    const browser = await pdfToText(makePdf([printed(1, ['TrickBot came first.']), printed(2, ['Dridex came later.'])]), 'keys.pdf');
    expect(browser.text).toBe('TrickBot came first.\n\nDridex came later.');
    expect(browser.notes).toEqual(['keys.pdf: running headers or footers left out, as they repeat on 2 pages (such as "Who sells the keys? The Patch Ledger")']);
  });

  it('refuses a PDF that needs a password, with the reason in one line', async () => {
    const pdf = makePdf([['Lazarus Group notes.']], { userPassword: 'secret' });
    await expect(pdfToText(pdf, 'locked.pdf')).rejects.toThrow(new InputError('locked.pdf is a password-protected PDF: its text cannot be read without the password'));
  });

  it('refuses a PDF with no text (a scan), and names the pages without text in one that has some', async () => {
    await expect(pdfToText(makePdf([[], []]), 'scan.pdf')).rejects.toThrow(new InputError('scan.pdf is a PDF with no text in it (2 pages: a scan? run it through OCR first)'));
    const mixed = await pdfToText(makePdf([['Cover text.'], [], [], ['Last page.'], []]), 'mixed.pdf');
    expect(mixed.pages).toBe(5);
    expect(mixed.text).toBe('Cover text.\n\nLast page.');
    expect(mixed.notes).toEqual(['mixed.pdf: pages 2–3, 5 of 5 have no text (images only?); the other pages were read']);
  });

  it('refuses a broken or truncated PDF, with the reason in one line', async () => {
    for (const bytes of [Buffer.from('%PDF-1.7\nnothing of a PDF follows\n'), makePdf([['Cut off while downloading.']]).subarray(0, 180)]) {
      const err = await pdfToText(bytes, 'broken.pdf').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(/^broken\.pdf is not a readable PDF \([^\n]+\)$/);
    }
  });

  it('reads the other pages of a PDF with a damaged page, and says which', async () => {
    const pdf = makePdf([['Lazarus Group on page one.'], ['TrickBot on page two.']]).toString('latin1');
    // the page tree's second entry points to the first page's content stream (object 4), not to a page
    const damaged = Buffer.from(pdf.replace(/\/Kids \[(\d+ 0 R) \d+ 0 R/, '/Kids [$1 4 0 R'), 'latin1');
    const read = await pdfToText(damaged, 'damaged.pdf');
    expect(read.text).toBe('Lazarus Group on page one.');
    expect(read.notes).toEqual([expect.stringMatching(/^damaged\.pdf: page 2 of the PDF cannot be read \(.+\); the other pages were read$/)]);
  });

  it('leaves the bytes it was given usable (PDF.js takes over the buffer it reads)', async () => {
    const pdf = makePdf([['Still here.']]);
    const copy = Buffer.from(pdf);
    await pdfToText(pdf, 'report.pdf');
    expect(pdf.equals(copy)).toBe(true);
  });
});
