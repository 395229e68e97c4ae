/**
 * Pages built to be hard on a content script (audit Y): trees thousands deep, one block of tens of thousands of
 * elements, thousands of names each in an element of its own, pages that rewrite, append, clear our highlights or
 * swap their body without pause. On each: the scan ends and reports what the reader sees, the page's own script keeps
 * working, nothing is thrown. The pages are generated here and served by a server of this file's own.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
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
