/**
 * Long-lived, changing pages in real Chromium, as a reader who keeps tabs open for hours (time compressed): a live
 * feed that appends thousands of items and drops old ones, single-page-app navigations, the back/forward cache,
 * frames that navigate or go away while the service worker sleeps, and highlighting turned off while the page
 * still changes. The badge and the `actorlens:spotted` answer must say what the tab shows now.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Worker } from 'playwright-core';
import { chooseClaimLink, launchChromium, openPopup, serveFixtures, spotted, tabIdOf, type Fixtures, type Launched } from './harness';
import { accessibleNames, badgeOf, setSettings, waitFor } from './content-pages';

let server: Fixtures;
let ext: Launched;
before(async () => {
  server = await serveFixtures();
  ext = await launchChromium(undefined, { bfcache: true });
});
after(async () => {
  await ext?.context.close();
  await server?.close();
});

/** The service worker now running (it changes after a stop). */
async function worker(): Promise<Worker> {
  for (const w of [...ext.context.serviceWorkers()].reverse()) {
    if (await w.evaluate('1').then(() => true, () => false)) return w;
  }
  return ext.context.waitForEvent('serviceworker', { timeout: 20_000 });
}

async function open(path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(server.url(path));
  return page;
}

/** The answer's surfaces with counts, sorted ("TrickBot×2"). */
async function answer(page: Page): Promise<string[]> {
  const report = await spotted(await worker(), page);
  return report.matches.map((m) => `${m.text}×${m.count}`).sort();
}

async function settles<T>(what: string, read: () => Promise<T>, expected: T): Promise<void> {
  const got = await waitFor(read, (v) => JSON.stringify(v) === JSON.stringify(expected), 10_000, what).catch((e: Error) => e);
  assert.deepEqual(got instanceof Error ? got.message : got, expected, what);
}

const badge = async (page: Page) => badgeOf(await worker(), page);

async function scanStats(page: Page): Promise<{ ranges: number } | null> {
  const w = await worker();
  const tabId = await tabIdOf(w, page);
  return w.evaluate((id) => (globalThis as unknown as { chrome: { tabs: { sendMessage(i: number, m: unknown): Promise<{ ranges: number } | null> } } }).chrome.tabs.sendMessage(id, { type: 'actorlens:scanStats' }), tabId);
}

async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
}

/** Objects of a DOM class still in the page's heap after a full garbage collection (held by anyone, the extension included). */
async function liveObjects(page: Page, className: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { result } = await cdp.send('Runtime.evaluate', { expression: `${className}.prototype`, objectGroup: 'count' });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId!, objectGroup: 'count' });
    const { result: length } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId!, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'count' });
    return length.value as number;
  } finally {
    await cdp.detach();
  }
}

interface FeedRun {
  perTick: number;
  keep: number;
  ticks: number;
  intervalMs: number;
  shadow?: boolean;
  quiet?: boolean;
}
const feedRun = (page: Page, run: FeedRun) => page.evaluate((r) => (window as unknown as { feedRun(r: FeedRun): Promise<number> }).feedRun(r), run);

test('a live feed: 2,000 items through a window of 200, spots stay bounded, and the answer and badge are what is shown', async () => {
  const page = await open('/live-feed.html');
  try {
    await spotted(await worker(), page);
    await page.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (window as unknown as { longTasks: number[] }).longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    const running = feedRun(page, { perTick: 20, keep: 200, ticks: 100, intervalMs: 30 });
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 700));
      seen.push((await scanStats(page))?.ranges ?? -1);
    }
    assert.equal(await running, 2000);
    await new Promise((r) => setTimeout(r, 1000));
    seen.push((await scanStats(page))?.ranges ?? -1);
    // Each item names at most one entity: never more spots than items on the page.
    assert.ok(seen.every((n) => n >= 0 && n <= 200), `spots held while the feed ran: ${seen.join(', ')}`);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(`live feed: spots ${seen.join(', ')}; long tasks ${longTasks.length} (longest ${Math.round(Math.max(0, ...longTasks))} ms)`);

    // The feed moves on: everything it showed before leaves the answer and the badge.
    await page.evaluate(() => (window as unknown as { feedOnly(n: string[]): void }).feedOnly(['TrickBot', 'Lazarus Group', 'TrickBot']));
    await settles('answer after the feed moved on', () => answer(page), ['Lazarus Group×1', 'TrickBot×2']);
    await settles('badge after the feed moved on', () => badge(page), '2');
    assert.equal((await scanStats(page))?.ranges, 3);
  } finally {
    await page.close();
  }
});

