/**
 * The hover / keyboard card, the on/off switches, and privacy: a page where nothing is spotted (or ActorLens is
 * off) can find no trace of the extension. Screenshots go to out/ for a human look.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROME, CHROME_ARGS, highlightTexts, openPopup, sharedBrowser, spotted, tabIdOf } from './harness';
import { accessibleNames, dialogs, badgeOf, centreOf, dialogStyle, ranges, setSettings, waitFor } from './content-pages';

const env = sharedBrowser();

async function open(p: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url(p));
  return page;
}


test('hovering a highlight shows the card with name, kind, why, links and the open button; Escape and scroll close it', async () => {
  const page = await open('/demo/article.html');
  try {
    await spotted(env.browser.worker, page);
    const at = await centreOf(page, 'HIDDEN COBRA');
    assert.ok(at);
    await page.mouse.move(at.x - 30, at.y - 40);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: Lazarus Group'), 5000, 'card dialog');
    // The card's links, not the page's own "TrickBot": the card says "Loading links…" until they come.
    const names = await waitFor(() => accessibleNames(page), (n) => n.some((x) => x.name === 'on this page') && !n.some((x) => /Loading links/.test(x.name)), 10_000, 'links loaded');
    const text = names.map((n) => n.name).join(' | ');
    assert.match(text, /Threat actor/i);
    assert.match(text, /Matched “HIDDEN COBRA”, an alias/);
    assert.match(text, /likely/);
    assert.ok(names.some((n) => n.role === 'button' && n.name === 'Open in ActorLens'), text);
    // Links to entities the article also names come first, marked in words (TrickBot, TA505 and Dridex are on this
    // page; WannaCry, Andariel and BlueNoroff are not, though the background ranks some of them higher).
    const all = names.map((n) => n.name);
    // (the tree lists each text under its row too: the name right before the marker)
    const marked = all.flatMap((n, i) => (n === 'on this page' && all[i - 1] ? [all[i - 1]] : []));
    assert.deepEqual(marked.sort(), ['Dridex', 'TA505', 'TrickBot'], text);
    // Four links show: the three on the page, then the strongest other; Andariel and BlueNoroff, shown before, give way.
    assert.ok(!all.includes('BlueNoroff') && !all.includes('Andariel'), text);
    // Source counts read as English: "1 source", "2 sources", never "1 source(s)".
    const counts = names.map((n) => n.name).filter((n) => /\bsource/.test(n));
    assert.ok(counts.length > 0, text);
    for (const c of counts) assert.match(c, /^(1 source|([02-9]|\d\d+) sources)$/, text);
    // The card sits below (or above) the match, not over it.
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName, [at.x, at.y]);
    assert.notEqual(hit, 'ACTORLENS-CARD');
    await page.screenshot({ path: 'out/content-card-light.png' });
    await page.keyboard.press('Escape');
    await waitFor(() => dialogs(page), (d) => d.length === 0, 3000, 'closed by Escape');
    // Leave and come back, then scroll: gone.
    await page.mouse.move(at.x, at.y + 120, { steps: 2 });
    await page.waitForTimeout(100);
    await page.mouse.move(at.x + 2, at.y, { steps: 2 });
    await waitFor(() => dialogs(page), (d) => d.length === 1, 3000, 'card again');
    await page.mouse.wheel(0, 200);
    await waitFor(() => dialogs(page), (d) => d.length === 0, 3000, 'closed by scroll');
  } finally {
    await page.close();
  }
});

test('a possible actor named with a cue is spotted at its other mentions too, and the card says why', async () => {
  const page = await open('/possible-actor.html');
  try {
    const report = await spotted(env.browser.worker, page);
    const found = report.matches.filter((m) => m.text === 'Brightwater');
    assert.deepEqual(found.map((m) => [m.entityId, m.count]), [[null, 2]], JSON.stringify(report.matches));
    const at = await centreOf(page, 'Brightwater', 1); // the bare mention, in the second paragraph
    assert.ok(at);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: Brightwater'), 5000, 'card');
    const names = (await accessibleNames(page)).map((n) => n.name).join(' | ');
    assert.match(names, /called a threat actor elsewhere on this page/);
  } finally {
    await page.close();
  }
});

test('possible malware: a new family named on the page is highlighted as malware, its card says so, and the popup adds it as malware', async () => {
  const page = await open('/possible-malware.html');
  try {
    const report = await spotted(env.browser.worker, page);
    const found = report.matches.filter((m) => m.text === 'Quillstack');
    assert.deepEqual(found.map((m) => [m.entityId, m.kind, m.count]), [[null, 'malware', 2]], JSON.stringify(report.matches));
    assert.deepEqual((await highlightTexts(page))['actorlens-possible-malware'], ['Quillstack', 'Quillstack']);
    const at = await centreOf(page, 'Quillstack', 1); // the bare mention, in the second paragraph
    assert.ok(at);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: Quillstack'), 5000, 'card');
    const names = (await accessibleNames(page)).map((n) => n.name).join(' | ');
    assert.match(names, /Possible malware/i);
    assert.match(names, /named as malware elsewhere on this page/);
    await page.screenshot({ path: 'out/possible-malware-card.png' });
    const popup = await openPopup(env.browser.context, env.browser.extensionId, await tabIdOf(env.browser.worker, page));
    try {
      const add = popup.getByRole('button', { name: 'Add Quillstack to the knowledge base as malware' });
      await add.waitFor({ timeout: 5000 });
      await popup.screenshot({ path: 'out/possible-malware-popup.png' });
      await add.click();
      await popup.locator('h1.entity-name', { hasText: 'Quillstack' }).waitFor({ timeout: 5000 });
      assert.match(await popup.locator('.entity-view').innerText(), /Malware/);
      // once added, the page reads it as the knowledge base's malware, no longer a possible one
      const after = await waitFor(() => spotted(env.browser.worker, page), (r) => r.matches.some((m) => m.text === 'Quillstack' && m.entityId !== null), 10_000, 'rescanned as known');
      assert.deepEqual(after.matches.filter((m) => m.text === 'Quillstack').map((m) => m.kind), ['malware']);
    } finally {
      await popup.close();
    }
  } finally {
    await page.close();
  }
});

test('a one-sentence post: the card says which linked name confirmed the ordinary-word name', async () => {
  const page = await open('/odd/post.html');
  try {
    await spotted(env.browser.worker, page);
    const at = await centreOf(page, 'Lazarus');
    assert.ok(at);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: Lazarus Group'), 5000, 'card');
    const names = (await accessibleNames(page)).map((n) => n.name).join(' | ');
    assert.match(names, /confirmed by its known link to Dridex, named in the same sentence/);
  } finally {
    await page.close();
  }
});

test('on a long page read in several slices, bare mentions far above and below the cue are spotted too', async () => {
  const page = await open('/possible-actor-long.html');
  try {
    const report = await spotted(env.browser.worker, page);
    const found = report.matches.filter((m) => m.text === 'Brightwater');
    assert.deepEqual(found.map((m) => [m.entityId, m.count]), [[null, 3]], JSON.stringify(report.matches));
  } finally {
    await page.close();
  }
});

test('"Open in ActorLens" opens the entity view; the keyboard shortcut reaches highlights without a mouse', async () => {
  const page = await open('/article.html');
  try {
    await spotted(env.browser.worker, page);
    await page.keyboard.press('Alt+Shift+K');
    await waitFor(() => dialogs(page), (d) => d.length === 1, 3000, 'card by keyboard');
    const first = (await dialogs(page))[0];
    assert.match(first ?? '', /ActorLens: /);
    // Focus is on the open button: Enter opens the entity in the ActorLens view.
    const opened = env.browser.context.waitForEvent('page', { timeout: 5000 });
    await page.keyboard.press('Enter');
    const view = await opened;
    assert.match(view.url(), /popup\/popup\.html\?entity=[^&]+&tab=\d+/);
    await view.close();
    await page.bringToFront();
    // Alt+Shift+K again walks on to the next highlight.
    await page.keyboard.press('Alt+Shift+K');
    await waitFor(() => dialogs(page), (d) => d.length === 1, 3000, 'card by keyboard again');
    const second = (await dialogs(page))[0];
    await page.keyboard.press('Alt+Shift+K');
    const third = await waitFor(() => dialogs(page), (d) => d.length === 1 && d[0] !== second, 3000, 'next card');
    assert.notEqual(third[0], second, 'moved on');
    await page.keyboard.press('Escape');
    await waitFor(() => dialogs(page), (d) => d.length === 0, 3000, 'closed');
  } finally {
    await page.close();
  }
});

test('a dark page: highlights and card stay readable (screenshots)', async () => {
  const page = await open('/dark.html');
  try {
    await spotted(env.browser.worker, page);
    await page.screenshot({ path: 'out/content-dark.png' });
    const at = await centreOf(page, 'TrickBot');
    assert.ok(at);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: TrickBot'), 5000, 'card');
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'out/content-card-dark.png' });
  } finally {
    await page.close();
  }
});

test('a page whose app root paints it dark (body and html transparent) gets the dark-page highlight and card', async () => {
  const page = await open('/dark-app-root.html');
  try {
    await spotted(env.browser.worker, page);
    // Dark pages get a lighter fill and an underline brighter than the kind colour; light pages a darker one.
    const underline = () =>
      page.evaluate(() => {
        const p = [...document.querySelectorAll('p')].find((x) => x.textContent!.includes('TrickBot'))!;
        const m = /rgba?\((\d+), (\d+), (\d+)/.exec(getComputedStyle(p, '::highlight(actorlens-malware)').textDecorationColor);
        return m ? 0.2126 * Number(m[1]) + 0.7152 * Number(m[2]) + 0.0722 * Number(m[3]) : -1;
      });
    const luminance = await waitFor(underline, (l) => l > 150, 3000, 'a bright underline on the dark background').catch(async () => underline());
    assert.ok(luminance > 150, `underline luminance ${luminance}: light-page colours on a dark page`);
    await page.screenshot({ path: 'out/content-dark-app-root.png' });
    const at = await centreOf(page, 'TrickBot');
    assert.ok(at);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await waitFor(() => dialogs(page), (d) => d.includes('ActorLens: TrickBot'), 5000, 'card');
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'out/content-card-dark-app-root.png' });
    assert.equal((await dialogStyle(page, 'ActorLens: TrickBot', ['background-color']))?.style['background-color'], 'rgb(31, 37, 45)', 'the dark card');
  } finally {
    await page.close();
  }
});

test('the demo article, highlighted (screenshot)', async () => {
  const page = await open('/demo/article.html');
  try {
    await spotted(env.browser.worker, page);
    await page.screenshot({ path: 'out/content-demo-article.png', fullPage: true });
  } finally {
    await page.close();
  }
});

/** What a page's own scripts can observe about extensions. */
function probe(page: Page) {
  return page.evaluate(() => {
    const keys = Object.keys(window).sort();
    const all: string[] = [];
    document.querySelectorAll('*').forEach((el) => {
      all.push(el.tagName + [...el.attributes].map((a) => `[${a.name}=${a.value}]`).join(''));
    });
    const p = document.querySelector('p')!;
    return {
      html: document.documentElement.outerHTML,
      elements: all,
      globals: keys,
      highlights: CSS.highlights.size,
      adopted: document.adoptedStyleSheets.length,
      sheets: document.styleSheets.length,
      probeActor: getComputedStyle(p, '::highlight(actorlens-actor)').backgroundColor,
      probeMalware: getComputedStyle(p, '::highlight(actorlens-malware)').textDecorationLine,
      customElement: customElements.get('actorlens-card') !== undefined,
    };
  });
}

