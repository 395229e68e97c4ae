// @vitest-environment happy-dom
/**
 * `npm run scan` reads a saved page as the content script reads the page in the browser: the scanner's text
 * (htmlToText on the markup) and the content script's (textChunks on the tree) agree, spaces aside. The tree is
 * happy-dom's, which builds the same tree as a browser for these pages; where it does not (text inside <head>,
 * CDATA in an SVG, declarative shadow roots), html-to-text.test.ts states what a browser builds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textChunks } from '../../../src/content/extract';
import { htmlToText } from '../../../scripts/lib/html-to-text';

const ROOT = path.resolve(__dirname, '../../..');
/** Runs of spaces are one space and spaces around a line break go; a line break still differs from a space. */
const spaces = (s: string) => s.replace(/[ \t\r\f]*\n\s*/g, '\n').replace(/[ \t\r\f]+/g, ' ').trim();

function contentScriptText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return spaces([...textChunks(doc.body)].map((c) => c.text).join('\n'));
}

describe('the scanner reads what the content script reads', () => {
  it('on every fixture page', () => {
    const pages = ['test/fixtures/pages', 'assets/demo'].flatMap((dir) => readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.html')).map((f) => path.join(ROOT, dir, f)));
    let compared = 0;
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      // happy-dom cannot load frames (and says so on stderr); a frame's page is a fixture of its own
      if (/<iframe/i.test(html)) continue;
      expect(spaces(htmlToText(html)), path.basename(file)).toBe(contentScriptText(html));
      compared++;
    }
    expect(compared).toBeGreaterThan(30);
  });

  it.each([
    ['the drawn text of an inline SVG, not its tooltip, description or definitions', '<p>a</p><svg viewBox="0 0 9 9"><title>Emotet tip</title><desc>Dridex</desc><defs><text>Qakbot</text></defs><text>Lazarus <tspan>Group</tspan></text><text>TrickBot</text><clipPath><text>Ryuk</text></clipPath></svg><p>b</p>'],
    ['HTML inside an SVG foreignObject', '<svg><foreignObject><p>Lazarus Group</p><p>TrickBot</p></foreignObject></svg>'],
    ['elements that are not inline end a word (a button, a custom element, <big>)', '<p>Lazarus<button>Group</button>Trick<threat-name>Bot</threat-name> Wizard <big>Spider</big></p>'],
    ['a skipped element inside a word leaves the word whole', '<p>Trick<code>x</code>Bot Laz<style>p{}</style>arus <script>1</script>Group</p><div>Emo<pre>$ rm -rf /</pre>tet</div>'],
    ['hidden text is read; template and noscript are not', '<p hidden>Lazarus Group</p><p style="display:none">TrickBot</p><div aria-hidden="true">Emotet</div><template><p>Ryuk</p></template><noscript><p>Conti</p></noscript>'],
    ['entities', '<p>Lazarus&nbsp;Group &amp; Trick&#66;ot &#x54;rickBot &lt;Emotet&gt; &copy;</p>'],
  ])('%s', (_what, html) => {
    expect(spaces(htmlToText(html))).toBe(contentScriptText(html));
  });
});
