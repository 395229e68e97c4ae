/**
 * Real-browser test harness: serves fixture pages on 127.0.0.1 and starts Debian's Chromium with the built
 * extension (dist/) in a persistent profile. Playwright cannot reach the toolbar popup, so the popup is
 * opened as popup.html?tab=<id>, which the popup reads instead of the active tab.
 */
import { after, before } from 'node:test';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { SpottedReport } from '../../src/core/protocol';

/** The slice of the extension API the tests call inside the service worker. */
declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(id: number, m: unknown): Promise<unknown>;
    setZoom(id: number, zoom: number): Promise<void>;
  };
};

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The built extension; ACTORLENS_DIST points benchmarks at another build (A/B comparisons). */
export const DIST = process.env.ACTORLENS_DIST ? path.resolve(process.env.ACTORLENS_DIST) : path.join(ROOT, 'dist');
export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml', '.xhtml': 'application/xhtml+xml' };

/** Library files some fixtures load as ES modules, so they run real code without a build step. */
const VENDOR: Record<string, string> = {
  '/vendor/preact.mjs': 'node_modules/preact/dist/preact.mjs',
  '/vendor/hooks.mjs': 'node_modules/preact/hooks/dist/hooks.mjs',
};

/** Serves test/fixtures/pages at /, the demo article at /demo/ and a few library modules at /vendor/. */
export async function serveFixtures(): Promise<{ url: (p: string) => string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const vendored = VENDOR[pathname];
    const file = vendored
      ? path.join(ROOT, vendored)
      : pathname.startsWith('/demo/')
        ? path.join(ROOT, 'assets', pathname)
        : path.join(ROOT, 'test/fixtures/pages', pathname);
    if (!file.startsWith(ROOT) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    // A page's own response headers (a strict Content-Security-Policy) sit beside it in <file>.headers, one a line.
    const extra: Record<string, string> = {};
    if (existsSync(`${file}.headers`)) {
      for (const line of (await readFile(`${file}.headers`, 'utf8')).split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) extra[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
      }
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...extra });
    res.end(await readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: (p) => `http://127.0.0.1:${port}${p.startsWith('/') ? p : `/${p}`}`,
    close: () =>
      new Promise((resolve) => {
        // Keep-alive connections from a closed browser would hold the server open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
}

/** `bfcache`: keep the back/forward cache on (Playwright turns it off by default). */
export async function launchChromium(userDataDir = mkdtempSync(path.join(tmpdir(), 'actorlens-e2e-')), opts: { headless?: boolean; bfcache?: boolean } = {}): Promise<Launched> {
  if (!existsSync(path.join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME,
    headless: opts.headless ?? true,
    ...(opts.bfcache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
    viewport: { width: 1100, height: 900 },
    args: [...CHROME_ARGS, `--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  return { context, worker, extensionId: new URL(worker.url()).host, userDataDir };
}

/**
 * The page's tab id. Without the "tabs" permission the extension cannot read tab addresses, so the page is
 * brought to the front and the active tab of the focused window is taken.
 */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  if (id === undefined) throw new Error(`no tab for ${page.url()}`);
  return id;
}

export async function spotted(worker: Worker, page: Page, waitDone = true): Promise<SpottedReport> {
  const tabId = await tabIdOf(worker, page);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const report = await worker
      .evaluate(async (id) => chrome.tabs.sendMessage(id, { type: 'actorlens:spotted' }) as Promise<SpottedReport>, tabId)
      .catch(() => undefined);
    if (report && (report.done || !waitDone)) return report;
    if (Date.now() > deadline) throw new Error('content script never reported done');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Highlight registry seen from the page: name → texts of its ranges. */
export function highlightTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((h, name) => {
      out[name] = [...h].map((r) => ((x: AbstractRange) => { const l = new Range(); l.setStart(x.startContainer, x.startOffset); l.setEnd(x.endContainer, x.endOffset); return l; })(r).toString());
    });
    return out;
  });
}

export async function openPopup(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup/popup.html?tab=${tabId}`);
  return popup;
}

/**
 * The popup at a browser zoom level (Chrome: View → Zoom, per origin): the browser zooms the popup's page and makes
 * the popup window as large as the zoomed body, up to 800 × 600 px. The page is zoomed with chrome.tabs.setZoom and
 * its window sized so: at 200 % the popup is still 400 CSS px wide (its body), and 300 CSS px high; at 250 % it is
 * 800 device px, 320 CSS px wide, and the body reflows to that width.
 */
export async function zoomPopup(worker: Worker, popup: Page, zoom: number): Promise<void> {
  const id = await tabIdOf(worker, popup);
  await worker.evaluate(async ([tab, z]) => chrome.tabs.setZoom(tab, z), [id, zoom] as const);
  await popup.waitForFunction((z) => Math.abs(devicePixelRatio - z) < 0.01, zoom);
  // The browser sizes the popup by the body's own width: its max-width (the page's width, which makes it reflow in a
  // narrower window) does not count there.
  const body = await popup.evaluate(() => {
    const { maxWidth } = document.body.style;
    document.body.style.maxWidth = 'none';
    const width = document.body.getBoundingClientRect().width;
    document.body.style.maxWidth = maxWidth;
    return width;
  });
  await popup.setViewportSize({ width: Math.min(800, Math.round(body * zoom)), height: 600 });
  await popup.waitForFunction((w) => Math.abs(innerWidth - w) < 1, Math.min(800 / zoom, body));
}

/**
 * What a reader would see as broken in the popup as laid out now: a horizontal scroll bar, visible elements outside
 * the popup's width, text cut off by a box that hides its overflow (an ellipsis included), and visible text running
 * into other text. Text for screen readers only (.sr-only) and form fields (they scroll their own value) are left out.
 */
export function layoutProblems(popup: Page): Promise<string[]> {
  // No named helper functions inside: the test runner's transpiler would wrap them in a helper the page lacks.
  return popup.evaluate(() => {
    // At the top, where the sticky top bar covers nothing (scrolled, it lies over the text under it, as it should).
    window.scrollTo(0, 0);
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) problems.push(`scrolls sideways: ${document.documentElement.scrollWidth} px of content in ${width} px`);
    const visible: Element[] = [...document.body.querySelectorAll('*')].filter((el) => !el.closest('.sr-only, input, textarea, select, svg') && el.getClientRects().length > 0);
    for (const el of visible) {
      const box = el.getBoundingClientRect();
      const what = `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> "${(el.textContent ?? '').trim().slice(0, 50)}"`;
      if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) problems.push(`outside the popup (${box.left.toFixed(0)}–${box.right.toFixed(0)} px): ${what}`);
      if (getComputedStyle(el).overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? '').trim()) problems.push(`text cut off (${el.scrollWidth} px in ${el.clientWidth} px): ${what}`);
    }
    // Every line box of visible text, then any two from different text nodes that intersect.
    const shown = new Set(visible);
    const boxes: { node: Text; r: DOMRect }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (!node.data.trim() || !node.parentElement || !shown.has(node.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.width > 0.5 && r.height > 0.5) boxes.push({ node, r });
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (a.node === b.node) continue;
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (x > 1 && y > 2) problems.push(`text over text: "${a.node.data.trim().slice(0, 40)}" and "${b.node.data.trim().slice(0, 40)}"`);
      }
    return problems;
  });
}

/**
 * Ordinary words the layout split over two lines ("Highli / ght"): a box squeezed narrower than a word. Text with a
 * token over 20 characters (an address, an alias without spaces) is left out: it has to break somewhere.
 */
export function wordsSplitOverLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const split: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement;
      if (!parent || parent.closest('.sr-only, input, textarea, select, svg') || parent.getClientRects().length === 0) continue;
      if (node.data.split(/\s+/).some((token) => token.length > 20)) continue;
      for (const m of node.data.matchAll(/\p{L}{3,20}/gu)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) split.push(`"${m[0]}" in "${node.data.trim().slice(0, 40)}"`);
      }
    }
    return split;
  });
}

