/**
 * `npm run bench:page` — highlighting speed on generated article pages (100 KB, 1 MB, 5 MB of text, plus an
 * ordinary 100 KB article with no names) in Debian's Chromium with the full dictionary: the bundled dataset plus
 * the public feeds (scripts/lib/feeds.ts, ≈10,000 names), written into the extension's own IndexedDB from its
 * service worker (no test-only code in the extension).
 *
 * Also a news-like page (newsPage: ≈ 260 KB of text in ≈ 33,000 elements, most of them navigation and tables) and a
 * 5 MB plain-text document (plainText, served as text/plain: one text node).
 * For each page, medians of RUNS (default 5) fresh page loads of:
 *  - floor: a TreeWalker reading every text node, run as a page script (browser without the extension); the same
 *    walk from an isolated world (where content scripts run) is printed beside it for context;
 *  - mark.js: markRegExp with all names as one combined regular expression (browser without the extension);
 *  - ActorLens: `scanMs` from `actorlens:spotted` (content script start → first full scan applied), the longest
 *    main-thread task (PerformanceObserver "longtask", ≥ 50 ms only) and the longest rendering update (from
 *    "long-animation-frame" entries: style, layout and paint after a task, which no "longtask" entry counts and where
 *    highlights cost the browser; ≥ 50 ms only); "page alone" is the same page's longest task / rendering without the
 *    extension, as a huge page lays itself out in long tasks of its own; "load after DCL" how long after
 *    DOMContentLoaded the page's load event came, without / with the extension; and the per-phase split from
 *    `actorlens:scanStats` (settings, walk, wait for the stored prefilter and dictionary, matcher build, prefilter, match, paint,
 *    show: the styles, the frame between them and the highlights, and registering the highlights once all is read;
 *    and the time between slices while the page had the main thread);
 *  - from navigation start: when the content script started and when it was done (its start plus `scanMs`), beside
 *    the page's own first contentful paint and load event end without the extension (and its load event end with it).
 *    A script that starts before the page's first frame counts that frame in `scanMs`; from navigation start, loads
 *    whose script started early and late are compared alike.
 * Usage: npm run build && npm run bench:page   (env RUNS=3, SIZES=100k,1m,5m, PAGES=names-1m,news, FEEDS=../shared/data,
 * VERBOSE=1 for each run's phases)
 */
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page, type Worker } from 'playwright-core';
import { CHROME, CHROME_ARGS, ROOT, launchChromium, spotted, tabIdOf } from '../test/e2e/harness';
import { loadKnowledgeBase } from './lib/feeds';
import { htmlToText } from './lib/html-to-text';
import { toRow } from '../src/core/db/repository';
import { allNames, type Entity } from '../src/core/model/entity';
import type { ScanStats } from '../src/core/protocol';
import { rng } from './lib/rng';

const RUNS = Number(process.env.RUNS ?? 5);
const SIZES = (process.env.SIZES ?? '100k,1m,5m').split(',');
/** VERBOSE=1: each run's time to done split into its phases, and what no phase accounts for. */
const VERBOSE = Boolean(process.env.VERBOSE);
const FEEDS = path.resolve(ROOT, process.env.FEEDS ?? '../shared/data');
const MARK_JS = path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js');

declare const chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };

// ------------------------------------------------------------------ page generator (original filler prose)


const SUBJECTS = ['the harbour office', 'a tired archivist', 'the night ferry', 'our neighbour', 'the village choir', 'a patient gardener', 'the old lighthouse', 'the market crowd', 'a travelling potter', 'the river pilot', 'the school librarian', 'a retired surveyor'];
const VERBS = ['noticed', 'described', 'carried', 'repaired', 'measured', 'painted', 'remembered', 'ordered', 'followed', 'collected', 'mended', 'counted'];
const OBJECTS = ['the copper kettles', 'a crate of winter apples', 'the faded shipping maps', 'three brass lanterns', 'the tide tables', 'a stack of letters', 'the broken weather vane', 'the orchard ledger', 'a basket of river stones', 'the festival posters'];
const TAILS = ['before the rain arrived', 'while the bells rang out', 'after a long quiet morning', 'as the fog lifted from the quay', 'without saying a word', 'during the slow afternoon', 'because nobody else would', 'just after the lamps were lit'];
const SECURITY = ['The intrusion began with a phishing mail, and the malware reached the file servers within hours.', 'Responders found a backdoor and a loader on the same hosts, along with stolen credentials.', 'The ransomware affiliates used the access to exfiltrate data before the extortion note appeared.'];
const NAMES = ['Lazarus Group', 'TrickBot', 'APT29', 'Emotet', 'Cobalt Strike', 'Sandworm Team', 'FIN7', 'Conti', 'QakBot', 'Turla', 'Wizard Spider', 'Dridex', 'LockBit', 'Kimsuky', 'Mimikatz', 'APT28'];

