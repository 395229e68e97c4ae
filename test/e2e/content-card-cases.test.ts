/**
 * The hover card on awkward pages: zoomed pages, small frames, text that goes away under an open card, keys typed
 * into fields, and pages rebuilt with document.open(). Screenshots go to out/ for a human look.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { sharedBrowser, spotted } from './harness';
import { dialogs, ranges, waitFor } from './content-pages';

const env = sharedBrowser();

async function open(p: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url(p));
  return page;
}


/** Viewport rectangle of the first painted range with this text, in the page or frame that holds it. */
function rectOf(where: Page | Frame, text: string): Promise<{ left: number; top: number; right: number; bottom: number; x: number; y: number } | null> {
  return where.evaluate((t) => {
    let out: { left: number; top: number; right: number; bottom: number; x: number; y: number } | null = null;
    CSS.highlights.forEach((h) =>
      h.forEach((r) => {
        const l = new Range();
        l.setStart(r.startContainer, r.startOffset);
        l.setEnd(r.endContainer, r.endOffset);
        if (out || l.toString() !== t) return;
        const b = l.getClientRects()[0]!;
        out = { left: b.left, top: b.top, right: b.right, bottom: b.bottom, x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }),
    );
    return out;
  }, text);
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
  scrollable: boolean;
  scrollTop: number;
}

/**
 * The card's box (the dialog inside the closed shadow root) in the top page's viewport, read through the DevTools
 * protocol, which sees closed shadow roots and frames: the product has no test hook.
 */
async function cardBox(page: Page): Promise<Box | null> {
  const session = await page.context().newCDPSession(page);
  try {
    type DomNode = { nodeId: number; nodeName: string; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[]; contentDocument?: DomNode };
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (n: DomNode, inCard: boolean): DomNode | undefined => {
      const attrs = n.attributes ?? [];
      if (inCard && attrs[attrs.indexOf('role') + 1] === 'dialog' && attrs.includes('role')) return n;
      const card = inCard || n.nodeName === 'ACTORLENS-CARD';
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? []), ...(n.contentDocument ? [n.contentDocument] : [])]) {
        const hit = find(c, card);
        if (hit) return hit;
      }
      return undefined;
    };
    const dialog = find(root, false);
    if (!dialog) return null;
    const { model } = (await session.send('DOM.getBoxModel', { nodeId: dialog.nodeId })) as { model: { border: number[] } };
    const [x1, y1, x2, , , y3] = model.border as [number, number, number, number, number, number];
    const { object } = (await session.send('DOM.resolveNode', { nodeId: dialog.nodeId })) as { object: { objectId: string } };
    const { result } = (await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { return [this.scrollHeight > this.clientHeight + 1 && getComputedStyle(this).overflowY === "auto", this.scrollTop]; }',
      returnByValue: true,
    })) as { result: { value: [boolean, number] } };
    return { left: x1, top: y1, width: x2 - x1, height: y3 - y1, scrollable: result.value[0], scrollTop: result.value[1] };
  } finally {
    await session.detach();
  }
}

async function hover(page: Page, at: { x: number; y: number }): Promise<void> {
  await page.mouse.move(at.x - 30, at.y - 30);
  await page.mouse.move(at.x, at.y, { steps: 4 });
}

test('on a page zoomed with CSS (html or body { zoom: 1.5 }) the card opens at the match, at its normal size, inside the window', async () => {
  const page = await open('/card-zoom.html');
  try {
    await spotted(env.browser.worker, page);
    const at = await rectOf(page, 'TrickBot');
    assert.ok(at);
    await hover(page, at);
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: TrickBot'), 5000, 'card');
    await page.waitForTimeout(300);
    const box = await cardBox(page);
    assert.ok(box);
    const vw = await page.evaluate(() => document.documentElement.clientWidth);
    assert.ok(Math.abs(box.width - 330) <= 2, `card width ${box.width}, not scaled by the page's zoom`);
    assert.ok(box.left >= at.left - 330 && box.left <= at.left + 2, `card left ${box.left} near the match at ${at.left}`);
    assert.ok(box.left + box.width <= vw, `card right ${box.left + box.width} inside ${vw}`);
    assert.ok(box.top >= at.bottom || box.top + box.height <= at.top, 'beside the match, not over it');
    await page.screenshot({ path: 'out/content-card-zoom.png' });

    // The same zoom on <body> instead (the card's element hangs from <html>, outside it).
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 800);
    await page.addStyleTag({ content: 'html { zoom: 1 !important; } body { zoom: 1.5; }' });
    const atBody = (await rectOf(page, 'Wizard Spider'))!;
    await hover(page, atBody);
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: Wizard Spider'), 5000, 'card with body zoom');
    await page.waitForTimeout(300);
    const bodyBox = (await cardBox(page))!;
    assert.ok(Math.abs(bodyBox.width - 330) <= 2, `card width ${bodyBox.width} with body zoom`);
    assert.ok(bodyBox.left >= atBody.left - 330 && bodyBox.left <= atBody.left + 2 && bodyBox.left + bodyBox.width <= vw, `card at ${bodyBox.left} near ${atBody.left}`);
    assert.ok(bodyBox.top >= atBody.bottom || bodyBox.top + bodyBox.height <= atBody.top, 'beside the match, not over it');
  } finally {
    await page.close();
  }
});

