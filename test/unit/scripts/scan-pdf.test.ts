/** `npm run scan` on PDF reports: files and addresses, names over line ends, and the PDFs it cannot read. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from './make-pdf';
import { counts, names, scan } from './run-scan';

const dir = mkdtempSync(path.join(tmpdir(), 'actorlens-scan-pdf-'));

/** A two-page vendor report: a name wrapped over a line end on page 1, one hyphenated over a line end on page 2. */
const REPORT_PAGES = [
  [{ text: 'Incident summary', size: 16 }, 'Our responders traced the intrusion to Lazarus', 'Group, which used TrickBot to reach the payment servers.', '', 'The loader was seen again a week later.'],
  [{ text: 'Attribution', size: 16 }, 'Infrastructure overlaps point to Wizard Spi-', 'der as the TrickBot operator; Lazarus Group bought access', 'from it, as TA505 had done before.'],
];
/** The same report as the reader sees it, written as a plain-text file. */
const REPORT_TEXT = [
  'Incident summary',
  'Our responders traced the intrusion to Lazarus Group, which used TrickBot to reach the payment servers.',
  'The loader was seen again a week later.',
  'Attribution',
  'Infrastructure overlaps point to Wizard Spider as the TrickBot operator; Lazarus Group bought access from it, as TA505 had done before.',
].join('\n\n');

const report = makePdf(REPORT_PAGES);

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/files/report.pdf') return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(report);
    if (req.url === '/download?id=7') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(report);
    if (req.url === '/broken') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('<html>session expired</html>');
    if (req.url === '/blob.bin') return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(report);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('npm run scan on PDFs', () => {
  it('finds the names of a two-page report with counts, over a line end and a hyphenated one, at the offsets of the same text', async () => {
    const pdf = path.join(dir, 'report.pdf');
    writeFileSync(pdf, report);
    const txt = path.join(dir, 'report.txt');
    writeFileSync(txt, REPORT_TEXT);
    const { code, docs, stderr } = await scan([pdf, txt]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(docs[0]).toMatchObject({ source: pdf, pages: 2 });
    expect(counts(docs[0])).toEqual({ 'Lazarus Group': 2, TrickBot: 2, 'Wizard Spider': 1, TA505: 1 });
    // the wrapped name is one name, as shown with one space
    expect(docs[0]!.entities!.find((e) => e.name === 'Lazarus Group')!.aliases).toEqual({ 'Lazarus Group': 2 });
    // the text file has no page count, and the PDF's text is that file's, offset for offset
    expect(docs[1]!.pages).toBeUndefined();
    expect(docs[0]!.chars).toBe(docs[1]!.chars);
    const spans = (d: (typeof docs)[number]) => d.matches!.map((m) => [m.start, m.end, m.text]);
    expect(spans(docs[0]!)).toEqual(spans(docs[1]!));
  });

  it('says in one line why a locked, scanned or broken PDF cannot be read, scans the other inputs, and exits 1', async () => {
    const locked = path.join(dir, 'locked.pdf');
    writeFileSync(locked, makePdf(REPORT_PAGES, { userPassword: 'hunter2' }));
    const scanned = path.join(dir, 'scanned.pdf');
    writeFileSync(scanned, makePdf([[], [], []]));
    const broken = path.join(dir, 'broken.pdf');
    writeFileSync(broken, report.subarray(0, 300));
    const good = path.join(dir, 'good.pdf');
    writeFileSync(good, report);
    const { code, docs, stderr } = await scan([locked, scanned, broken, good]);
    expect(code).toBe(1);
    expect(docs.map((d) => d.error ?? 'ok')).toEqual([
      `${locked} is a password-protected PDF: its text cannot be read without the password`,
      `${scanned} is a PDF with no text in it (3 pages: a scan? run it through OCR first)`,
      expect.stringMatching(/^.*broken\.pdf is not a readable PDF \(.+\)$/),
      'ok',
    ]);
    expect(names(docs[3])).toEqual(['Lazarus Group', 'TA505', 'TrickBot', 'Wizard Spider']);
    expect(stderr.trim().split('\n')).toEqual(docs.slice(0, 3).map((d) => `scan: ${d.error}`));
  });

  it('reads a PDF address ending in .pdf or served as application/pdf, and refuses one that is not a PDF', async () => {
    const { code, docs } = await scan([`${base}/files/report.pdf`, `${base}/download?id=7`, `${base}/broken`, `${base}/blob.bin`]);
    expect(code).toBe(1);
    expect(docs.slice(0, 2).map(counts)).toEqual([0, 1].map(() => ({ 'Lazarus Group': 2, TrickBot: 2, 'Wizard Spider': 1, TA505: 1 })));
    expect(docs.slice(0, 2).map((d) => d.pages)).toEqual([2, 2]);
    expect(docs.slice(2).map((d) => d.error)).toEqual([
      expect.stringMatching(/\/broken is not a readable PDF/),
      // bytes of no type at an address that does not say PDF: refused as before
      expect.stringMatching(/blob\.bin is not a text or HTML document \(application\/octet-stream\)/),
    ]);
  });
});
