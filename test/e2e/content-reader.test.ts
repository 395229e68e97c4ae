/**
 * What the reader sees and types, on pages audit E tried: names in elements with no box on a page with many names,
 * XML documents in the browser's viewer, printouts, Alt+Shift+K in a closed shadow root's field, and text the
 * reader cannot see.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sharedBrowser, spotted } from './harness';
import { dialogs, ranges, waitFor } from './content-pages';

const env = sharedBrowser();

async function open(p: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url(p));
  return page;
}


/** Centre of the first registered range reading `text`. */
function centreOf(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((t) => {
    let out: { x: number; y: number } | null = null;
    CSS.highlights.forEach((h) =>
      h.forEach((r) => {
        const l = new Range();
        l.setStart(r.startContainer, r.startOffset);
        l.setEnd(r.endContainer, r.endOffset);
        if (out || l.toString() !== t) return;
        const b = l.getClientRects()[0]!;
        out = { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }),
    );
    return out;
  }, text);
}

test('on a page with over 200 highlights, names in display:contents elements and <slot> fallback text are painted and have a card', async () => {
  const page = await open('/gate-contents.html');
  try {
    const report = await spotted(env.browser.worker, page);
    for (const name of ['Turla', 'Qakbot', 'Sandworm']) assert.ok(report.matches.some((m) => m.text === name), `${name} counted`);
    const texts = async () => (await ranges(page)).map((r) => r.text);
    // The gate is on (the bottom of the page is not registered) and the boxless elements' names at the top are.
    await waitFor(
      async () => ({ texts: await texts(), all: (await ranges(page)).map((r) => r.where) }),
      (v) => ['Turla', 'Qakbot', 'Sandworm', 'Emotet'].every((n) => v.texts.includes(n)) && !v.all.includes('entry-79'),
      5000,
      'boxless names registered with the gate on',
    );
    await page.waitForTimeout(500);
    const still = await texts();
    for (const name of ['Turla', 'Qakbot', 'Sandworm', 'Emotet']) assert.ok(still.includes(name), `${name} still registered`);
    const at = await centreOf(page, 'Turla');
    assert.ok(at);
    await page.mouse.move(at.x - 30, at.y - 30);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: Turla'), 5000, 'card for the slot text');
  } finally {
    await page.close();
  }
});

test('an RSS feed in the XML viewer: each mention counted once, hover card and Alt+Shift+K work without errors', async () => {
  const page = await env.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(env.server.url('/feed.xml'));
    // The viewer builds its tree after the document has loaded: the report follows.
    await waitFor(() => spotted(env.browser.worker, page), (r) => r.matches.length === 4, 10_000, 'the tree read');
    await page.waitForTimeout(500);
    const report = await spotted(env.browser.worker, page);
    assert.deepEqual(
      report.matches.map((m) => `${m.text}×${m.count}`).sort(),
      ['Cobalt Strike×1', 'Lazarus Group×1', 'TrickBot×1', 'Wizard Spider×1'],
      'the hidden source copy is not read',
    );
    assert.equal((await ranges(page)).length, 4);
    const at = await centreOf(page, 'TrickBot');
    assert.ok(at);
    await page.mouse.move(at.x - 30, at.y - 30);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: TrickBot'), 5000, 'hover card in the XML viewer');
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 500);
    await waitFor(() => dialogs(page), (d) => d.length === 0, 3000, 'closed');
    await page.keyboard.press('Alt+Shift+K');
    await waitFor(() => dialogs(page), (d) => d.length === 1, 3000, 'keyboard card in the XML viewer');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('printed or saved as PDF, the page carries none of our highlight colours or lines', async () => {
  const page = await open('/article.html');
  try {
    await spotted(env.browser.worker, page);
    const paint = () =>
      page.evaluate(() => {
        const out: string[] = [];
        CSS.highlights.forEach((h, name) =>
          h.forEach((r) => {
            const el = r.startContainer.parentElement!;
            const s = getComputedStyle(el, `::highlight(${name})`);
            out.push(`${s.backgroundColor} | ${s.textDecorationLine}`);
          }),
        );
        return [...new Set(out)];
      });
    const screen = await paint();
    assert.ok(screen.length > 0 && screen.every((p) => p !== 'rgba(0, 0, 0, 0) | none'), `painted on screen: ${screen.join(', ')}`);
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await paint(), ['rgba(0, 0, 0, 0) | none'], 'nothing painted in print');
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(await paint(), screen, 'painted again on screen');
  } finally {
    await page.close();
  }
});

test('Alt+Shift+K typed into a field inside a closed shadow root is left to it: no card, focus stays, not cancelled', async () => {
  const page = await open('/card-closed-field.html');
  try {
    await spotted(env.browser.worker, page);
    await page.click('#f');
    await page.keyboard.type('abc');
    await page.keyboard.press('Alt+Shift+K');
    await page.waitForTimeout(400);
    assert.deepEqual(await dialogs(page), [], 'no card while typing in the closed field');
    const state = await page.evaluate(() => {
      const w = window as unknown as { fieldValue(): string; fieldFocused(): string; keysSeen: { target: string; prevented: boolean }[] };
      return { value: w.fieldValue(), focused: w.fieldFocused(), active: document.activeElement?.id, seen: w.keysSeen };
    });
    assert.equal(state.active, 'f', 'focus stays in the field');
    assert.equal(state.focused, 'inner');
    assert.ok(state.value.startsWith('abc'), state.value);
    assert.deepEqual(state.seen, [{ target: 'f', prevented: false }]);
    // Outside the field the shortcut still works.
    await page.click('#top', { position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+Shift+K');
    await waitFor(() => dialogs(page), (d) => d.length === 1, 3000, 'card by keyboard outside the field');
  } finally {
    await page.close();
  }
});

test('Alt+Shift+K passes over text the reader cannot see: visibility:hidden, opacity:0, screen-reader-only', async () => {
  const page = await open('/card-unseen.html');
  try {
    const report = await spotted(env.browser.worker, page);
    // All of it is read and counted (it may be shown at any moment).
    for (const name of ['Sandworm Team', 'Turla', 'APT28', 'Kimsuky']) assert.ok(report.matches.some((m) => m.name === name), `${name} counted: ${report.matches.map((m) => m.name).join(', ')}`);
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Alt+Shift+K');
      const shown = await waitFor(() => dialogs(page), (d) => d.length === 1 && d[0] !== seen[seen.length - 1], 3000, `card ${i + 1} after ${seen.join(' → ')}`);
      seen.push(shown[0]!.replace('ActorLens: ', ''));
    }
    // The text inside the small scroller can be scrolled to: it stays a stop.
    assert.deepEqual(seen, ['Lazarus Group', 'TrickBot', 'Wizard Spider', 'Cobalt Strike', 'Lazarus Group']);
  } finally {
    await page.close();
  }
});
