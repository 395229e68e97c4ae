/**
 * Threat reports as analysts meet them outside articles: a PDF shown by an embedded viewer (an absolutely placed,
 * transparent text layer over a canvas, one run per piece of text), a virtualised feed that recycles its row elements,
 * an article under a fading overlay and a sticky header, code blocks beside an indicator table with defanged
 * addresses, and headings in capitals. On each: the names a reader sees are counted and painted, no more, the hover
 * card opens on them, and the page itself is left as it was.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sharedBrowser, spotted } from './harness';
import { dialogs, centreOf, dialogBox, ranges, waitFor } from './content-pages';

const env = sharedBrowser();

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.server.url(path));
  await spotted(env.browser.worker, page);
  return { page, errors };
}

const sortedCounts = (texts: string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const t of texts) out[t] = (out[t] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
};
const reportCounts = async (page: Page): Promise<Record<string, number>> => {
  const out: Record<string, number> = {};
  for (const m of (await spotted(env.browser.worker, page)).matches) out[m.text] = (out[m.text] ?? 0) + m.count;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
};

/** Rests the pointer on the painted name (the nth in view) and waits for its card. */
async function hoverCard(page: Page, text: string, card: string, nth = 0): Promise<void> {
  const at = await centreOf(page, text, nth);
  assert.ok(at, `"${text}" painted in view`);
  await page.mouse.move(at.x - 6, at.y);
  await page.mouse.move(at.x, at.y, { steps: 3 });
  // generous: under load the first card of a browser waits for the service worker to wake
  await waitFor(() => dialogs(page), (d) => d.includes(card), 10_000, `the card ${card}`);
}

