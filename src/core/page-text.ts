/**
 * Which elements' text is never read for spotting: the content script (src/content/extract.ts) and the
 * command-line scanner (scripts/lib/html-to-text.ts) share this list, so `npm run scan` on a saved page finds what
 * the extension finds on it. Scripts, styles and the like hold no reading text; form fields and editable regions
 * are the reader's own work; code blocks hold identifiers that look like names (`detect --family TrickBot`). A <pre>
 * that reads as prose is the exception (`preReadsAsProse`).
 */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'code', 'pre', 'kbd', 'samp',
  'svg', 'math', 'canvas', 'iframe', 'object', 'head', 'title',
]);

/**
 * A plain-text document (a .txt report, a raw advisory) is shown by the browser inside one <pre>: that text is the
 * document itself, so there a <pre> is read.
 */
/**
 * Code editors that draw their text in plain elements, with a hidden text area for the keys (Ace, Monaco,
 * CodeMirror 5), and ARIA text boxes: the reader's work, though no attribute says it is editable.
 */
export const EDITOR_CLASSES: readonly string[] = ['ace_editor', 'monaco-editor', 'CodeMirror'];
const EDITOR_CLASS = new RegExp(`(?:^|\\s)(?:${EDITOR_CLASSES.join('|')})(?:\\s|$)`);

export function isEditorWidget(className: string | null | undefined, role: string | null | undefined): boolean {
  return (!!role && role.toLowerCase() === 'textbox') || (!!className && EDITOR_CLASS.test(className));
}

export const SKIPPED_IN_PLAIN_TEXT: ReadonlySet<string> = new Set([...SKIPPED_ELEMENTS].filter((name) => name !== 'pre'));

/**
 * Plain text is wrapped by hand at a fixed width, so a name may run over a line break ("Wizard\nSpider"). A single
 * line break between two lines becomes a space; blank lines (paragraph breaks) stay. The length is unchanged, so
 * offsets into the result are offsets into the original text.
 * Rows of a table and items of a list are not wrapped prose: a break stays after a line ending in "|" and before a
 * line starting with "|" or a list marker ("- ", "* ", "+ ", "• ", "1. ", "2) "), so a markdown table or list in a
 * plain-text document keeps one row or item per line, as the same table in an HTML page arrives (the matcher reads
 * a column of cells: ambiguity.ts, "Tables and short lists").
 * A line opening with a time of day ("21:08 <kraken> not yet", "[09:14:02] edr fired") is a record of a chat or a log,
 * one per line, not a wrapped line of prose: the break before it stays, so each line keeps its speaker and its own
 * sentence opening (lower-case-writing.ts reads a chat's lines one by one).
 */
export function unwrapLines(text: string): string {
  return unwrapLinesIn(text, 0, text.length);
}

/** After a line break: a line that is neither empty nor a table row, list item or timed record (the break may be joined). */
const JOINABLE_LINE = /(?=[^\n])(?![ \t]*(?:\||[-*+\u2022][ \t]|\d{1,3}[.)][ \t]|\[?[0-2]?\d:[0-5]\d(?::[0-5]\d)?\]?[ \t]))/y;

/**
 * `unwrapLines(text).slice(from, to)`, at the cost of that part and the lines around its breaks, not of the whole
 * text: each break is decided by the lines on either side of it, wherever the part is cut. A plain-text document is
 * one text node the content script reads in pieces; unwrapping all of its 5 MB at its first piece held the page for
 * 50–90 ms in one task (bench:page, text-5m).
 */
export function unwrapLinesIn(text: string, from: number, to: number): string {
  let out = '';
  let copied = from;
  /**
   * The first comma at or after the start of the line last asked about. Lines are asked about in order, so one search
   * ahead serves them all, and a line with no comma is no CSV row without reading it character by character: on the
   * 5 MB plain-text page of bench:page, reading each line twice for commas was 60 % of reading the document.
   */
  let comma = -1;
  const hasComma = (a: number, b: number): boolean => {
    if (comma < a) comma = text.indexOf(',', a) >>> 0; // none: 2³² − 1, past any line
    return comma < b;
  };
  /** Where the line ending at `at` starts, once a break before it was met. */
  let lineFrom = -1;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; lineFrom = at + 1, at = text.indexOf('\n', at + 1)) {
    const last = at > 0 ? text.charCodeAt(at - 1) : 10;
    if (last === 10 || last === 124 /* | */) continue;
    JOINABLE_LINE.lastIndex = at + 1;
    if (!JOINABLE_LINE.test(text)) continue;
    const start = lineFrom >= 0 ? lineFrom : lineStart(text, at);
    if (hasComma(start, at) && csvRow(text, start, at)) {
      const end = lineEnd(text, at + 1);
      if (hasComma(at + 1, end) && csvRow(text, at + 1, end)) continue;
    }
    out += `${text.slice(copied, at)} `;
    copied = at + 1;
  }
  return copied === from ? text.slice(from, to) : out + text.slice(copied, to);
}

/**
 * Is [a, b) a row of comma-separated values (an IOC list served as text/csv or text/plain): commas with no space after
 * any of them, as prose always has one, and one at least that is not a thousands separator? Two such lines in a row are two rows, not one wrapped line, so a column of
 * threat names stays a column (ambiguity.ts reads its cells).
 */
export function csvRow(text: string, a: number, b: number): boolean {
  let comma = false;
  for (let k = a; k < b; k++) {
    if (text.charCodeAt(k) !== 44) continue;
    const next = text.charCodeAt(k + 1);
    if (next === 32 || next === 0xa0 || next === 9) return false;
    // not a thousands separator ("1,000,000" in prose)
    if (!(isDigit(text.charCodeAt(k - 1)) && isDigit(next))) comma = true;
  }
  return comma;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function lineStart(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

function lineEnd(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end < 0 ? text.length : end;
}

const CODE_CLASS = /lang|highlight|hljs|prism|source|brush|code|syntax/i;
/** Characters that fill code, logs and data but are rare in prose (quotes, brackets and <> are common in mail). */
const CODE_CHARS = /[{};=$\\|_]/g;
const LETTERS = /\p{L}/gu;
const QUOTE_MARKS = /^[ \t]*(?:>[ \t]?)+/gm;

/**
 * A <pre> in an HTML page is usually code, but mail archives (mailing lists, advisories) show each message in one.
 * Such a <pre> is read when nothing marks it as code (no <code> inside, no highlighter's class) and its text reads
 * as prose: long enough, mostly letters, and almost none of the characters code is made of. Decided on the
 * element's own text and classes, so the content script and `npm run scan` decide alike.
 */
export function preReadsAsProse(text: string | (() => string), classes: string, hasCode: boolean): boolean {
  if (hasCode || CODE_CLASS.test(classes)) return false;
  // Given as a function, the text is read only when the markup left the question open (a large code block's text
  // is a large string to build).
  const whole = typeof text === 'string' ? text : text();
  if (whole.length < 200) return false;
  const body = whole.replace(QUOTE_MARKS, '');
  const letters = body.match(LETTERS)?.length ?? 0;
  const visible = body.replace(/\s+/g, '').length;
  const code = body.match(CODE_CHARS)?.length ?? 0;
  return letters >= 0.75 * visible && code <= 0.01 * letters;
}
