/**
 * The text layer of a PDF, laid out as a plain-text document for `npm run scan`: lines in the order the document
 * draws them (reading order for the reports of word processors and typesetters, columns one after the other), a line
 * break between the lines of a paragraph (joined as words by unwrapLines, as in a .txt report, list items kept apart),
 * a blank line between paragraphs and pages, and a word hyphenated over a line end joined when it clearly is one word.
 * Uses PDF.js (the unpdf package's build: no worker, no canvas, nothing fetched).
 */
import { getDocumentProxy } from 'unpdf';
import { isEnglishWord, loadEnglishWords } from '../../src/core/matcher/english-words';
import { InputError } from './input-error';

export interface PdfText {
  text: string;
  pages: number;
  /** Things the reader should know (pages without text), for stderr. */
  notes: string[];
}

/** One line as PDF.js reports it: its text, where its baseline is and how tall its letters are. */
export interface Line {
  text: string;
  y: number;
  size: number;
}

interface Item {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

/**
 * A vertical step between two baselines larger than this many times the font size is a blank line: a new paragraph.
 * Reports set lines 1.15–1.5 apart and paragraphs at least a line further.
 */
const PARAGRAPH_STEP = 1.7;
/** A change of font size larger than this share starts a new block (a heading and its text). */
const SIZE_CHANGE = 0.2;

/** Hyphen-minus, the Unicode hyphen and a soft hyphen at a line's end, after a letter. */
const LINE_END_HYPHEN = /\p{L}([-\u2010\u00ad])$/u;
const LAST_WORD = /\p{L}+(?=[-\u2010\u00ad]$)/u;
const FIRST_WORD = /^\p{Ll}\p{L}*/u;

/**
 * Is "Spi-" + "der" one word cut by the line end ("spider", "Kimsuky" from "Kim-suky"), rather than a compound whose
 * hyphen belongs there ("state-sponsored", "long-term")? A soft hyphen always is; a hard one when the next line goes
 * on in lower case and either the two halves make an English word or one half is not a word by itself.
 */
function joinsAsOneWord(before: string, after: string): boolean {
  if (before.endsWith('\u00ad')) return true;
  const head = LAST_WORD.exec(before)?.[0];
  const tail = FIRST_WORD.exec(after)?.[0];
  if (!head || !tail) return false;
  const h = head.toLowerCase();
  const t = tail.toLowerCase();
  return isEnglishWord(h + t) || !(isEnglishWord(h) && isEnglishWord(t));
}

/** The lines of one page, from PDF.js's text items (an item followed by a line break says so: hasEOL). */
export function linesOf(items: Item[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | undefined;
  for (const it of items) {
    if (it.str) {
      // the baseline of a line's first item; the size of its largest letters
      cur ??= { text: '', y: it.transform[5] ?? 0, size: 0 };
      cur.text += it.str;
      cur.size = Math.max(cur.size, Math.abs(it.height) || Math.abs(it.transform[3] ?? 0));
    }
    if (it.hasEOL && cur) {
      lines.push(cur);
      cur = undefined;
    }
  }
  if (cur) lines.push(cur);
  for (const l of lines) l.text = l.text.replace(/\s+/g, ' ').trim();
  return lines.filter((l) => l.text);
}

/**
 * Running headers and footers: a line among the first or last two of a page that comes back at the same height on
 * at least 3 pages and on more than half of the pages with text (page numbers alike: digits are not compared). A
 * report's running title names its subject on every page ("Lazarus Group campaign report"): kept, it would count
 * that name once per page.
 */
export function runningLines(pages: Line[][]): Set<Line> {
  const EDGE = 2;
  const key = (l: Line) => `${Math.round(l.y)}|${l.text.replace(/\d+/g, '#')}`;
  const edges = (lines: Line[]) => (lines.length <= 2 * EDGE ? lines : [...lines.slice(0, EDGE), ...lines.slice(-EDGE)]);
  const seen = new Map<string, number>();
  const written = new Map<string, Set<string>>();
  for (const lines of pages) {
    for (const l of edges(lines)) {
      const k = key(l);
      if (!written.has(k)) written.set(k, new Set());
      written.get(k)!.add(l.text);
    }
    for (const k of new Set(edges(lines).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const withText = pages.filter((p) => p.length).length;
  // Two pages alone cannot tell a running header from a line that happens to open both, but a line whose only
  // difference from page to page is its number ("1/2", "2/2": what a browser prints under every page) is a running
  // footer, and a document that has one has running furniture: its other repeated edge lines go too.
  const numbered = [...seen].some(([k, n]) => n >= 2 && n > withText / 2 && (written.get(k)?.size ?? 0) > 1);
  const least = numbered ? 2 : 3;
  const running = new Set<Line>();
  for (const lines of pages) {
    for (const l of edges(lines)) {
      const n = seen.get(key(l)) ?? 0;
      if (n >= least && n > withText / 2) running.add(l);
    }
  }
  return running;
}

/** A page's text: paragraphs apart by a blank line, the lines of a paragraph by a line break, hyphenation undone. */
export function pageText(lines: Line[]): string {
  let out = '';
  let prev: Line | undefined;
  for (const line of lines) {
    if (!prev) out = line.text;
    else {
      const step = prev.y - line.y;
      const size = Math.max(prev.size, line.size) || 1;
      // Upwards (a new column, a box drawn later), a gap of a blank line or more, or another font size: a new block.
      const newBlock = step <= 0 || step > PARAGRAPH_STEP * size || Math.abs(prev.size - line.size) > SIZE_CHANGE * size;
      if (newBlock) out += `\n\n${line.text}`;
      // A hyphen at a line's end is never followed by a space in the text it was set from: either it cut a word
      // there (dropped) or it belongs to a compound or a name ("state-sponsored", "APT-C-36": kept, no space).
      else if (LINE_END_HYPHEN.test(out)) out = (joinsAsOneWord(prev.text, line.text) ? out.slice(0, -1) : out) + line.text;
      else out += `\n${line.text}`;
    }
    prev = line;
  }
  return out;
}

/** Does this look like a PDF (the header browsers sniff: "%PDF-" at the very start)? */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

/** "1, 3–5, 9" */
function ranges(pages: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    const a = pages[i] as number;
    let b = a;
    while (pages[i + 1] === b + 1) b = pages[++i] as number;
    out.push(a === b ? `${a}` : `${a}–${b}`);
  }
  return out.join(', ');
}

/**
 * The text of a PDF. A PDF that needs a password, one PDF.js cannot parse, or one with no text at all (a scan) is an
 * InputError saying so; pages without text in a PDF that has some are named in a note.
 */
export async function pdfToText(bytes: Uint8Array, src: string): Promise<PdfText> {
  await loadEnglishWords();
  // PDF.js detaches the buffer it is given: a copy keeps the caller's bytes usable.
  const data = new Uint8Array(bytes);
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // verbosity 0: PDF.js writes its warnings with console.log, which would land in the middle of --json output.
    doc = await getDocumentProxy(data, { verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  } catch (e) {
    const err = e as Error;
    if (err.name === 'PasswordException') throw new InputError(`${src} is a password-protected PDF: its text cannot be read without the password`);
    throw new InputError(`${src} is not a readable PDF (${(err.message || err.name).replace(/\.$/, '')})`);
  }
  try {
    const pages: Line[][] = [];
    const empty: number[] = [];
    const notes: string[] = [];
    let firstFailure: string | undefined;
    for (let n = 1; n <= doc.numPages; n++) {
      let lines: Line[];
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        lines = linesOf(content.items.flatMap((i) => ('str' in i ? [i] : [])));
        page.cleanup();
      } catch (e) {
        // One damaged page need not cost the others.
        const why = (e as Error).message.replace(/\.$/, '');
        firstFailure ??= `page ${n}: ${why}`;
        notes.push(`${src}: page ${n} of the PDF cannot be read (${why}); the other pages were read`);
        continue;
      }
      if (lines.length) pages.push(lines);
      else empty.push(n);
    }
    if (!pages.length) {
      if (firstFailure) throw new InputError(`${src} is not a readable PDF (${firstFailure})`);
      throw new InputError(`${src} is a PDF with no text in it (${doc.numPages} page${doc.numPages === 1 ? '' : 's'}: a scan? run it through OCR first)`);
    }
    if (empty.length) notes.push(`${src}: page${empty.length === 1 ? '' : 's'} ${ranges(empty)} of ${doc.numPages} ha${empty.length === 1 ? 's' : 've'} no text (images only?); the other pages were read`);
    const running = runningLines(pages);
    if (running.size) {
      const pagesWith = pages.filter((lines) => lines.some((l) => running.has(l))).length;
      const example = ([...running].find((l) => /\p{L}/u.test(l.text)) ?? [...running][0]!).text;
      notes.push(`${src}: running headers or footers left out, as they repeat on ${pagesWith} pages (such as "${example.length > 60 ? `${example.slice(0, 60)}…` : example}")`);
    }
    const texts = pages.map((lines) => pageText(lines.filter((l) => !running.has(l)))).filter((t) => t);
    return { text: texts.join('\n\n'), pages: doc.numPages, notes };
  } finally {
    await doc.destroy();
  }
}