/**
 * Runs 6,000 web components through a window of 200, then empties the feed: the shadow roots still in memory. With
 * `named`, each names an entity, so its shadow root gets highlights and the highlight rules with them.
 */
async function shadowRootsHeldAfterFeed(named: boolean): Promise<number> {
  const page = await open('/live-feed.html');
  try {
    await spotted(await worker(), page);
    for (let round = 0; round < 3; round++) await feedRun(page, { perTick: 20, keep: 200, ticks: 100, intervalMs: 30, shadow: true, quiet: !named });
    await page.evaluate(() => (window as unknown as { feedOnly(n: string[]): void }).feedOnly([]));
    // A removal-only change is flushed like any other: wait for that flush.
    await new Promise((r) => setTimeout(r, 1500));
    return await liveObjects(page, 'ShadowRoot');
  } finally {
    await page.close();
  }
}

test('web components a feed removes are let go (their shadow roots are not held)', async () => {
  // Items with no names: nothing is painted, so only the scanner's own bookkeeping could hold them.
  const held = await shadowRootsHeldAfterFeed(false);
  // 6,000 components went through the page; none is left on it.
  assert.ok(held <= 200, `${held} shadow roots still in memory`);
});

test('web components with highlights a feed removes are let go too (the rules adopted into their shadow roots do not hold them)', async () => {
  const held = await shadowRootsHeldAfterFeed(true);
  assert.ok(held <= 200, `${held} shadow roots still in memory`);
});

test('single-page-app navigations (pushState, replaceState, hash, Navigation API): the new view is read, the old one leaves, the side frame stays', async () => {
  const page = await open('/spa-views.html');
  try {
    // The side frame (frame-child.html) names TrickBot and Dridex.
    await settles('home view', () => answer(page), ['Dridex×1', 'Lazarus Group×1', 'TrickBot×2']);
    await settles('home badge', () => badge(page), '3');
    const views: [string, string, string, string[], string][] = [
      ['push', '/spa-views.html?v=2', 'View two: Wizard Spider returns.', ['Dridex×1', 'TrickBot×1', 'Wizard Spider×1'], '3'],
      ['replace', '/spa-views.html?v=3', 'View three: nothing to see here.', ['Dridex×1', 'TrickBot×1'], '2'],
      ['hash', '#four', 'View four: the Lazarus Group again.', ['Dridex×1', 'Lazarus Group×1', 'TrickBot×1'], '3'],
      ['navigate', '/spa-views.html?v=5', 'View five: APT28 and Turla.', ['APT28×1', 'Dridex×1', 'TrickBot×1', 'Turla×1'], '4'],
    ];
    for (const [how, url, text, expected, count] of views) {
      // The browser stops the idle worker now and then: the tallies outlive it.
      if (how === 'hash' || how === 'navigate') await stopServiceWorker(page);
      await page.evaluate(([h, u, t]) => (window as unknown as { spaGo(h: string, u: string, t: string): unknown }).spaGo(h!, u!, t!), [how, url, text]);
      await settles(`${how}: answer`, () => answer(page), expected);
      await settles(`${how}: badge`, () => badge(page), count);
    }
  } finally {
    await page.close();
  }
});

test('back and forward through the back/forward cache: badge and answer are those of the page shown', async () => {
  const page = await ext.context.newPage();
  // Whether each document shown came back from the back/forward cache.
  await page.addInitScript(() => addEventListener('pageshow', (e: PageTransitionEvent) => ((window as unknown as { restored: boolean }).restored = e.persisted)));
  const restored = () => page.evaluate(() => (window as unknown as { restored?: boolean }).restored);
  try {
    await page.goto(server.url('/frame-parent.html'));
    const first = ['Dridex×1', 'Lazarus Group×1', 'TrickBot×1', 'Wizard Spider×1'];
    await settles('first page', () => answer(page), first);
    await settles('first badge', () => badge(page), '4');
    await page.goto(server.url('/article.html'));
    const second = await answer(page);
    await settles('second badge', () => badge(page), '5');
    // No load event for a page restored from the cache: wait for the commit only.
    await page.goBack({ waitUntil: 'commit' });
    await settles('back: restored from the cache', restored, true);
    await settles('back: answer', () => answer(page), first);
    await settles('back: badge', () => badge(page), '4');
    await page.goForward({ waitUntil: 'commit' });
    await settles('forward: restored from the cache', restored, true);
    await settles('forward: answer', () => answer(page), second);
    await settles('forward: badge', () => badge(page), '5');
  } finally {
    await page.close();
  }
});