test('in a 320×90 frame the card stays inside the frame, compact and scrollable, instead of being cut to its title', async () => {
  const page = await open('/card-small-frame.html');
  try {
    const frame = await waitFor(async () => page.frames().find((f) => f.url().endsWith('/card-small-frame-child.html')), (f) => !!f, 5000, 'frame');
    const at = await waitFor(() => rectOf(frame!, 'TrickBot'), (r) => !!r, 10_000, 'highlight in the frame');
    const frameBox = await page.evaluate(() => {
      const r = document.getElementById('note')!.getBoundingClientRect();
      return { left: r.left + 1, top: r.top + 1, width: 320, height: 90 }; // inside the 1px border
    });
    await hover(page, { x: frameBox.left + at!.x, y: frameBox.top + at!.y });
    const box = await waitFor(() => cardBox(page), (b) => !!b && b.height > 0, 5000, 'card in the frame');
    await page.waitForTimeout(400); // links loaded, placed again
    const placed = (await cardBox(page))!;
    assert.ok(box);
    assert.ok(placed.top >= frameBox.top - 0.5 && placed.top + placed.height <= frameBox.top + frameBox.height + 0.5, `card ${JSON.stringify(placed)} inside the frame ${JSON.stringify(frameBox)}`);
    assert.ok(placed.left >= frameBox.left - 0.5 && placed.left + placed.width <= frameBox.left + frameBox.width + 0.5, `card ${JSON.stringify(placed)} inside the frame width`);
    assert.ok(placed.height >= 60, `more than the title line shows: ${placed.height}px`);
    assert.ok(placed.scrollable, 'what does not fit scrolls');
    await page.screenshot({ path: 'out/content-card-small-frame.png' });
    // Scrolling the card to its links keeps it open.
    await page.mouse.move(placed.left + placed.width / 2, placed.top + placed.height / 2);
    await page.mouse.wheel(0, 60);
    await page.waitForTimeout(500);
    const scrolled = await cardBox(page);
    assert.ok(scrolled, 'still open');
    assert.ok(scrolled.scrollTop > 0, 'scrolled to the links');
    await page.screenshot({ path: 'out/content-card-small-frame-scrolled.png' });
  } finally {
    await page.close();
  }
});

test('a card whose text the page removes closes, and its element leaves the page (hover and keyboard)', async () => {
  const page = await open('/card-text-goes.html');
  try {
    await spotted(env.browser.worker, page);
    const at = await rectOf(page, 'TrickBot');
    assert.ok(at);
    await hover(page, at);
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: TrickBot'), 5000, 'hover card');
    // The pointer stays where it is; the page rewrites the paragraph.
    await page.evaluate(() => (window as unknown as { removeTop(): void }).removeTop());
    await waitFor(() => dialogs(page), (d) => d.length === 0, 2000, 'card closed after its text went');
    assert.equal(await page.evaluate(() => document.querySelectorAll('actorlens-card').length), 0);

    // Keyboard: the card for the remaining highlight, then every name goes.
    await page.mouse.move(5, 600);
    await waitFor(() => ranges(page), (r) => r.length === 1, 5000, 'one highlight left');
    await page.keyboard.press('Alt+Shift+K');
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: Lazarus Group'), 3000, 'keyboard card');
    await page.evaluate(() => (window as unknown as { removeAll(): void }).removeAll());
    await waitFor(() => dialogs(page), (d) => d.length === 0, 2000, 'keyboard card closed');
    assert.equal(await page.evaluate(() => document.querySelectorAll('actorlens-card').length), 0);
  } finally {
    await page.close();
  }
});