/** A sentence; like real articles, some carry inline markup (links, emphasis). */
function sentence(r: () => number, markup = true): string {
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  let object = pick(OBJECTS);
  const roll = markup ? r() : 1;
  if (roll < 0.3) object = `<a href="#s${Math.floor(r() * 1000)}">${object}</a>`;
  else if (roll < 0.45) object = `<em>${object}</em>`;
  const subject = pick(SUBJECTS);
  return `${subject[0]!.toUpperCase()}${subject.slice(1)} ${pick(VERBS)} ${object} ${pick(TAILS)}.`;
}

/** An article of about `chars` characters of text; names (and security wording) only when `names`. */
export function article(chars: number, names: boolean, seed = 7): string {
  const r = rng(seed);
  const parts: string[] = [];
  let size = 0;
  let para = 0;
  while (size < chars) {
    if (para % 12 === 0) {
      const h = `Section ${para / 12 + 1}: ${sentence(r, false).slice(0, 40)}`;
      parts.push(`<h2>${h}</h2>`);
      size += h.length;
    }
    const sentences: string[] = [];
    for (let i = 0; i < 6; i++) sentences.push(sentence(r));
    if (names) {
      sentences.push(SECURITY[para % SECURITY.length]!);
      const n = NAMES[Math.floor(r() * NAMES.length)]!;
      sentences.splice(2, 0, para % 5 === 0 ? `Analysts tied it to <b>${n}</b>.` : `Analysts tied it to ${n}.`);
    }
    const p = sentences.join(' ');
    parts.push(`<p>${p}</p>`);
    size += p.replace(/<[^>]+>/g, '').length;
    para++;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated article</title><style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:20px auto}</style></head><body><article><h1>${names ? 'Incident review' : 'A year on the harbour'}</h1>${parts.join('\n')}</article></body></html>`;
}

/**
 * A plain-text document (a .txt report or advisory): the article's text, wrapped by hand at 76 columns as such
 * files are. The browser shows it in one <pre>, one text node: the scan reads it in pieces (extract.ts).
 */
export function plainText(chars: number): string {
  return htmlToText(article(chars, true))
    .split('\n')
    .map((paragraph) => paragraph.replace(/(.{1,76})(\s|$)/g, '$1\n'))
    .join('\n');
}

/**
 * A news site's page rather than a bare article: most of its nodes are elements (navigation lists of links, a
 * table of figures, a sidebar of teasers), around a ≈ 50,000-character article with names. About 260 KB of text
 * in ≈ 33,000 elements, where the articles above have a few elements per paragraph.
 */
export function newsPage(seed = 5): string {
  const r = rng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const items: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const teaser = pick(OBJECTS);
    items.push(`<li class="teaser"><a href="/story/${i}"><img src="data:," alt=""><em>${teaser[0]!.toUpperCase()}${teaser.slice(1)}</em></a> <small>by <b>${pick(SUBJECTS)}</b></small> <time>${2000 + (i % 26)}</time></li>`);
  }
  const rows: string[] = [];
  for (let i = 0; i < 2000; i++) rows.push(`<tr><td>${i}</td><td><a href="#r${i}">${pick(VERBS)}</a></td><td><i>${pick(TAILS)}</i></td></tr>`);
  const body = article(50_000, true, seed).replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated news page</title></head><body><nav><ul>${items.slice(0, 1500).join('')}</ul></nav>${body}<aside><ul>${items.slice(1500).join('')}</ul><table>${rows.join('')}</table></aside></body></html>`;
}

// ------------------------------------------------------------------ measurements