test('privacy: an ordinary article (no names) shows no trace — same DOM, globals, styles and highlights as without the extension', async () => {
  // The same page in a browser without the extension is the baseline.
  const plain = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'actorlens-plain-')), { executablePath: CHROME, headless: true, args: CHROME_ARGS });
  let baseline: Awaited<ReturnType<typeof probe>>;
  try {
    const p = await plain.newPage();
    await p.goto(env.server.url('/metals.html'));
    await p.waitForTimeout(300);
    baseline = await probe(p);
  } finally {
    await plain.close();
  }
  const page = await open('/metals.html');
  try {
    const report = await spotted(env.browser.worker, page);
    assert.deepEqual(report.matches, []);
    // Move the pointer and press the card key: still nothing.
    await page.mouse.move(200, 200, { steps: 3 });
    await page.keyboard.press('Alt+Shift+K');
    await page.waitForTimeout(300);
    const seen = await probe(page);
    assert.equal(seen.highlights, 0);
    assert.equal(seen.adopted, 0);
    assert.equal(seen.probeActor, 'rgba(0, 0, 0, 0)', 'no ::highlight rule visible to the page');
    assert.deepEqual(seen, baseline);
    assert.equal(await badgeOf(env.browser.worker, page), '');
  } finally {
    await page.close();
  }
});