test('Alt+Shift+K typed into a text field or an editable area is left to it: no card, no focus change, not cancelled', async () => {
  const page = await open('/card-typing.html');
  try {
    await spotted(env.browser.worker, page);
    for (const id of ['notes', 'editor']) {
      await page.click(`#${id}`);
      await page.keyboard.press('Alt+Shift+K');
      await page.waitForTimeout(400);
      assert.deepEqual(await dialogs(page), [], `no card while typing in #${id}`);
      assert.equal(await page.evaluate(() => document.activeElement?.id), id, 'focus stays in the field');
    }
    const seen = await page.evaluate(() => (window as unknown as { keysSeen: { target: string; prevented: boolean }[] }).keysSeen);
    assert.deepEqual(seen, [
      { target: 'notes', prevented: false },
      { target: 'editor', prevented: false },
    ]);
    // Outside the fields the shortcut still works.
    await page.click('h1, body', { position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+Shift+K');
    await waitFor(() => dialogs(page), (d) => d.length === 1, 3000, 'card by keyboard outside the fields');
  } finally {
    await page.close();
  }
});

test('a card opened with Alt+Shift+K closes when Tab takes the focus out of it, leaving the focus where it went', async () => {
  const page = await open('/card-typing.html');
  try {
    await spotted(env.browser.worker, page);
    await page.click('h1, body', { position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+Shift+K');
    await waitFor(() => dialogs(page), (d) => d.length === 1, 3000, 'card by keyboard');
    assert.equal(await page.evaluate(() => document.activeElement?.localName), 'actorlens-card', 'the card has the focus');
    await page.keyboard.press('Tab');
    await waitFor(() => dialogs(page), (d) => d.length === 0, 2000, 'card closed after Tab');
    assert.equal(await page.evaluate(() => document.querySelectorAll('actorlens-card').length), 0);
    assert.notEqual(await page.evaluate(() => document.activeElement?.localName), 'actorlens-card');
  } finally {
    await page.close();
  }
});

test('a card opened with Alt+Shift+K right after the pointer left a hover card stays open', async () => {
  const page = await open('/card-typing.html');
  try {
    await spotted(env.browser.worker, page);
    const at = await rectOf(page, 'Lazarus Group');
    assert.ok(at);
    await hover(page, at);
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: Lazarus Group'), 5000, 'hover card');
    // Leave the highlight (away from the card too): the hover card is due to close in a moment…
    await page.mouse.move(at.x, at.y - 18);
    await page.mouse.move(at.x + 500, 5, { steps: 2 });
    await page.waitForTimeout(60);
    // …and the key asks for the next one before it does.
    await page.keyboard.press('Alt+Shift+K');
    const shown = await waitFor(() => dialogs(page), (d) => d.length === 1 && d[0] !== 'ActorLens: Lazarus Group', 3000, 'keyboard card');
    await page.waitForTimeout(900);
    assert.deepEqual(await dialogs(page), shown, 'still open');
  } finally {
    await page.close();
  }
});

test('after the page rebuilds itself with document.open()/write(), hover and Alt+Shift+K work again', async () => {
  const page = await open('/card-docopen.html');
  try {
    await spotted(env.browser.worker, page);
    await page.evaluate(() => (window as unknown as { rewrite(): void }).rewrite());
    await waitFor(() => ranges(page), (r) => r.some((x) => x.where === 'w' && x.text === 'TrickBot'), 5000, 'new text highlighted');
    const at = await rectOf(page, 'TrickBot');
    assert.ok(at);
    await hover(page, at);
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: TrickBot'), 5000, 'hover card on the rewritten page');
    await page.keyboard.press('Escape');
    await waitFor(() => dialogs(page), (d) => d.length === 0, 3000, 'closed');
    await page.mouse.move(5, 600);
    await page.keyboard.press('Alt+Shift+K');
    await waitFor(() => dialogs(page), (d) => d.length === 1, 3000, 'keyboard card on the rewritten page');
  } finally {
    await page.close();
  }
});

test('Alt+Shift+K passes over highlights the page does not show (a closed menu, a hidden tab)', async () => {
  const page = await open('/card-hidden.html');
  try {
    const report = await spotted(env.browser.worker, page);
    // Hidden text is read (it may be shown at any moment) and counted.
    assert.deepEqual(report.matches.map((m) => m.name).sort(), ['Emotet', 'Lazarus Group', 'TrickBot', 'Wizard Spider']);
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Alt+Shift+K');
      const shown = await waitFor(() => dialogs(page), (d) => d.length === 1 && d[0] !== seen[seen.length - 1], 3000, `card ${i + 1}`);
      seen.push(shown[0]!);
    }
    assert.deepEqual(seen, ['ActorLens: Lazarus Group', 'ActorLens: Wizard Spider', 'ActorLens: Lazarus Group', 'ActorLens: Wizard Spider']);
    // Shown again, the menu's highlight is a stop like any other.
    await page.keyboard.press('Escape');
    await page.evaluate(() => (document.getElementById('menu')!.style.display = 'block'));
    const again: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Alt+Shift+K');
      const shown = await waitFor(() => dialogs(page), (d) => d.length === 1 && d[0] !== again[again.length - 1], 3000, `card ${i + 1} with the menu shown`);
      again.push(shown[0]!);
    }
    assert.ok(again.includes('ActorLens: TrickBot'), again.join(', '));
  } finally {
    await page.close();
  }
});