/** The median of the finite values (a milestone a load did not reach is left out). */
const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};

const FLOOR_WALK = `(() => {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n = 0;
  while (walker.nextNode()) n += walker.currentNode.data.length;
  const ms = performance.now() - t0;
  if (n < 0) throw new Error('unreachable');
  return ms;
})()`;

async function floorOnce(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(FLOOR_WALK) as Promise<number>;
}

/**
 * The same walk from an isolated world, where every content script runs: each node it touches needs a wrapper of
 * that world, looked up in a per-world map rather than stored on the node. Context for the floor, not the ratio.
 */
async function isolatedFloorOnce(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'floor' })) as { executionContextId: number };
    const { result } = (await cdp.send('Runtime.evaluate', { expression: FLOOR_WALK, contextId: executionContextId, returnByValue: true })) as { result: { value: number } };
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** The longest task and the longest rendering update (≥ 50 ms) seen after DOMContentLoaded, 0 when none. */
function longestSeen(page: Page): Promise<{ task: number; render: number }> {
  // A string, not a function: tsx's name-keeping helper does not exist in the page.
  return page.evaluate(`(() => {
    const over = (all) => Math.max(0, ...(all || []).filter((ms) => ms >= 50));
    return { task: over(window.__longtasks), render: over(window.__renders) };
  })()`) as Promise<{ task: number; render: number }>;
}

/**
 * How long after DOMContentLoaded the page's load event started (ms): the page's own scripts that wait for it wait
 * that long. Chromium holds the load event until a document_idle content script has run; a scan that kept the main
 * thread (scheduler.yield continuations run before the page's queued tasks) held it to the scan's end.
 */
/**
 * The page's own milestones from navigation start (ms): its first contentful paint and the end of its load event.
 * With ActorLens, `done` from navigation start (the script's start plus its time to done) compares with these.
 */
function fromNavigation(page: Page): Promise<Milestones> {
  return page.evaluate(`(() => {
    const n = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { fcp: fcp ? fcp.startTime : NaN, dcl: n ? n.domContentLoadedEventEnd : NaN, load: n ? n.loadEventEnd : NaN, now: performance.now() };
  })()`) as Promise<Milestones>;
}

/** ms from navigation start; `now` when they were read. */
interface Milestones {
  fcp: number;
  dcl: number;
  load: number;
  now: number;
}

function loadAfterDcl(page: Page): Promise<number> {
  return page.evaluate(`(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return n ? n.loadEventStart - n.domContentLoadedEventEnd : NaN;
  })()`) as Promise<number>;
}

/** The page's own longest task and rendering after DOMContentLoaded, in a browser without the extension, over `ms` after load. */
async function pageAloneOnce(page: Page, url: string, ms: number): Promise<{ task: number; render: number; load: number; nav: Milestones }> {
  await settle(page);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(ms);
  return { ...(await longestSeen(page)), load: await loadAfterDcl(page), nav: await fromNavigation(page) };
}

async function markOnce(page: Page, url: string, source: string): Promise<{ ms: number; marks: number }> {
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ path: MARK_JS });
  // A string, not a function: tsx's name-keeping helper does not exist in the page.
  return page.evaluate(`new Promise((resolve) => {
    const re = new RegExp(${JSON.stringify(source)}, 'g');
    const t0 = performance.now();
    let marks = 0;
    new Mark(document.body).markRegExp(re, { each() { marks++; }, done() { resolve({ ms: performance.now() - t0, marks }); } });
  })`) as Promise<{ ms: number; marks: number }>;
}

/**
 * Leaves the previous page before loading the next: tearing down a 5 MB document takes its renderer 50–65 ms (a
 * trace shows Frame::Detach), which otherwise lands in the next page's long tasks.
 */
async function settle(page: Page): Promise<void> {
  await page.goto('about:blank');
  await page.waitForTimeout(150);
}

