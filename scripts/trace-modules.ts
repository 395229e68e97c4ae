/**
 * `npm run trace:modules` — how long each module of `content.js` takes to evaluate in a renderer that has never run
 * it (a new site's first page: nothing compiled yet). Each build's unminified `content.js` gets a clock reading before
 * every module (the bundler marks each with a `// src/...` comment) and is loaded as a page script, on a new site per
 * load so that every load gets a fresh renderer, served uncacheable so that no code cache helps. Builds interleaved,
 * one browser for all of them. Figures are wall time (performance.now) of the main thread: medians hide the loads a
 * busy machine interrupted.
 * Usage: ACTORLENS_NO_MINIFY=1 npm run build && cp -a dist /tmp/a  (one directory per build)
 *        DISTS=/tmp/a,/tmp/b LOADS=9 npm run trace:modules
 * With STATEMENTS=1 every top-level statement is timed on its own (labelled by its line in content.js).
 * The page script runs in the page's world with a stand-in `chrome.runtime` (the polyfill wants one); what the
 * entry module (src/content/index.ts) then does fails harmlessly and is not counted.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME, CHROME_ARGS, ROOT } from '../test/e2e/harness';

const DISTS = (process.env.DISTS ?? 'dist').split(',').map((d) => path.resolve(ROOT, d));
const LOADS = Number(process.env.LOADS ?? 9);
const ENTRY = 'src/content/index.ts';
/** STATEMENTS=1: a reading before every top-level statement too (which table of a module costs). */
const STATEMENTS = process.env.STATEMENTS === '1';

/** content.js with a clock reading before each module and one where the entry module begins. */
function instrument(source: string): string {
  let file = '';
  const marked = source
    .split('\n')
    .map((line, n) => {
      const module = /^\t\/\/ ((?:src|node_modules)\/\S+)$/.exec(line)?.[1];
      if (module) file = module;
      const label = module ?? (STATEMENTS && file !== ENTRY && /^\t(?:var|let|const|for) /.test(line) ? `${file}:${n + 1} ${line.trim().slice(0, 60)}` : undefined);
      return label ? `\t__alTimes.push([${JSON.stringify(label)}, performance.now()]);\n${line}` : line;
    })
    .join('\n');
  if (!marked.includes(`__alTimes.push(["${ENTRY}"`)) throw new Error('no module markers: build with ACTORLENS_NO_MINIFY=1');
  const stub = 'globalThis.chrome = { runtime: { id: "stand-in" } };';
  return `var __alTimes = [["(start)", performance.now()]]; globalThis.__alTimes = __alTimes; ${stub}\ntry {\n${marked}\n} catch {}\n`;
}

const scripts = DISTS.map((d) => instrument(readFileSync(path.join(d, 'content.js'), 'utf8')));

async function main(): Promise<void> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const build = Number(url.searchParams.get('b'));
    if (url.pathname === '/content.js') return void res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(scripts[build]);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(`<!doctype html><title>t</title><p>Plain text.</p><script src="/content.js?b=${build}&n=${url.searchParams.get('n')}"></script>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: [...CHROME_ARGS, '--host-resolver-rules=MAP *.test 127.0.0.1'] });
  const results: Map<string, number[]>[] = DISTS.map(() => new Map());
  try {
    for (let i = 0; i < LOADS; i++) {
      for (let b = 0; b < DISTS.length; b++) {
        const page = await browser.newPage();
        await page.goto(`http://l${i}b${b}-${Date.now()}.test:${port}/?b=${b}&n=${Date.now()}`, { waitUntil: 'load' });
        const times = (await page.evaluate(() => (globalThis as unknown as { __alTimes: [string, number][] }).__alTimes)) ?? [];
        await page.close();
        const entry = times.findIndex(([f]) => f === ENTRY);
        for (let k = 0; k + 1 < times.length && k < entry; k++) {
          const [file, at] = times[k]!;
          const ms = times[k + 1]![1] - at;
          results[b]!.set(file, [...(results[b]!.get(file) ?? []), ms]);
        }
        const total = entry > 0 ? times[entry]![1] - times[0]![1] : NaN;
        results[b]!.set('(all modules before the entry)', [...(results[b]!.get('(all modules before the entry)') ?? []), total]);
        console.log(`#${i + 1} ${DISTS[b]}: modules before the entry ${total.toFixed(2)} ms`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1] ?? NaN;
  const files = [...results[0]!.keys()].sort((a, b) => median(results[0]!.get(b)!) - median(results[0]!.get(a)!));
  console.log(`\nmedians of ${LOADS} fresh renderers (ms; wall time of module evaluation)`);
  console.log(['module', ...DISTS].join(' | '));
  for (const file of files) {
    const row = results.map((r) => median(r.get(file) ?? []));
    if (row.every((x) => !(x >= 0.1))) continue;
    console.log([file, ...row.map((x) => x.toFixed(2))].join(' | '));
  }
}

await main();
