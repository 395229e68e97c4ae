/**
 * `npm run trace:page` — the content scripts' main-thread work on a page load, from Chromium traces (thread time,
 * which a machine shared with other work moves far less than wall time). Builds are compared interleaved: each
 * load of each page goes to every build in turn, each build in its own browser.
 *
 * Per load and as medians: time to `done` and the scan's phases (as bench:page), the thread time of the main-thread
 * tasks that ran an extension script, the evaluation of content-early.js and content.js, the two largest storage
 * replies (the prefilter's and, in the top frame, the dictionary's: converted on the main thread), and the thread time
 * of every main-thread task from document start on (the page's own work included).
 * Usage: npm run build && DISTS=dist,/tmp/other-dist LOADS=7 PAGES=plain-100k,names-100k,news-260k npm run trace:page
 * (frames-plain: a short page without names and four frames, two of them without text.)
 * (an odd LOADS: the median is the middle load)
 * (FRESH=1: each load on a new site, so in a renderer that has not run the content script before.)
 * (SAVE=prefix writes each trace as prefix-<build>-<page>-<time>.json, for chrome://tracing or Perfetto.)
 */
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession, type Page, type Worker } from 'playwright-core';
import { CHROME, CHROME_ARGS, ROOT, spotted, tabIdOf } from '../test/e2e/harness';
import { article, loadFeedsIntoExtension, newsPage } from './bench-page';
import { loadKnowledgeBase } from './lib/feeds';

const DISTS = (process.env.DISTS ?? 'dist').split(',').map((d) => path.resolve(ROOT, d));
const LOADS = Number(process.env.LOADS ?? 5);
const PAGES = (process.env.PAGES ?? 'plain-100k,names-100k,news-260k').split(',');
const SAVE = process.env.SAVE;
const FRESH = process.env.FRESH === '1';
const FEEDS = path.resolve(ROOT, process.env.FEEDS ?? '../shared/data');
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'toplevel', 'blink', 'disabled-by-default-v8.gc'];

declare const chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}
interface Figures {
  done: number;
  phases: Record<string, number>;
  ours: number;
  all: number;
  early: number;
  content: number;
  reply1: number;
  reply2: number;
}

/** A page without names holding frames such as ads and widgets put in one: two without text, two with a line. */
const framed = (text: string) =>
  `<!doctype html><meta charset="utf-8"><title>Frames</title><body>${text}${['frame-empty', 'frame-line', 'frame-empty', 'frame-line'].map((f) => `<iframe src="/${f}" width="300" height="120"></iframe>`).join('')}</body>`;
const pages: Record<string, string> = {
  'plain-100k': article(100_000, false, 11),
  'names-100k': article(100_000, true),
  'news-260k': newsPage(),
  'names-1m': article(1_000_000, true),
  'frames-plain': framed(article(5_000, false, 11).replace(/^[\s\S]*?<body[^>]*>|<\/body>[\s\S]*$/g, '')),
  'frame-empty': '<!doctype html><body style="margin:0"><div style="width:300px;height:120px;background:#ddd"></div></body>',
  'frame-line': '<!doctype html><body><p>Garden chairs, half price this week only.</p></body>',
};
const ms = (us: number | undefined) => (us ?? 0) / 1000;

/** What one trace says of the content scripts' main thread. */
function analyse(events: TraceEvent[]): Omit<Figures, 'done' | 'phases'> | undefined {
  const ours = (e: TraceEvent) => String(e.args?.data?.url ?? '').startsWith('chrome-extension://');
  const evaluation = (file: string) => events.find((e) => e.name === 'EvaluateScript' && ours(e) && String(e.args?.data?.url).endsWith(`/${file}`));
  const content = evaluation('content.js');
  const early = evaluation('content-early.js');
  if (!content) return undefined;
  const thread = events.filter((e) => e.pid === content.pid && e.tid === content.tid && e.ph === 'X');
  const from = (early ?? content).ts - 5000;
  const tasks = thread.filter((e) => e.name === 'RunTask' && e.ts >= from).sort((a, b) => a.ts - b.ts);
  const within = (t: TraceEvent, e: TraceEvent) => e.ts >= t.ts && e.ts <= t.ts + (t.dur ?? 0);
  // A slice of the scan resumed by scheduler.yield() runs as a continuation task whose events name no script (its
  // code runs as microtasks): counted as ours too, as the bench pages run no scripts of their own. Without them,
  // "our tasks" left out most of the scan (names-1m, three loads at load 10: 80–98 of 199–257 ms).
  const ourEvents = thread.filter((e) => e.name !== 'RunTask' && (ours(e) || e.name === 'RunYieldContinuation'));
  const ourTasks = tasks.filter((t) => ourEvents.some((e) => within(t, e)));
  const replies = thread.filter((e) => e.name === 'Receive mojo reply' && e.ts >= from).map((e) => ms(e.tdur)).sort((a, b) => b - a);
  return {
    ours: ourTasks.reduce((s, t) => s + ms(t.tdur), 0),
    all: tasks.reduce((s, t) => s + ms(t.tdur), 0),
    early: ms(early?.tdur),
    content: ms(content.tdur),
    reply1: replies[0] ?? 0,
    reply2: replies[1] ?? 0,
  };
}