test('frames: a child frame navigates; the top page, the other frame and another tab keep their tallies', async () => {
  const page = await open('/frame-parent.html');
  const other = await open('/article.html');
  try {
    await settles('tab 1', () => answer(page), ['Dridex×1', 'Lazarus Group×1', 'TrickBot×1', 'Wizard Spider×1']);
    const article = await answer(other);
    await settles('tab 2 badge', () => badge(other), '5');
    // The framed note navigates to another one (APT28): the top page and the srcdoc frame are still there.
    await page.evaluate(() => ((document.getElementById('child') as HTMLIFrameElement).src = '/frame-other.html'));
    await settles('child frame navigated', () => answer(page), ['APT28×1', 'Lazarus Group×1', 'Wizard Spider×1']);
    await settles('child frame navigated: badge', () => badge(page), '3');
    assert.deepEqual(await answer(other), article);
    assert.equal(await badge(other), '5');
  } finally {
    await page.close();
    await other.close();
  }
});

test('frames removed while the service worker is stopped take their entities off the badge and the answer', async () => {
  const page = await open('/frame-parent.html');
  try {
    await settles('start', () => answer(page), ['Dridex×1', 'Lazarus Group×1', 'TrickBot×1', 'Wizard Spider×1']);
    await settles('start: badge', () => badge(page), '4');
    // The browser stops the idle worker; then the page removes the srcdoc frame, later the other one.
    await stopServiceWorker(page);
    await page.evaluate(() => document.getElementById('inline')!.remove());
    await settles('srcdoc frame removed', () => answer(page), ['Dridex×1', 'Lazarus Group×1', 'TrickBot×1']);
    await settles('srcdoc frame removed: badge', () => badge(page), '3');
    await stopServiceWorker(page);
    await page.evaluate(() => document.getElementById('child')!.remove());
    await settles('child frame removed', () => answer(page), ['Lazarus Group×1']);
    await settles('child frame removed: badge', () => badge(page), '1');
  } finally {
    await page.close();
  }
});

test('pause or per-site off while a feed is still changing: nothing painted afterwards, no trace left', async () => {
  const page = await open('/live-feed.html');
  const trace = () =>
    page.evaluate(() => {
      let sheets = document.adoptedStyleSheets.length;
      for (const host of document.querySelectorAll('feed-item')) sheets += host.shadowRoot?.adoptedStyleSheets.length ?? 0;
      const ours = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('actorlens-') || [...el.attributes].some((a) => a.name.includes('actorlens'))).length;
      return { highlights: CSS.highlights.size, sheets, ours };
    });
  try {
    await spotted(await worker(), page);
    const none = { highlights: 0, sheets: 0, ours: 0 };
    for (const [patch, undo] of [
      [{ paused: true }, { paused: false }],
      [{ sites: ['127.0.0.1'] }, { sites: [] }],
    ] as const) {
      for (const shadow of [false, true]) {
        const running = feedRun(page, { perTick: 20, keep: 300, ticks: 60, intervalMs: 20, shadow });
        await new Promise((r) => setTimeout(r, 400));
        await setSettings(await worker(), patch);
        await settles(`off (${JSON.stringify(patch)}, shadow ${shadow})`, trace, none);
        await running;
        await new Promise((r) => setTimeout(r, 600));
        assert.deepEqual(await trace(), none, 'nothing painted after the feed went on');
        assert.equal(await badge(page), '');
        await setSettings(await worker(), undo);
        await waitFor(trace, (t) => t.highlights > 0, 10_000, 'back on');
      }
    }
  } finally {
    await setSettings(await worker(), { paused: false, sites: [] });
    await page.close();
  }
});

/** Keeps the painted range objects on the page (a re-read replaces every one of them)… */
function keepPaintedRanges(page: Page): Promise<void> {
  return page.evaluate(() => {
    const kept: AbstractRange[] = [];
    CSS.highlights.forEach((h) => h.forEach((r) => kept.push(r)));
    (window as unknown as { kept: AbstractRange[] }).kept = kept;
  });
}

/** …and counts, since then, the ranges kept, painted now, and replaced. */
function paintedSinceKept(page: Page): Promise<{ kept: number; now: number; replaced: number }> {
  return page.evaluate(() => {
    const kept = new Set((window as unknown as { kept: AbstractRange[] }).kept);
    let now = 0;
    let replaced = 0;
    CSS.highlights.forEach((h) =>
      h.forEach((r) => {
        now++;
        if (!kept.has(r)) replaced++;
      }),
    );
    return { kept: kept.size, now, replaced };
  });
}