test('per-site off removes every highlight and the card host, leaving the DOM as it was; the toggle message and global pause act at once', async () => {
  const page = await open('/demo/article.html');
  try {
    const tabId = await tabIdOf(env.browser.worker, page);
    const pristine = await page.evaluate(() => document.documentElement.outerHTML);
    await spotted(env.browser.worker, page);
    const at = await centreOf(page, 'TrickBot');
    await page.mouse.move(at!.x, at!.y, { steps: 3 });
    await waitFor(() => dialogs(page), (d) => d.length === 1, 5000, 'card');
    assert.equal(await page.evaluate(() => document.querySelectorAll('actorlens-card').length), 1);

    // The keyboard command's path: the background sends actorlens:toggle to the tab.
    const reply = await env.browser.worker.evaluate(
      (id) => (globalThis as unknown as { chrome: { tabs: { sendMessage(i: number, m: unknown): Promise<unknown> } } }).chrome.tabs.sendMessage(id, { type: 'actorlens:toggle' }),
      tabId,
    );
    assert.deepEqual(reply, { enabled: false });
    await page.waitForFunction(() => CSS.highlights.size === 0 && document.adoptedStyleSheets.length === 0);
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), pristine);
    assert.equal(await waitFor(() => badgeOf(env.browser.worker, page), (b) => b === '', 3000, 'badge cleared'), '');

    // Back on.
    await setSettings(env.browser.worker, { sites: [] });
    await page.waitForFunction(() => CSS.highlights.size > 0);
    // Global pause.
    await setSettings(env.browser.worker, { paused: true });
    await page.waitForFunction(() => CSS.highlights.size === 0);
    assert.deepEqual(await ranges(page), []);
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), pristine);
  } finally {
    await setSettings(env.browser.worker, { paused: false, sites: [] });
    await page.close();
  }
});

test('a second page is cheap: the matcher is built once and kept in the background', async () => {
  const page = await open('/metals.html');
  try {
    const first = await spotted(env.browser.worker, page);
    await page.goto(env.server.url('/metals.html?again'));
    const second = await spotted(env.browser.worker, page);
    console.log(`# metals page scanMs: ${first.scanMs.toFixed(1)} then ${second.scanMs.toFixed(1)} ms`);
    assert.ok(second.scanMs < 1000);
  } finally {
    await page.close();
  }
});
