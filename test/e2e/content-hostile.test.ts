/**
 * Pages built to be hard on a content script (audit Y): trees thousands deep, one block of tens of thousands of
 * elements, thousands of names each in an element of its own, pages that rewrite, append, clear our highlights or
 * swap their body without pause. On each: the scan ends and reports what the reader sees, the page's own script keeps
 * working, nothing is thrown. The pages are generated here and served by a server of this file's own.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { Frame, Page } from 'playwright-core';
import { sharedBrowser, spotted } from './harness';
import { waitFor } from './content-pages';

const env = sharedBrowser();

const PAGES = new Map<string, string>();
let server: Server | undefined;
let base = '';

before(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = PAGES.get(path);
    // No favicon: the browser's 404 for it would read as a console error.
    if (body === undefined) return void res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
after(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const SECURITY = 'The intrusion began with a phishing mail, and the malware reached the file servers within hours.';
const page = (body: string): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title></head><body><p id="intro">${SECURITY}</p>${body}</body></html>`;

const counts = (matches: { text: string; count: number }[]) => {
  const out: Record<string, number> = {};
  for (const m of matches) out[m.text] = (out[m.text] ?? 0) + m.count;
  return out;
};

/** Texts of the registered highlight ranges, read from the page. */
function painted(p: Page): Promise<string[]> {
  return p.evaluate(`(() => {
    const texts = [];
    CSS.highlights.forEach((h) => h.forEach((r) => { const l = document.createRange(); l.setStart(r.startContainer, r.startOffset); l.setEnd(r.endContainer, r.endOffset); texts.push(l.toString()); }));
    return texts;
  })()`) as Promise<string[]>;
}

/** Opens a generated page, collecting page errors; `fn` gets the page after its scan is done. */
async function withPage(path: string, html: string, fn: (p: Page) => Promise<void>): Promise<void> {
  PAGES.set(path, html);
  const p = await env.browser.context.newPage();
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  try {
    await p.goto(`${base}${path}`);
    await fn(p);
    assert.deepEqual(errors, [], 'no error on the page or in its console');
  } finally {
    await p.close();
  }
}

test('a hidden tree 30,000 deep: the scan ends, its names are counted, the visible one painted, the page works', async () => {
  // Every 500 levels a line with two names; the tree is display:none, as a page keeps a template or a menu.
  const html = page(`<p id="seen">Analysts tied it to Lazarus Group.</p><div id="root" style="display:none"></div><button id="b">0</button><script>
    let at = document.getElementById('root');
    for (let i = 0; i < 30000; i++) { const d = document.createElement(i % 2 ? 'span' : 'div'); if (i % 500 === 0) d.append('level ' + i + ' TrickBot and Emotet. '); at.append(d); at = d; }
    at.append('At the bottom, Wizard Spider.');
    document.getElementById('b').onclick = (e) => { e.target.textContent = String(Number(e.target.textContent) + 1); };
  </script>`);
  await withPage('/deep-hidden.html', html, async (p) => {
    const report = await spotted(env.browser.worker, p);
    assert.deepEqual(counts(report.matches), { 'Lazarus Group': 1, TrickBot: 60, Emotet: 60, 'Wizard Spider': 1 });
    await waitFor(() => painted(p), (t) => t.includes('Lazarus Group'), 5000, 'the visible name painted');
    await p.click('#b');
    assert.equal(await p.textContent('#b'), '1', "the page's button still works");
  });
});

const NAMES = ['TrickBot', 'Emotet', 'Lazarus Group', 'Wizard Spider'];
const WORDS = ['the', 'harbour', 'office', 'noticed', 'a', 'crate', 'of', 'winter', 'apples', 'before', 'rain'];

test('one block of 60,000 one-word <span>s, no sentence in it: read in pieces, every name counted and the first ones painted', async () => {
  // The block is cut between its elements (extract.ts CUT_NODES), never inside a name held by one element.
  const spans = Array.from({ length: 60_000 }, (_, i) => `<span>${i % 50 === 0 ? NAMES[(i / 50) % 4] : WORDS[i % WORDS.length]}</span>`);
  await withPage('/spans.html', page(`<div id="d">${spans.join(' ')}</div>`), async (p) => {
    const report = await spotted(env.browser.worker, p);
    assert.deepEqual(counts(report.matches), { TrickBot: 300, Emotet: 300, 'Lazarus Group': 300, 'Wizard Spider': 300 });
    await waitFor(() => painted(p), (t) => ['TrickBot', 'Emotet', 'Lazarus Group'].every((n) => t.includes(n)), 5000, 'names in view painted');
  });
});

test('20,000 names each in a chip of its own, glued with no space between: every one counted, those in view painted', async () => {
  // Chips laid out apart (inline-block) are separate words though glued in the source; 20,000 matches are painted in
  // batches between which the scan may yield (scanner.ts PAINT_BATCH).
  const chips = Array.from({ length: 20_000 }, (_, i) => `<span class="c">${NAMES[i % 4]}</span>`).join('');
  const html = page(`<style>.c { display: inline-block; margin: 2px; padding: 0 4px; border: 1px solid #999 }</style><div id="chips">${chips}</div>`);
  await withPage('/chips.html', html, async (p) => {
    const report = await spotted(env.browser.worker, p);
    assert.deepEqual(counts(report.matches), { TrickBot: 5000, Emotet: 5000, 'Lazarus Group': 5000, 'Wizard Spider': 5000 });
    const inView = await waitFor(() => painted(p), (t) => t.length > 0, 5000, 'chips painted');
    assert.ok(inView.every((t) => NAMES.includes(t)), `painted exactly the names: ${inView.slice(0, 5).join(', ')}`);
  });
});

test('40 same-origin frames naming actors share one matcher: every frame painted, also one added after the first ones are removed', async () => {
  PAGES.set('/frame.html', page('<p>In this frame, TrickBot dropped Emotet.</p>'));
  const frames = Array.from({ length: 40 }, (_, i) => `<iframe src="/frame.html?${i}" width="180" height="60"></iframe>`).join('');
  const html = page(`<p>Analysts tied it to Lazarus Group.</p><div id="frames">${frames}</div>`);
  const framePainted = (f: Frame) => f.evaluate(`(() => { let n = 0; CSS.highlights.forEach((h) => { n += h.size; }); return n; })()`) as Promise<number>;
  await withPage('/frames.html', html, async (p) => {
    await spotted(env.browser.worker, p);
    const children = () => p.frames().filter((f) => f !== p.mainFrame());
    await waitFor(async () => (await Promise.all(children().map(framePainted))).filter((n) => n === 2).length, (n) => n === 40, 15_000, 'both names painted in every frame');
    await waitFor(async () => counts((await spotted(env.browser.worker, p)).matches), (c) => c.TrickBot === 40 && c.Emotet === 40 && c['Lazarus Group'] === 1, 10_000, 'every frame counted');
    // The frames that built the matcher go; a frame added now still reads its text.
    await p.evaluate(`(() => { document.getElementById('frames').replaceChildren(); const f = document.createElement('iframe'); f.src = '/frame.html?late'; f.id = 'late'; document.body.append(f); })()`);
    const late = await waitFor(async () => p.frames().find((f) => f.url().endsWith('?late')), (f) => f !== undefined, 5000, 'late frame');
    await waitFor(() => framePainted(late!), (n) => n === 2, 10_000, 'the late frame painted');
  });
});