async function traced(page: Page, run: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: CATEGORIES } } as never);
  await run();
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve((e as { stream: string }).stream)));
  await cdp.send('Tracing.end');
  const stream = await complete;
  let text = '';
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle: stream, size: 1 << 22 })) as { data: string; eof: boolean; base64Encoded?: boolean };
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  await cdp.detach();
  if (SAVE) writeFileSync(`${SAVE}-${Date.now()}.json`, text);
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

async function main(): Promise<void> {
  const server = createServer((req, res) => {
    const body = pages[new URL(req.url ?? '/', 'http://x').pathname.slice(1)];
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const { entities } = await loadKnowledgeBase({ feedDir: FEEDS });
  const browsers: { close: () => Promise<void>; worker: Worker; page: Page }[] = [];
  for (const dist of DISTS) {
    const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'actorlens-trace-')), {
      executablePath: CHROME,
      headless: true,
      viewport: { width: 1100, height: 900 },
      args: [...CHROME_ARGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`, ...(FRESH ? ['--host-resolver-rules=MAP *.test 127.0.0.1'] : [])],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await loadFeedsIntoExtension(worker, entities);
    const page = await context.newPage();
    await page.goto(`${base}/plain-100k`); // the background publishes the dictionary once
    await spotted(worker, page);
    browsers.push({ close: () => context.close(), worker, page });
  }
  const results = new Map<string, Figures[]>();
  try {
    for (let i = 0; i < LOADS; i++) {
      for (const name of PAGES) {
        for (const [b, { worker, page }] of browsers.entries()) {
          await page.goto('about:blank');
          await page.waitForTimeout(300);
          let done = NaN;
          let phases: Record<string, number> = {};
          const events = await traced(page, async () => {
            const site = FRESH ? base.replace('127.0.0.1', `l${i}-${name}-b${b}.test`) : base;
            await page.goto(`${site}/${name}`, { waitUntil: 'load' });
            done = (await spotted(worker, page)).scanMs;
            const tab = await tabIdOf(worker, page);
            phases = ((await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'actorlens:scanStats' }), tab)) ?? {}) as Record<string, number>;
            await page.waitForTimeout(200);
          });
          const a = analyse(events);
          if (!a) continue;
          const key = `${name}  ${DISTS[b]}`;
          const figures = { done, phases, ...a };
          results.set(key, [...(results.get(key) ?? []), figures]);
          console.log(`${key} #${i + 1}: ${line(figures)}`);
        }
      }
    }
  } finally {
    for (const b of browsers) await b.close();
    server.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1] ?? NaN;
  console.log(`\nmedians of ${LOADS} loads (ms; "thread" is main-thread CPU time)`);
  for (const [key, all] of results) {
    const pick = (f: (x: Figures) => number) => median(all.map(f));
    const phaseNames = Object.keys(all[0]?.phases ?? {}).filter((k) => typeof all[0]!.phases[k] === 'number');
    console.log(`${key}: ${line({ done: pick((x) => x.done), phases: Object.fromEntries(phaseNames.map((k) => [k, pick((x) => x.phases[k] ?? NaN)])), ours: pick((x) => x.ours), all: pick((x) => x.all), early: pick((x) => x.early), content: pick((x) => x.content), reply1: pick((x) => x.reply1), reply2: pick((x) => x.reply2) })}`);
  }
}

function line(f: Figures): string {
  const p = f.phases;
  const phase = (k: string) => (typeof p[k] === 'number' ? `${k} ${p[k].toFixed(1)}` : '');
  return [
    `done ${f.done.toFixed(1)}`,
    `thread: our tasks ${f.ours.toFixed(1)}, content-early.js ${f.early.toFixed(1)}, content.js ${f.content.toFixed(1)}, storage replies ${f.reply1.toFixed(1)} + ${f.reply2.toFixed(1)}, all tasks ${f.all.toFixed(1)}`,
    `phases: ${['settings', 'walk', 'wait', 'build', 'filter', 'match', 'paint', 'show'].map(phase).filter(Boolean).join(' ')}`,
  ].join(' | ');
}

await main();