test('a PDF text layer: runs of one word are one word, words placed a space apart are two, lines and columns are not glued; card on a split name', async () => {
  const { page, errors } = await open('/real/pdf-text-layer.html');
  try {
    const expected = { Emotet: 2, 'Lazarus Group': 1, TA505: 1, TrickBot: 1, 'Wizard Spider': 1 };
    assert.deepEqual(await reportCounts(page), expected, 'counted');
    const painted = await ranges(page);
    // A range over runs placed a word space apart reads as the DOM has it, without the space the layout shows.
    const squeezed = (o: Record<string, number>) => sortedCounts(Object.entries(o).flatMap(([t, n]) => Array<string>(n).fill(t.replace(/ /g, ''))));
    assert.deepEqual(sortedCounts(painted.map((r) => r.text.replace(/ /g, ''))), squeezed(expected), 'painted');
    await hoverCard(page, 'TrickBot', 'ActorLens: TrickBot');
    await page.mouse.move(5, 5, { steps: 3 });
    await waitFor(() => dialogs(page), (d) => d.length === 0, 5000, 'card closed');
    // Transparent text over the drawn page is text the reader sees: the keyboard reaches it.
    await page.keyboard.press('Alt+Shift+K');
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: Lazarus Group'), 5000, 'card by keyboard');
    await page.keyboard.press('Escape');
    await waitFor(() => dialogs(page), (d) => d.length === 0, 5000, 'card closed by Escape');

    // The next page's text drawn later, in three batches 150 ms apart: its split names are whole too.
    await page.evaluate(() => (window as unknown as { drawPage2(): void }).drawPage2());
    const more = { ...expected, Conti: 1, TrickBot: 2 };
    await waitFor(() => reportCounts(page), (c) => JSON.stringify(c) === JSON.stringify(sortedCounts(Object.entries(more).flatMap(([t, n]) => Array<string>(n).fill(t)))), 8000, 'the second page counted');
    await waitFor(() => ranges(page), (r) => r.length === 8, 5000, 'eight names painted');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

const FEED_NAMES = ['Lazarus Group', 'TrickBot', 'Emotet', 'TA505'];

/** The names in the feed's rows as they read now. */
const feedNames = (page: Page): Promise<string[]> =>
  page.evaluate((names) => [...document.querySelectorAll('#spacer .row')].flatMap((row) => names.filter((n) => row.textContent!.includes(n))), FEED_NAMES);

test('a virtualised feed recycling its rows while scrolling: highlights follow the new text, none stay on recycled rows, counts stay right', async () => {
  const { page, errors } = await open('/real/virtual-feed.html');
  try {
    for (const scrollTop of [0, 520, 1330, 6000, 6040, 200]) {
      await page.evaluate((y) => (document.getElementById('feed')!.scrollTop = y), scrollTop);
      await waitFor(() => page.evaluate((y) => Number((document.querySelector('#spacer .row') as HTMLElement).dataset.index) === Math.max(0, Math.floor(y / 40) - 2), scrollTop), (ok) => ok, 5000, 'the feed to render');
      const names = sortedCounts(await feedNames(page));
      const want = { ...names };
      await waitFor(() => reportCounts(page), (c) => JSON.stringify(c) === JSON.stringify(want), 8000, `counts at ${scrollTop}px: ${JSON.stringify(want)}`);
      const painted = await waitFor(() => ranges(page), (r) => JSON.stringify(sortedCounts(r.map((x) => x.text))) === JSON.stringify(want), 5000, `painted at ${scrollTop}px`);
      assert.equal(painted.length, Object.values(want).reduce((a, b) => a + b, 0));
    }
    await hoverCard(page, 'TrickBot', 'ActorLens: TrickBot');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('under a fading overlay that lets the pointer through, a name opens its card; under a sticky header the card is drawn over the header, not under it', async () => {
  const { page, errors } = await open('/real/overlay.html');
  try {
    assert.deepEqual(await reportCounts(page), { 'Lazarus Group': 1, TrickBot: 1, 'Wizard Spider': 1 });
    // The last paragraph, low in the viewport, under the fade: the card goes above the name.
    await page.evaluate(() => document.getElementById('last')!.scrollIntoView({ block: 'end' }));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const under = await page.evaluate(() => {
      const b = document.getElementById('last')!.getBoundingClientRect();
      return document.elementFromPoint(b.left + 5, b.top + 5)?.id;
    });
    assert.equal(under, 'last', 'the fade lets the pointer through to the text');
    await hoverCard(page, 'Wizard Spider', 'ActorLens: Wizard Spider');
    await page.mouse.move(2, 300, { steps: 3 });
    await waitFor(() => dialogs(page), (d) => d.length === 0, 5000, 'card closed');

    // A name just under the sticky header, near the bottom of a short viewport: the card opens above it, where
    // the header is.
    await page.setViewportSize({ width: 1100, height: 420 });
    await page.evaluate(() => {
      const p = document.querySelector('main p')!;
      window.scrollTo(0, p.getBoundingClientRect().top + scrollY - 330);
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await hoverCard(page, 'Lazarus Group', 'ActorLens: Lazarus Group');
    const box = await dialogBox(page, 'ActorLens: Lazarus Group');
    assert.ok(box, 'card box');
    const header = await page.evaluate(() => document.querySelector('header')!.getBoundingClientRect().bottom);
    // Every corner of the card is the card's, not the header's.
    const hits = await page.evaluate(
      ([b]) => [[b.left + 4, b.top + 4], [b.right - 4, b.top + 4], [b.left + 4, b.bottom - 4], [b.right - 4, b.bottom - 4]].map(([x, y]) => document.elementFromPoint(x!, y!)?.localName),
      [box] as const,
    );
    assert.deepEqual(hits, ['actorlens-card', 'actorlens-card', 'actorlens-card', 'actorlens-card'], `card at ${JSON.stringify(box)}, header to ${header}`);
    assert.deepEqual(errors, []);
  } finally {
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.close();
  }
});

test('an invisible layer that takes the pointer over the article does not keep the card from a name; a dimming wall does, and so does a sticky header over a name', async () => {
  const { page, errors } = await open('/real/overlay.html');
  const addLayer = (id: string, background: string) => page.evaluate(([i, b]) => (window as unknown as { addLayer(i: string, b: string): void }).addLayer(i!, b!), [id, background]);
  try {
    // A name scrolled under the sticky header: the header is what the pointer is on.
    await page.evaluate(() => window.scrollTo(0, document.querySelector('main p')!.getBoundingClientRect().top + scrollY - 40));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const hidden = await page.evaluate(() => {
      let out: { x: number; y: number } | null = null;
      CSS.highlights.forEach((h) => h.forEach((r) => {
        const l = new Range();
        l.setStart(r.startContainer, r.startOffset);
        l.setEnd(r.endContainer, r.endOffset);
        const b = l.getClientRects()[0];
        if (l.toString() === 'Lazarus Group' && b) out = { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }));
      return out as { x: number; y: number } | null;
    });
    assert.ok(hidden && hidden.y < 90, `the name under the header: ${JSON.stringify(hidden)}`);
    await page.mouse.move(hidden.x - 6, hidden.y);
    await page.mouse.move(hidden.x, hidden.y, { steps: 3 });
    await page.waitForTimeout(800);
    assert.deepEqual(await dialogs(page), [], 'no card for a name the header covers');

    await page.evaluate(() => window.scrollTo(0, 0));
    await addLayer('catcher', 'transparent');
    await hoverCard(page, 'TrickBot', 'ActorLens: TrickBot');
    await page.mouse.move(2, 400, { steps: 3 });
    await waitFor(() => dialogs(page), (d) => d.length === 0, 5000, 'card closed');
    await page.evaluate(() => document.getElementById('catcher')!.remove());

    await addLayer('wall', 'rgba(0, 0, 0, 0.5)');
    const at = await centreOf(page, 'TrickBot');
    assert.ok(at);
    await page.mouse.move(at.x - 6, at.y);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await page.waitForTimeout(800);
    assert.deepEqual(await dialogs(page), [], 'no card through a wall that dims the page');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('code blocks (token spans, a GitHub-style highlight block, a line-numbered table of code) are not read; in an indicator table the defanged addresses get no highlight, the attribution column does', async () => {
  const { page, errors } = await open('/real/code-and-iocs.html');
  try {
    const painted = await ranges(page);
    const where = sortedCounts(painted.map((r) => `${r.where}: ${r.text}`));
    assert.deepEqual(where, sortedCounts(['intro: Lazarus Group', 'intro: TrickBot', 'a1: Lazarus Group', 'a2: TrickBot', 'a3: Emotet', 'a4: TA505']));
    assert.deepEqual(await reportCounts(page), { Emotet: 1, 'Lazarus Group': 2, TA505: 1, TrickBot: 2 });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('capitals by text-transform and drop caps: a heading in capitals reads as written, a name behind a drop cap is whole', async () => {
  const { page, errors } = await open('/real/uppercase.html');
  try {
    const painted = (await ranges(page)).map((r) => `${r.where}: ${r.text}`);
    // The heading's name ("Lazarus group" reads as the group), not the postal service in the other heading.
    assert.ok(painted.some((p) => p.startsWith('h1: Lazarus')), JSON.stringify(painted));
    assert.deepEqual(painted.filter((p) => !p.startsWith('h1: ')).sort(), ['p1: Lazarus Group', 'p3: TrickBot']);
    assert.ok(!painted.some((p) => p.startsWith('h2')), 'no Royal in capitals');
    await hoverCard(page, 'TrickBot', 'ActorLens: TrickBot');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('pieces a style sheet separates (a breadcrumb, tags parted by a drawn "·", words spaced by margins, no space in the markup) are separate words; a word styled in two pieces is one', async () => {
  const { page, errors } = await open('/real/tag-row.html');
  try {
    const painted = (await ranges(page)).map((r) => `${r.where}: ${r.text}`).sort();
    // The headline's range reads as the DOM has it, without the space its margin shows.
    assert.deepEqual(painted, ['body: TrickBot', 'crumbs: Lazarus Group', 'split: WizardSpider', 'tags: Emotet', 'tags: TrickBot']);
    await hoverCard(page, 'Lazarus Group', 'ActorLens: Lazarus Group');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