async function actorLensOnce(
  worker: Worker,
  page: Page,
  url: string,
): Promise<{ scanMs: number; longest: number; longestRender: number; stats: ScanStats | null; matches: number; load: number; nav: Milestones }> {
  await settle(page);
  await page.goto(url, { waitUntil: 'load' });
  const report = await spotted(worker, page);
  const tabId = await tabIdOf(worker, page);
  const stats = (await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'actorlens:scanStats' }), tabId)) as ScanStats | null;
  await page.waitForTimeout(100);
  const seen = await longestSeen(page);
  return {
    scanMs: report.scanMs,
    longest: seen.task,
    longestRender: seen.render,
    stats,
    matches: report.matches.reduce((a, m) => a + m.count, 0),
    load: await loadAfterDcl(page),
    nav: await fromNavigation(page),
  };
}

/** Writes the feed entities into the extension's IndexedDB from its service worker and bumps the data version. */
export async function loadFeedsIntoExtension(worker: Worker, entities: Entity[]): Promise<number> {
  const rows = entities.map((e) => toRow(e));
  // Wait for the bundled seed (the background seeds on install).
  await worker.evaluate(async () => {
    for (let i = 0; i < 100; i++) {
      const seeded = await new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('actorlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('meta')) {
            db.close();
            resolve(false);
            return;
          }
          const get = db.transaction('meta').objectStore('meta').get('bundledVersion');
          get.onsuccess = () => {
            db.close();
            resolve(get.result !== undefined);
          };
          get.onerror = () => resolve(false);
        };
      });
      if (seeded) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the extension never seeded its database');
  });
  const written = await worker.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('actorlens');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const n = await new Promise<number>((resolve, reject) => {
      const tx = db.transaction(['entities', 'meta'], 'readwrite');
      const store = tx.objectStore('entities');
      let added = 0;
      for (const row of list as { id: string }[]) {
        // Bundled entities come back merged with what the feeds say of them (as after an import in the options page).
        const req = store.put(row);
        req.onsuccess = () => added++;
      }
      const meta = tx.objectStore('meta');
      const get = meta.get('dataVersion');
      get.onsuccess = () => meta.put({ key: 'dataVersion', value: ((get.result?.value as number) ?? 0) + 1 });
      tx.oncomplete = () => resolve(added);
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    // The published dictionary is now stale: without it, the next content script has the background publish anew.
    await (globalThis as unknown as { chrome: { storage: { local: { remove(k: string[]): Promise<void> } } } }).chrome.storage.local.remove(['dictionary', 'prefilter']);
    return n;
  }, rows);
  return written;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Medians of the page's DOMContentLoaded end, first contentful paint and load event end, from navigation start. */
function milestones(all: Milestones[]): string {
  return (['dcl', 'fcp', 'load'] as const).map((k) => median(all.map((m) => m[k])).toFixed(0)).join(' / ');
}