/**
 * In the popup's claim form: chooses the two entities by typing the start of each name and pressing Enter on the
 * suggestion (as a keyboard user does), then the relation.
 */
export async function chooseClaimLink(popup: Page, from: [typed: string, name: string], to: [typed: string, name: string], relation: string): Promise<void> {
  for (const [field, [typed, name]] of [['claim-from', from], ['claim-to', to]] as const) {
    await popup.locator(`#${field}`).fill(typed);
    await popup.locator(`#${field}-list [role=option]`, { hasText: name }).waitFor();
    await popup.keyboard.press('Enter');
  }
  await popup.selectOption('#claim-relation', relation);
}

export type Fixtures = Awaited<ReturnType<typeof serveFixtures>>;

/**
 * One fixture server and one Chromium with the extension for all the tests of a file: registers the before/after
 * hooks and returns the object they fill in (read its fields inside tests, not at module level).
 */
export function sharedBrowser(): { server: Fixtures; browser: Launched } {
  const env = {} as { server: Fixtures; browser: Launched };
  before(async () => {
    mkdirSync('out', { recursive: true });
    env.server = await serveFixtures();
    env.browser = await launchChromium();
  });
  after(async () => {
    await env.browser?.context.close();
    await env.server?.close();
  });
  return env;
}

/** Opens `path` in a new tab of the shared browser, waits for its scan, and opens the toolbar popup for that tab. */
export async function popupFor(env: { server: Fixtures; browser: Launched }, path: string): Promise<{ page: Page; popup: Page }> {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url(path));
  await spotted(env.browser.worker, page);
  const popup = await openPopup(env.browser.context, env.browser.extensionId, await tabIdOf(env.browser.worker, page));
  return { page, popup };
}
