/**
 * What the page does on its own that must not take the card or the highlights away: an element scrolling by itself
 * (a news ticker) must not close the card; a page assigning adoptedStyleSheets (document or shadow root) or calling
 * CSS.highlights.clear() must not leave highlights counted but unpainted. A page that keeps taking them away is not
 * fought in a loop.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sharedBrowser, spotted } from './harness';
import { accessibleNames, waitFor } from './content-pages';

const env = sharedBrowser();

async function open(p: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url(p));
  return page;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cardOpen = async (page: Page) => (await accessibleNames(page)).some((n) => n.role === 'dialog' && n.name.startsWith('ActorLens'));

/** Centre of the first occurrence of `word` in #a. */
function centreOf(page: Page, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate((w) => {
    const t = document.getElementById('a')!.firstChild as Text;
    const i = t.data.indexOf(w);
    const r = document.createRange();
    r.setStart(t, i);
    r.setEnd(t, i + w.length);
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }, word);
}

/** Card state sampled every 150 ms: 'C' open, '.' not. */
async function samples(page: Page, n: number): Promise<string> {
  let out = '';
  for (let i = 0; i < n; i++) {
    await sleep(150);
    out += (await cardOpen(page)) ? 'C' : '.';
  }
  return out;
}

test('an auto-scrolling ticker elsewhere on the page does not stop the hover card nor close the keyboard card; page scroll still does', async () => {
  const page = await open('/card-ticker.html');
  try {
    await spotted(env.browser.worker, page);
    const before = await page.evaluate(() => (window as unknown as { tickerScrolls: number }).tickerScrolls);
    const at = await centreOf(page, 'TrickBot');
    await page.mouse.move(at.x - 5, at.y);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    const hover = await samples(page, 14);
    assert.match(hover, /^\.{0,4}C+$/, `pointer resting on TrickBot, card every 150 ms: ${hover}`);
    assert.ok((await page.evaluate(() => (window as unknown as { tickerScrolls: number }).tickerScrolls)) > before + 20, 'the ticker kept scrolling');

    // Away from the text, then the keyboard card: it stays open, with focus in it.
    await page.mouse.move(5, 500);
    await waitFor(() => cardOpen(page), (o) => !o, 3000, 'hover card closed');
    await page.keyboard.press('Alt+Shift+K');
    const keyboard = await samples(page, 10);
    assert.match(keyboard, /^C+$/, `after Alt+Shift+K: ${keyboard}`);
    assert.equal(await page.evaluate(() => document.activeElement?.localName), 'actorlens-card', 'focus stays in the card');

    // The page itself scrolling moves the highlight: that closes it (README: "so does scrolling").
    await page.evaluate(() => window.scrollBy(0, 40));
    await waitFor(() => cardOpen(page), (o) => !o, 3000, 'card closed by page scroll');
  } finally {
    await page.close();
  }
});

/** Is `root`'s text painted: a sheet with ActorLens's rules adopted there, and the computed highlight style set? */
function painted(page: Page, where: 'document' | 'panel'): Promise<{ adopted: boolean; background: string }> {
  return page.evaluate((w) => {
    const root: Document | ShadowRoot = w === 'document' ? document : document.getElementById('panel')!.shadowRoot!;
    const adopted = root.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('::highlight(actorlens-actor)')));
    const el = w === 'document' ? document.getElementById('a')! : root.getElementById('inner')!;
    return { adopted, background: getComputedStyle(el, '::highlight(actorlens-actor)').backgroundColor };
  }, where);
}
const isPainted = (p: { adopted: boolean; background: string }) => p.adopted && p.background !== 'rgba(0, 0, 0, 0)';

test('a page replacing document.adoptedStyleSheets (or a shadow root’s) gets ActorLens’s rules back, its own sheet kept', async () => {
  const page = await open('/styles-taken.html');
  try {
    await spotted(env.browser.worker, page);
    assert.ok(isPainted(await painted(page, 'document')), 'painted after the scan');
    assert.ok(isPainted(await painted(page, 'panel')), 'shadow root painted after the scan');
    await page.evaluate(() => {
      (window as unknown as { retheme: () => void }).retheme();
      (window as unknown as { rethemePanel: () => void }).rethemePanel();
    });
    assert.ok(!isPainted(await painted(page, 'document')), 'the page took the rules away');
    await waitFor(() => painted(page, 'document'), isPainted, 6000, 'document rules adopted again');
    await waitFor(() => painted(page, 'panel'), isPainted, 6000, 'shadow root rules adopted again');
    // The page's own sheet stays, first.
    assert.ok(await page.evaluate(() => document.adoptedStyleSheets[0]?.cssRules[0]?.cssText.includes('serif')));
    assert.ok(await page.evaluate(() => CSS.highlights.has('actorlens-actor')));
  } finally {
    await page.close();
  }
});

test('a page calling CSS.highlights.clear() gets ActorLens’s highlights registered again, with no DOM change', async () => {
  const page = await open('/styles-taken.html');
  try {
    await spotted(env.browser.worker, page);
    const names = async () => page.evaluate(() => [...CSS.highlights.keys()].sort());
    const initial = await names();
    assert.ok(initial.includes('actorlens-actor') && initial.includes('actorlens-malware'), initial.join());
    await page.evaluate(() => (window as unknown as { resetHighlights: () => void }).resetHighlights());
    assert.deepEqual(await names(), []);
    await waitFor(names, (n) => n.join() === initial.join(), 6000, 'highlights registered again');
    const count = await page.evaluate(() => {
      let n = 0;
      CSS.highlights.forEach((h) => (n += h.size));
      return n;
    });
    assert.equal(count, 6, 'every range is back');
  } finally {
    await page.close();
  }
});

test('a page that keeps removing the rules is not fought in a loop', async () => {
  const page = await open('/styles-taken.html');
  try {
    await spotted(env.browser.worker, page);
    const putBack = await page.evaluate(() => (window as unknown as { fight: (ms: number) => Promise<number> }).fight(5000));
    console.log(`# rules put back ${putBack} times in 5 s against a page removing them every 50 ms`);
    assert.ok(putBack <= 4, `put back ${putBack} times`);
  } finally {
    await page.close();
  }
});