async function main(): Promise<void> {
  // The feeds as the options page imports them: parsed and merged into the bundled dataset by the extension's code.
  const kb = await loadKnowledgeBase({ feedDir: FEEDS });
  if (kb.missing.length) console.warn(`feeds missing: ${kb.missing.join(', ')}`);
  const entities = kb.entities;
  const names = [...new Set(entities.flatMap((e) => allNames(e).map((a) => a.name)).filter((n) => n.length >= 3))].sort((a, b) => b.length - a.length);
  const markSource = `\\b(?:${names.map(escapeRe).join('|')})\\b`;

  const pages = new Map<string, string>();
  const sizes: Record<string, number> = { '100k': 100_000, '1m': 1_000_000, '5m': 5_000_000 };
  for (const s of SIZES) pages.set(`/names-${s}.html`, article(sizes[s] ?? Number(s), true));
  pages.set('/plain-100k.html', article(100_000, false, 11));
  pages.set('/news-260k.html', newsPage());
  pages.set('/text-5m.txt', plainText(5_000_000));
  // PAGES=names-1m,news-260k: only those pages.
  const only = process.env.PAGES?.split(',');
  const measured = [...pages.keys()].filter((p) => !only || only.some((o) => p.slice(1).startsWith(o)));
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const body = pages.get(pathname);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': pathname.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  const ext = await launchChromium();
  const plain = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'actorlens-bench-plain-')), { executablePath: CHROME, headless: true, args: CHROME_ARGS });
  try {
    const added = await loadFeedsIntoExtension(ext.worker, entities);
    const total = names.length;
    console.log(`dictionary: ${added} entities written, bundled merged with the imported feeds (${total} distinct names ≥ 3 chars); runs per cell: ${RUNS}`);
    const page = await ext.context.newPage();
    // Long tasks after DOMContentLoaded (the content script runs at document_idle; the page's own parsing before is
    // not ours). A huge page lays itself out in long tasks of its own: the same is measured without the extension.
    // Rendering updates too, from long animation frames: the rendering the highlights cause (style, layout,
    // pre-paint) is in no "longtask" entry (a 405 ms pre-paint after the scan of a plain-text document showed in a
    // trace, not there). A frame's own duration is not used: it also spans the scan's slices that ran before it.
    const longTasks = `window.__longtasks = []; window.__renders = [];
      function afterLoad(e) { const nav = performance.getEntriesByType('navigation')[0]; return nav && nav.domContentLoadedEventEnd > 0 && e.startTime >= nav.domContentLoadedEventEnd; }
      try { new PerformanceObserver(function (list) { for (const e of list.getEntries()) if (afterLoad(e)) window.__longtasks.push(e.duration); }).observe({ type: 'longtask', buffered: true }); } catch (e) {}
      try { new PerformanceObserver(function (list) { for (const e of list.getEntries()) if (afterLoad(e) && e.renderStart > 0) window.__renders.push(e.startTime + e.duration - e.renderStart); }).observe({ type: 'long-animation-frame', buffered: true }); } catch (e) {}`;
    await page.addInitScript(longTasks);
    // Warm-up: the background compiles and publishes the dictionary once per data version.
    const warm = await actorLensOnce(ext.worker, page, `${base}/plain-100k.html`);
    console.log(`warm-up (background compiles and publishes the dictionary): ${warm.scanMs.toFixed(0)} ms`);
    const plainPage = await plain.newPage();
    const alonePage = await plain.newPage();
    await alonePage.addInitScript(longTasks);

    const rows: string[][] = [['page', 'floor ms', 'isolated floor', 'mark.js ms', 'ActorLens ms', 'AL/floor', 'mark/floor', 'longest task', 'longest render', 'page alone', 'load after DCL', 'script start', 'done from nav', 'DCL / FCP / load alone', 'with AL', 'settings', 'walk', 'wait', 'build', 'filter', 'match', 'paint', 'show', 'slices', 'between', 'longest wait', 'ranges', 'marks']];
    for (const p of measured) {
      const url = `${base}${p}`;
      const floor: number[] = [];
      const isolated: number[] = [];
      const mark: number[] = [];
      const al: Awaited<ReturnType<typeof actorLensOnce>>[] = [];
      const alone: Awaited<ReturnType<typeof pageAloneOnce>>[] = [];
      let marks = 0;
      for (let i = 0; i < RUNS; i++) {
        floor.push(await floorOnce(plainPage, url));
        isolated.push(await isolatedFloorOnce(plainPage, url));
        // mark.js splits one text node per match: on the plain-text document (one node) it took 31 s per load.
        if (!p.endsWith('.txt')) {
          const m = await markOnce(plainPage, url, markSource);
          mark.push(m.ms);
          marks = m.marks;
        }
        const run = await actorLensOnce(ext.worker, page, url);
        al.push(run);
        if (VERBOSE && run.stats) {
          const { settings, start, walk, wait, build, filter, match, paint, show, yielded } = run.stats;
          // The walk begins at script start and goes on while the settings are on their way: the settings' wait
          // overlaps the walk and its yields, so it is shown beside the sum, not in it.
          const phases = { start, walk, wait, build, filter, match, paint, show, between: yielded };
          const sum = Object.values(phases).reduce((x, y) => x + y, 0);
          console.log(
            `  ${p} run ${i + 1}: ${run.scanMs.toFixed(1)} ms = ${Object.entries(phases)
              .map(([k, v]) => `${k} ${v.toFixed(1)}`)
              .join(' + ')} + unaccounted ${(run.scanMs - sum).toFixed(1)} (settings arrived at ${settings.toFixed(1)}; script started ${run.stats.scriptStart.toFixed(1)} ms after navigation start, done at ${(run.stats.scriptStart + run.scanMs).toFixed(1)}; the page's DOMContentLoaded ended at ${run.nav.dcl.toFixed(1)}, its first contentful paint at ${run.nav.fcp.toFixed(1)}, its load event at ${run.nav.load.toFixed(1)}, the report read at ${run.nav.now.toFixed(1)})`,
          );
        }
        alone.push(await pageAloneOnce(alonePage, url, run.scanMs + 100));
      }
      const st = (k: Exclude<keyof ScanStats, 'early'>) => median(al.map((a) => a.stats?.[k] ?? NaN));
      const f = median(floor);
      const a = median(al.map((x) => x.scanMs));
      const mk = median(mark);
      const longest = Math.max(...al.map((x) => x.longest));
      const longestRender = Math.max(...al.map((x) => x.longestRender));
      const over = (ms: number) => (ms ? `${ms.toFixed(0)} ms` : '< 50 ms');
      rows.push([
        p.slice(1).replace(/\.\w+$/, ''),
        f.toFixed(1),
        median(isolated).toFixed(1),
        mark.length ? mk.toFixed(0) : 'not run',
        a.toFixed(1),
        `${(a / f).toFixed(1)}×`,
        mark.length ? `${(mk / f).toFixed(1)}×` : '—',
        over(longest),
        over(longestRender),
        `${over(Math.max(...alone.map((x) => x.task)))} / ${over(Math.max(...alone.map((x) => x.render)))}`,
        `${median(alone.map((x) => x.load)).toFixed(0)} / ${median(al.map((x) => x.load)).toFixed(0)}`,
        st('scriptStart').toFixed(1),
        median(al.map((x) => (x.stats ? x.stats.scriptStart + x.scanMs : NaN))).toFixed(1),
        milestones(alone.map((x) => x.nav)),
        milestones(al.map((x) => x.nav)),
        st('settings').toFixed(1),
        st('walk').toFixed(1),
        st('wait').toFixed(1),
        st('build').toFixed(1),
        st('filter').toFixed(1),
        st('match').toFixed(1),
        st('paint').toFixed(1),
        st('show').toFixed(1),
        String(st('slices')),
        st('yielded').toFixed(1),
        st('longestYield').toFixed(1),
        String(al[0]?.stats?.ranges ?? 0),
        mark.length ? String(marks) : '—',
      ]);
      console.log(rows[rows.length - 1]!.join('  '));
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    console.log('\n' + rows.map((r) => r.map((c, i) => c.padStart(widths[i]!)).join('  ')).join('\n'));
    console.log('\nActorLens ms = scanMs (content script start → first full scan applied, settings and dictionary included). Phase columns are medians (ms); "settings" is time from script start until settings arrived; "between" is the time the page and browser had the main thread between the scan\'s slices (rendering, other tasks, garbage collection), counted in the time to done but in no phase, and "longest wait" the longest such gap. "longest task" and "longest render" are the longest main-thread task and rendering update (style, layout, paint) after DOMContentLoaded over the runs, each shown from 50 ms; "page alone" is the same without the extension. "load after DCL" is when the page\'s load event started after DOMContentLoaded, without / with ActorLens (medians, ms): what the page\'s own scripts waiting for it wait. "script start" is when the content script started, in ms from navigation start, and "done from nav" when the scan was done (script start + ActorLens ms): a script that starts before the page\'s first frame counts that frame in ActorLens ms, not in this. "DCL / FCP / load alone" is when the page\'s DOMContentLoaded ended, its first contentful paint and when its load event ended, from navigation start, without the extension; "with AL" the same with it (medians, ms).');

    // A reader usually opens an article long after the last one: Chrome has stopped the idle service worker by then.
    // Loading a page must not depend on waking it (the page's first scan reads only storage).
    const asleepPage = pages.has('/names-1m.html') ? '/names-1m.html' : [...pages.keys()][0]!;
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const asleep: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.waitForTimeout(300);
      await page.goto(`${base}${asleepPage}`, { waitUntil: 'load' });
      // The content script's report after its scan wakes the worker again; ask through the new one.
      const worker = ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
      asleep.push((await spotted(worker, page)).scanMs);
    }
    console.log(`\n${asleepPage.slice(1, -5)} with the service worker stopped before each load: ActorLens ${median(asleep).toFixed(1)} ms (median of ${RUNS}; ${asleep.map((x) => x.toFixed(0)).join(', ')})`);
  } finally {
    await plain.close();
    await ext.context.close();
    server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
