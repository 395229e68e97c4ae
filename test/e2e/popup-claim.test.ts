/**
 * Recording a claim from an article with a selected passage: saved at once, shown in the entity view with its
 * quote, kept across a browser restart, served to the hover card (the background's getCard), editable and
 * deletable with undo.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { CardData, PageInfo } from '../../src/core/protocol';
import { chooseClaimLink, launchChromium, openPopup, serveFixtures, spotted, tabIdOf } from './harness';
import { accessibleNames, dialogStyle, dialogs, waitFor } from './content-pages';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> }; tabs: { sendMessage(tabId: number, m: unknown): Promise<unknown> } };

const PASSAGE = 'the operators behind the Rhysida ransomware bought the GootLoader foothold';

let server: Awaited<ReturnType<typeof serveFixtures>>;
before(async () => {
  mkdirSync('out', { recursive: true });
  server = await serveFixtures();
});
after(async () => {
  await server.close();
});

/** Selects `text` inside #key with the Selection API, as a reader would with the mouse. */
async function selectPassage(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const p = document.getElementById('key')!;
    const node = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(wanted))!;
    const start = node.textContent!.indexOf(wanted);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + wanted.length);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, text);
}

/** The text under the reader's quote highlight on the page (the passages of claims recorded there). */
const quoted = (page: Pick<Page, 'evaluate'>) =>
  page.evaluate(() => {
    const h = CSS.highlights.get('actorlens-quote');
    return h ? [...h].map((r) => (r instanceof Range ? r.toString() : '')) : [];
  });

/** The centre of `word` in the passage's paragraph (its first occurrence), in viewport pixels. */
const centreOfWord = (page: Page, word: string) =>
  page.evaluate((w) => {
    const text = [...document.getElementById('key')!.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(w))!;
    const range = document.createRange();
    range.setStart(text, text.textContent!.indexOf(w));
    range.setEnd(text, text.textContent!.indexOf(w) + w.length);
    const box = range.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, word);

const card = (popup: Page, entityId: string) => popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'actorlens:getCard', entityId: id }), entityId) as Promise<CardData | null>;

