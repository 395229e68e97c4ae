/**
 * Long texts with no sentence in them, which the content script reads in pieces cut at a space: a one-line log or a
 * long table cell (one text node past a chunk's 32,000 characters), and a block of thousands of inline elements (a tag
 * list). Every space in them is inside a name, so each cut falls between the two words of one: the name must still be
 * painted whole, once, as itself ("Cobalt Strike", not "Cobalt", which is Cobalt Group).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sharedBrowser, spotted } from './harness';
import { ranges, waitFor } from './content-pages';

const env = sharedBrowser();

const CONTEXT = '<p>Threat intelligence: the ransomware and malware campaign, threat actor attribution, indicators of compromise.</p>';

async function openHtml(name: string, body: string): Promise<Page> {
  const url = env.server.url(`/long-text-cuts-${name}.html`);
  const page = await env.browser.context.newPage();
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html><body>${body}</body></html>` }));
  await page.goto(url);
  return page;
}

/** Painted texts → how many times, and the report's count per text. */
async function painted(page: Page): Promise<{ painted: Record<string, number>; reported: Record<string, number> }> {
  const report = await spotted(env.browser.worker, page);
  const out: Record<string, number> = {};
  for (const r of await ranges(page)) out[r.text] = (out[r.text] ?? 0) + 1;
  return { painted: out, reported: Object.fromEntries(report.matches.map((m) => [m.text, m.count])) };
}

/**
 * A one-line log of `total` characters whose only space near the first cut (the last space before 32,000, the
 * content script's chunk size) is the one inside "Cobalt Strike": the first piece must end between its two words.
 */
function oneLineLog(total: number): { text: string; names: Record<string, number> } {
  const entry = (i: number) => `beacon ${i} from 10.1.${i % 250}.4 reached the Cobalt Strike server; loader TrickBot dropped by Wizard Spider | `;
  let head = '';
  for (let i = 0; head.length < 31_000; i++) head += entry(i);
  // Glued tokens (no space) up to the name, the name's space at 31,999, glued tokens past the cut.
  const cobalt = 32_000 - 1 - 'Cobalt'.length;
  for (let i = 0; head.length < cobalt - 1; i++) head += `h${i},`.slice(0, cobalt - 1 - head.length);
  let text = `${head},Cobalt Strike,${Array.from({ length: 20 }, (_, i) => `hop${i}`).join(',')} `;
  for (let i = 0; text.length < total; i++) text += entry(1000 + i);
  const count = (name: string) => text.split(name).length - 1;
  return { text, names: { 'Cobalt Strike': count('Cobalt Strike'), TrickBot: count('TrickBot'), 'Wizard Spider': count('Wizard Spider') } };
}

test('a one-line log cell of 45,000 characters: the "Cobalt Strike" over the cut is painted whole, not as "Cobalt"', async () => {
  const { text, names } = oneLineLog(45_000);
  assert.equal(text.lastIndexOf(' ', 32_000 - 1), text.indexOf('Cobalt Strike,hop0') + 'Cobalt'.length);
  const page = await openHtml('cell', `${CONTEXT}<table><tr><td>log</td><td id="cell">${text}</td></tr></table>`);
  try {
    const { painted: p, reported } = await painted(page);
    assert.deepEqual(reported, names);
    assert.deepEqual(p, names);
  } finally {
    await page.close();
  }
});

/** The registered ranges that start in the `nth` span of #tags, once it is scrolled into view: their texts. */
async function paintedAtSpan(page: Page, nth: number): Promise<string[]> {
  await page.evaluate((i) => document.querySelectorAll('#tags span')[i]!.scrollIntoView({ block: 'center' }), nth);
  const read = () =>
    page.evaluate((i) => {
      const node = document.querySelectorAll('#tags span')[i]!.firstChild;
      const out: string[] = [];
      CSS.highlights.forEach((h) =>
        h.forEach((r) => {
          if (r.startContainer !== node) return;
          const live = new Range();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          out.push(live.toString());
        }),
      );
      return out;
    }, nth);
  return waitFor(read, (texts) => texts.length > 0, 5000, `a highlight at span ${nth}`).catch(() => read());
}

test('a block of 12,000 inline text nodes with no sentence: "Wizard Spider" over a cut between elements is counted and painted whole', async () => {
  const n = 3000;
  const page = await openHtml('tags', `${CONTEXT}<div id="tags">${'<span>Wizard</span> <span>Spider</span>,'.repeat(n)}</div>`);
  try {
    const { painted: p, reported } = await painted(page);
    assert.deepEqual(reported, { 'Wizard Spider': n });
    // Far ranges are not registered with the browser (viewport-gate.ts): those that are read whole.
    assert.deepEqual(Object.keys(p), ['Wizard Spider']);
    // The block is cut past 4,000 text nodes at a space ("Wizard", " ", "Spider", "," per name, after the first
    // paragraph's node): inside the 1,001st and 2,001st names. Each is painted whole where it stands.
    for (const pair of [1000, 2000]) assert.deepEqual(await paintedAtSpan(page, 2 * pair), ['Wizard Spider'], `name ${pair + 1}`);
  } finally {
    await page.close();
  }
});
