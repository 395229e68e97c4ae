/**
 * The hover card over text the page shows in the top layer: a modal dialog (showModal) makes the rest of the document
 * inert and paints above it, so a card left outside the dialog is drawn under it and cannot be used.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sharedBrowser, spotted } from './harness';
import { accessibleNames, centreOf, waitFor } from './content-pages';

const env = sharedBrowser();

const cardOpen = async (page: Page) => (await accessibleNames(page)).some((n) => n.role === 'dialog' && n.name.startsWith('ActorLens'));

/**
 * Centre of the card's box in the viewport, read through DevTools (the shadow root is closed), and the element the
 * page finds there: the card's host when the card is on top and reachable.
 */
async function cardHit(page: Page): Promise<{ x: number; y: number; top: number; bottom: number; hit: string } | undefined> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[] };
    const card = nodes.find((n) => n.role?.value === 'dialog' && n.name?.value.startsWith('ActorLens'));
    if (!card?.backendDOMNodeId) return undefined;
    const { model } = await session.send('DOM.getBoxModel', { backendNodeId: card.backendDOMNodeId });
    const q = model.border;
    const x = (q[0]! + q[4]!) / 2;
    const y = (q[1]! + q[5]!) / 2;
    const hit = await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.localName ?? 'nothing', [x, y]);
    return { x, y, top: Math.min(q[1]!, q[5]!), bottom: Math.max(q[1]!, q[5]!), hit };
  } finally {
    await session.detach();
  }
}

test('a name inside a modal dialog opens a card drawn above the dialog, which the pointer reaches; it closes when the pointer leaves; Alt+Shift+K goes through the names in the dialog only', async () => {
  const page = await env.browser.context.newPage();
  try {
    await page.goto(env.server.url('/card-modal.html'));
    await spotted(env.browser.worker, page);
    await page.click('#show');
    const at = await waitFor(() => centreOf(page, 'Emotet'), (p) => p !== null, 5000, 'Emotet painted in the dialog');
    await page.mouse.move(at!.x - 4, at!.y);
    await page.mouse.move(at!.x, at!.y, { steps: 3 });
    await waitFor(() => cardOpen(page), (o) => o, 5000, 'card open over the dialog');
    // The card is on top at its own place (not under the dialog, not in the inert page), and the pointer can go onto it.
    const card = await cardHit(page);
    assert.equal(card?.hit, 'actorlens-card', 'what the pointer reaches at the card\'s centre');
    // Beside the name, as anywhere else (the dialog's transform does not shift it away).
    const gap = Math.min(Math.abs(card!.top - at!.y), Math.abs(card!.bottom - at!.y));
    assert.ok(gap < 30, `card edge ${Math.round(gap)} px from the name's middle (card ${Math.round(card!.top)}–${Math.round(card!.bottom)}, name at ${Math.round(at!.y)})`);
    await page.screenshot({ path: 'out/card-modal.png' });
    await page.mouse.move(card!.x, card!.y, { steps: 5 });
    await new Promise((r) => setTimeout(r, 600));
    assert.ok(await cardOpen(page), 'card still open with the pointer on it');
    await page.mouse.move(5, 5, { steps: 3 });
    await waitFor(() => cardOpen(page), (o) => !o, 5000, 'card closed');
    // The keyboard goes through the names in the dialog only: the page behind it is inert.
    const cardName = async () => (await accessibleNames(page)).find((n) => n.role === 'dialog' && n.name.startsWith('ActorLens'))?.name;
    const stops: (string | undefined)[] = [];
    for (let k = 0; k < 3; k++) {
      await page.keyboard.press('Alt+Shift+K');
      stops.push(await waitFor(cardName, (n) => n !== undefined && n !== stops[stops.length - 1], 5000, `keyboard card ${k + 1}`));
    }
    assert.deepEqual(stops, ['ActorLens: Wizard Spider', 'ActorLens: Emotet', 'ActorLens: Wizard Spider']);
    await page.keyboard.press('Escape');
    await waitFor(() => cardOpen(page), (o) => !o, 5000, 'keyboard card closed by Escape');
    // Back on the page once the dialog is closed: the card opens there as before.
    await page.keyboard.press('Escape');
    const outside = await waitFor(() => centreOf(page, 'Lazarus Group'), (p) => p !== null, 5000, 'Lazarus Group painted');
    await page.mouse.move(outside!.x - 4, outside!.y);
    await page.mouse.move(outside!.x, outside!.y, { steps: 3 });
    await waitFor(() => cardOpen(page), (o) => o, 5000, 'card open on the page');
  } finally {
    await page.close();
  }
});