test('a jump within the page (#section) leaves the highlights as they are: the page is not read again', async () => {
  const page = await open('/article.html');
  try {
    await spotted(await worker(), page);
    const before = await answer(page);
    await keepPaintedRanges(page);
    for (const hash of ['#heading', '#tail', '#split']) {
      await page.evaluate((h) => (location.hash = h), hash);
      await new Promise((r) => setTimeout(r, 250));
    }
    // The address changed (the Navigation API reported it); give a re-read, were there one, time to finish.
    await new Promise((r) => setTimeout(r, 1500));
    const same = await paintedSinceKept(page);
    assert.equal(same.replaced, 0, JSON.stringify(same));
    assert.equal(same.now, same.kept);
    assert.deepEqual(await answer(page), before);
  } finally {
    await page.close();
  }
});

test('a rescan leaves unchanged text as it is painted and reads what changed', async () => {
  const page = await open('/article.html');
  try {
    await spotted(await worker(), page);
    const before = await answer(page);
    const rescan = async () => {
      const w = await worker();
      const tabId = await tabIdOf(w, page);
      await w.evaluate((id) => (globalThis as unknown as { chrome: { tabs: { sendMessage(i: number, m: unknown): Promise<unknown> } } }).chrome.tabs.sendMessage(id, { type: 'actorlens:rescan' }), tabId);
    };
    await keepPaintedRanges(page);
    await rescan();
    await rescan();
    assert.equal((await paintedSinceKept(page)).replaced, 0, 'a rescan of an unchanged page repainted highlights');
    assert.deepEqual(await answer(page), before);
    // A paragraph rewritten: the observer reads it, and a rescan after it agrees.
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.includes('Lazarus Group'))!;
      p.textContent = 'This paragraph now names Wizard Spider only.';
    });
    await settles('answer after the rewrite', async () => (await answer(page)).includes('Wizard Spider×2'), true);
    const afterEdit = await answer(page);
    await rescan();
    assert.deepEqual(await answer(page), afterEdit);
  } finally {
    await page.close();
  }
});

/** Hovers the first highlight reading `text` and returns the texts of the card that opens (links loaded). */
async function hoverCard(page: Page, text: string): Promise<string[]> {
  const at = await page.evaluate((wanted) => {
    let found: { x: number; y: number } | undefined;
    CSS.highlights.forEach((h) =>
      h.forEach((r) => {
        const live = new Range();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const rect = live.getClientRects()[0];
        if (!found && rect && live.toString() === wanted) found = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }),
    );
    return found;
  }, text);
  assert.ok(at, `${text} highlighted`);
  await page.mouse.move(at.x, at.y, { steps: 3 });
  const names = await waitFor(
    async () => (await accessibleNames(page)).map((n) => n.name),
    (all) => all.includes(`ActorLens: ${text}`) && !all.includes('Loading links…') && all.some((n) => n === 'No known links.' || / source/.test(n)),
    5000,
    'card with its links',
  );
  await page.mouse.move(2, 2);
  await waitFor(async () => (await accessibleNames(page)).some((n) => n.role === 'dialog'), (open) => !open, 5000, 'card closed');
  return names;
}

test('a hover card opened after the reader recorded a claim in the popup shows the new link (the tab stayed open)', async () => {
  const page = await open('/claim-rhysida.html');
  try {
    await spotted(await worker(), page);
    assert.ok((await hoverCard(page, 'Rhysida')).includes('No known links.'));
    // The reader selects the passage and records the claim in the popup, the article still open.
    await page.evaluate(() => {
      const p = document.getElementById('key')!;
      const range = document.createRange();
      range.selectNodeContents(p);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    const popup = await openPopup(ext.context, ext.extensionId, await tabIdOf(await worker(), page));
    await popup.getByRole('button', { name: 'Record a claim from this page' }).click();
    await popup.locator('form.claim-form').waitFor();
    await chooseClaimLink(popup, ['Rhys', 'Rhysida'], ['Goot', 'GootLoader'], 'obtains-access-from');
    await popup.getByRole('button', { name: 'Save claim' }).click();
    await popup.locator('h1.entity-name', { hasText: 'Rhysida' }).waitFor();
    await popup.close();
    await page.bringToFront();
    await page.evaluate(() => document.getSelection()!.removeAllRanges());
    const after = await waitFor(() => hoverCard(page, 'Rhysida'), (names) => names.includes('GootLoader'), 8000, 'the new link on the card').catch((e: Error) => [e.message]);
    assert.ok(after.includes('GootLoader'), after.join(' | '));
    assert.ok(!after.includes('No known links.'));
  } finally {
    await page.close();
  }
});