test('a claim recorded from an article with a selected passage is saved, survives a restart and reaches the hover card', async () => {
  const first = await launchChromium();
  try {
    const page = await first.context.newPage();
    await page.goto(server.url('/claim-rhysida.html'));
    const report = await spotted(first.worker, page);
    assert.ok(report.matches.some((m) => m.entityId === 'rhysida'), 'Rhysida spotted');
    assert.ok(report.matches.some((m) => m.entityId === 'gootloader'), 'GootLoader spotted');
    await selectPassage(page, PASSAGE);
    const popup = await openPopup(first.context, first.extensionId, await tabIdOf(first.worker, page));
    // The options page, open on Rhysida in another tab while the claim is recorded, follows it (no reload).
    const options = await first.context.newPage();
    await options.goto(`chrome-extension://${first.extensionId}/options/options.html#explorer/rhysida`);
    await options.locator('#detail-title', { hasText: 'Rhysida' }).waitFor();
    assert.doesNotMatch(await options.locator('aside.detail').innerText(), /GootLoader/, 'no such link before');
    await popup.getByRole('button', { name: 'Record a claim from this page' }).click();
    await popup.locator('form.claim-form').waitFor();

    // Prefilled from the page: both entities in the passage's order, title, address, site name, date, the passage.
    const names = [await popup.inputValue('#claim-from'), await popup.inputValue('#claim-to')];
    assert.deepEqual(names, ['Rhysida', 'GootLoader']);
    assert.equal(await popup.inputValue('#claim-title'), 'Search results as a front door: how a loader fed a ransomware crew');
    assert.equal(await popup.inputValue('#claim-url'), server.url('/claim-rhysida.html'));
    assert.equal(await popup.inputValue('#claim-publisher'), 'Harbor Security Notes');
    assert.equal(await popup.inputValue('#claim-date'), '2026-10-03');
    assert.equal(await popup.locator('.quote-field .quote').innerText(), PASSAGE);

    // Choose Rhysida first by typing into the chooser (keyboard), GootLoader second.
    await chooseClaimLink(popup, ['Rhys', 'Rhysida'], ['Goot', 'GootLoader'], 'obtains-access-from');
    await popup.selectOption('#claim-confidence', 'likely');
    await popup.selectOption('#claim-reliability', 'C');
    assert.equal(await popup.locator('.link-sentence').innerText(), 'Rhysida obtains access from GootLoader');
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: `out/popup-record-${scheme}.png`, fullPage: true });
    }
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.getByRole('button', { name: 'Save claim' }).click();

    // Saved at once: the entity view opens with the new link and its evidence.
    await popup.locator('h1.entity-name', { hasText: 'Rhysida' }).waitFor();
    const row = popup.locator('.link-row.open', { has: popup.locator('.link-other', { hasText: 'GootLoader' }) });
    await row.waitFor();
    assert.match(await row.locator('.evidence').innerText(), /your claim/);
    assert.equal(await row.locator('.quote').innerText(), PASSAGE);
    assert.match(await popup.locator('.notice').innerText(), /Claim saved/);
    await options.locator('aside.detail', { hasText: 'GootLoader' }).waitFor({ timeout: 5000 });
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: `out/popup-saved-${scheme}.png`, fullPage: true });
    }
    await popup.emulateMedia({ colorScheme: 'light' });
    const c = await card(popup, 'rhysida');
    assert.ok(c?.links.some((l) => l.otherId === 'gootloader' && l.relation === 'obtains-access-from'), 'hover card data has the new link');
    // The article marks the passage at once, and again when it is opened anew.
    await waitFor(() => quoted(page), (q) => q.length === 1, 5000, 'passage marked after saving');
    assert.deepEqual(await quoted(page), [PASSAGE]);
    await page.reload();
    await spotted(first.worker, page);
    await waitFor(() => quoted(page), (q) => q.length === 1, 5000, 'passage marked after a reload');
    assert.deepEqual(await quoted(page), [PASSAGE]);
    await page.screenshot({ path: 'out/page-quote-marked.png' });

    // Pointing at the passage where no name is shows the claim; a name inside it keeps its own card.
    const claimCard = 'ActorLens: your claim, Rhysida obtains access from GootLoader';
    const bought = await centreOfWord(page, 'bought');
    await page.mouse.move(bought.x, bought.y);
    await waitFor(() => dialogs(page), (d) => d.includes(claimCard), 5000, 'the claim card over the passage');
    const cardTexts = (await accessibleNames(page)).map((n) => n.name);
    // (the heading is drawn in capitals, which the accessibility tree reports)
    assert.ok(cardTexts.some((t) => t.toLowerCase() === 'your claim'), `headed as the reader’s claim: ${cardTexts.join(' | ')}`);
    assert.ok(cardTexts.includes('Harbor Security Notes · 2026-10-03'), 'with its source');
    await page.screenshot({ path: 'out/page-quote-card.png' });
    // The same card on the article in its dark style: the dark card, its texts light enough to read.
    await page.mouse.move(2, 2);
    await waitFor(() => dialogs(page), (d) => d.length === 0, 5000, 'card closed');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await spotted(first.worker, page);
    await waitFor(() => quoted(page), (q) => q.length === 1, 5000, 'passage marked on the dark page');
    const boughtDark = await centreOfWord(page, 'bought');
    await page.mouse.move(boughtDark.x, boughtDark.y);
    await waitFor(() => dialogs(page), (d) => d.includes(claimCard), 5000, 'the claim card on the dark page');
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'out/page-quote-card-dark.png' });
    assert.equal((await dialogStyle(page, claimCard, ['background-color']))?.style['background-color'], 'rgb(31, 37, 45)', 'the dark card');
    await page.mouse.move(2, 2);
    await waitFor(() => dialogs(page), (d) => d.length === 0, 5000, 'card closed');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload();
    await spotted(first.worker, page);
    await waitFor(() => quoted(page), (q) => q.length === 1, 5000, 'passage marked again');
    const rhysida = await centreOfWord(page, 'Rhysida');
    await page.mouse.move(rhysida.x, rhysida.y);
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: Rhysida'), 5000, 'the name card over a name in the passage');
    // From the keyboard: the caret in the passage, Alt+Shift+K, Enter opens the link in ActorLens.
    await page.mouse.move(2, 2);
    await waitFor(() => dialogs(page), (d) => d.length === 0, 5000, 'cards closed');
    await page.evaluate(() => {
      const text = document.getElementById('key')!.firstChild!;
      document.getSelection()!.collapse(text, text.textContent!.indexOf('bought') + 2);
    });
    await page.keyboard.press('Alt+Shift+K');
    await waitFor(() => dialogs(page), (d) => d.includes(claimCard), 5000, 'the claim card from the keyboard');
    const [view] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Enter')]);
    const params = new URL(view.url()).searchParams;
    assert.deepEqual([params.get('entity'), params.get('link')], ['rhysida', 'rhysida~obtains-access-from~gootloader']);
    await view.locator('.link-row.open', { has: view.locator('.link-other', { hasText: 'GootLoader' }) }).waitFor();
    await view.close();

    // The article rendered in a component (an open shadow root), and again in a srcdoc frame: marked in both.
    await page.evaluate((passage) => {
      const key = document.getElementById('key')!;
      const host = document.createElement('article-body');
      key.replaceWith(host);
      host.attachShadow({ mode: 'open' }).append(key);
      const frame = document.createElement('iframe');
      frame.srcdoc = `<p>In our reconstruction, ${passage} two weeks later.</p>`;
      document.querySelector('article')!.append(frame);
    }, PASSAGE);
    await first.worker.evaluate((tabId) => chrome.tabs.sendMessage(tabId, { type: 'actorlens:rescan' }), await tabIdOf(first.worker, page));
    const inShadow = () =>
      page.evaluate(() => [...(CSS.highlights.get('actorlens-quote') ?? [])].filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot).map((r) => (r instanceof Range ? r.toString() : '')));
    await waitFor(inShadow, (q) => q.length === 1, 5000, 'passage marked in the shadow root');
    assert.deepEqual(await inShadow(), [PASSAGE]);
    // Selected there, the passage is quoted with its context in the component.
    await page.evaluate((passage) => {
      const text = document.querySelector('article-body')!.shadowRoot!.getElementById('key')!.firstChild!;
      const at = text.textContent!.indexOf(passage);
      getSelection()!.setBaseAndExtent(text, at, text, at + passage.length);
    }, PASSAGE);
    const tabId = await tabIdOf(first.worker, page);
    const pageInfoNow = async () => (await first.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'actorlens:pageInfo' }), tabId)) as PageInfo;
    const fromShadow = (await pageInfoNow()).selection;
    assert.deepEqual([fromShadow?.exact, fromShadow?.prefix], [PASSAGE, 'In our reconstruction, ']);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await waitFor(() => quoted(frame), (q) => q.length === 1, 8000, 'passage marked in the srcdoc frame');
    assert.deepEqual(await quoted(frame), [PASSAGE]);
    // A passage selected in that frame is the page's to quote: Record a claim reads it (pageInfo), at the top's address.
    await frame.evaluate(() => {
      const text = document.querySelector('p')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 'In our reconstruction'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.locator('iframe').focus();
    const info = await pageInfoNow();
    assert.deepEqual([info.url, info.selection?.exact], [server.url('/claim-rhysida.html'), 'In our reconstruction']);

    // The page renders the article again (a single-page app replacing it): the new paragraph is marked, no rescan asked.
    await page.evaluate(() => document.querySelector('article-body')!.remove());
    await page.waitForTimeout(300);
    await page.evaluate((passage) => {
      const p = document.createElement('p');
      p.textContent = `In our reconstruction, ${passage} two weeks later.`;
      document.querySelector('article')!.prepend(p);
    }, PASSAGE);
    const markedNow = () =>
      page.evaluate(() => [...(CSS.highlights.get('actorlens-quote') ?? [])].filter((r) => r.startContainer.isConnected).map((r) => (r instanceof Range ? r.toString() : '')));
    await waitFor(markedNow, (q) => q.length === 1 && q[0] === PASSAGE, 8000, 'passage marked again after the page re-rendered it');
    // The popup opened on the article lists the claim under what is on the page.
    const again = await openPopup(first.context, first.extensionId, await tabIdOf(first.worker, page));
    const mine = again.locator('.page-claims .page-claim');
    await mine.first().waitFor();
    assert.equal(await mine.count(), 1);
    assert.match(await mine.innerText(), /Rhysida obtains access from GootLoader/);
    assert.match(await mine.innerText(), new RegExp(PASSAGE));
    await again.screenshot({ path: 'out/popup-page-claims.png', fullPage: true });
    await again.close();
  } finally {
    await first.context.close();
  }

  const second = await launchChromium(first.userDataDir);
  try {
    const popup = await second.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${second.extensionId}/popup/popup.html?entity=rhysida`);
    const row = popup.locator('.link-row', { has: popup.locator('.link-other', { hasText: 'GootLoader' }) });
    await row.waitFor();
    await row.locator('.link-head').click();
    assert.equal(await row.locator('.quote').innerText(), PASSAGE);
    assert.match(await row.locator('.evidence').innerText(), /Harbor Security Notes/);
    const c = await card(popup, 'gootloader');
    assert.ok(c?.links.some((l) => l.otherId === 'rhysida'), 'after restart the hover card data still has the link');

    // The stored claim keeps its TextQuoteSelector with context.
    const stored = (await popup.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('actorlens');
          open.onsuccess = () => {
            const req = open.result.transaction('claims').objectStore('claims').index('origin').getAll('user');
            req.onsuccess = () => resolve(req.result);
          };
        }),
    )) as { quote?: { type: string; exact: string; prefix?: string; suffix?: string }; pageUrl?: string; confidence?: number }[];
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.quote?.type, 'TextQuoteSelector');
    assert.equal(stored[0]!.quote?.exact, PASSAGE);
    assert.match(stored[0]!.quote?.prefix ?? '', /In our reconstruction, $/);
    assert.equal(stored[0]!.confidence, 70);

    // Edit it.
    await row.getByRole('button', { name: /Edit your claim/ }).click();
    await popup.locator('#claim-heading', { hasText: 'Edit your claim' }).waitFor();
    assert.equal(await popup.inputValue('#claim-from'), 'Rhysida', 'the entities can be changed while editing');
    await popup.screenshot({ path: 'out/popup-edit.png', fullPage: true });
    await popup.selectOption('#claim-confidence', 'veryLikely');
    await popup.getByRole('button', { name: 'Save changes' }).click();
    await popup.locator('.notice', { hasText: 'Changes saved' }).waitFor();
    // Back on the entity, with the edited claim's link open.
    await row.locator('.evidence').waitFor();
    assert.match(await row.locator('.evidence .claim-confidence').innerText(), /very likely/);

    // Delete it, then undo.
    await row.getByRole('button', { name: /Delete your claim/ }).click();
    await popup.locator('.notice', { hasText: 'Claim deleted' }).waitFor();
    await popup.locator('.link-other', { hasText: 'GootLoader' }).waitFor({ state: 'detached' });
    assert.equal((await card(popup, 'rhysida'))?.links.some((l) => l.otherId === 'gootloader'), false);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await popup.locator('.notice', { hasText: 'Claim restored' }).waitFor();
    await popup.locator('.link-other', { hasText: 'GootLoader' }).waitFor();
    assert.equal((await card(popup, 'rhysida'))?.links.some((l) => l.otherId === 'gootloader'), true);
  } finally {
    await second.context.close();
  }
});
