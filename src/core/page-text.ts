/**
 * Which elements' text is never read for spotting: the content script (src/content/extract.ts) and the
 * command-line scanner (scripts/lib/html-to-text.ts) share this list, so `npm run scan` on a saved page finds what
 * the extension finds on it. Scripts, styles and the like hold no reading text; form fields and editable regions
 * are the reader's own work; code blocks hold identifiers that look like names (`detect --family TrickBot`).
 */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'code', 'pre', 'kbd', 'samp',
  'svg', 'math', 'canvas', 'iframe', 'object', 'head', 'title',
]);

/**
 * A plain-text document (a .txt report, a raw advisory) is shown by the browser inside one <pre>: that text is the
 * document itself, so there a <pre> is read.
 */
export const SKIPPED_IN_PLAIN_TEXT: ReadonlySet<string> = new Set([...SKIPPED_ELEMENTS].filter((name) => name !== 'pre'));

/**
 * Plain text is wrapped by hand at a fixed width, so a name may run over a line break ("Wizard\nSpider"). A single
 * line break between two lines becomes a space; blank lines (paragraph breaks) stay. The length is unchanged, so
 * offsets into the result are offsets into the original text.
 */
export function unwrapLines(text: string): string {
  return text.replace(/([^\n])\n(?=[^\n])/g, '$1 ');
}
