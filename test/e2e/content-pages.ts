/**
 * Helpers for the content-script tests: a fixture server that also serves Preact's ES modules (so the Preact
 * fixture runs the real library without a build), badge and highlight readers, and the accessibility tree
 * (which shows the card's closed shadow root to tests without any test hook in the product).
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { ROOT, tabIdOf } from './harness';

declare const chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> }; storage: { local: { set(v: object): Promise<void>; get(k: string): Promise<Record<string, unknown>> } } };

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript' };
const VENDOR: Record<string, string> = {
  '/vendor/preact.mjs': 'node_modules/preact/dist/preact.mjs',
  '/vendor/hooks.mjs': 'node_modules/preact/hooks/dist/hooks.mjs',
};

export async function servePages(): Promise<{ url: (p: string) => string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = VENDOR[pathname] ? path.join(ROOT, VENDOR[pathname]) : pathname.startsWith('/demo/') ? path.join(ROOT, 'assets', pathname) : path.join(ROOT, 'test/fixtures/pages', pathname);
    if (!file.startsWith(ROOT) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: (p) => `http://127.0.0.1:${port}${p.startsWith('/') ? p : `/${p}`}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function badgeOf(worker: Worker, page: Page): Promise<string> {
  const tabId = await tabIdOf(worker, page);
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

export async function setSettings(worker: Worker, patch: Record<string, unknown>): Promise<void> {
  await worker.evaluate(async (p) => {
    const current = ((await chrome.storage.local.get('settings')).settings ?? {}) as object;
    await chrome.storage.local.set({ settings: { ...current, ...p } });
  }, patch);
}

/** Every highlight range as {name, text, where}: `where` is the closest element's id (or tag) and whether it is in a shadow root. */
export function ranges(page: Page): Promise<{ name: string; text: string; where: string; shadow: boolean }[]> {
  return page.evaluate(() => {
    const out: { name: string; text: string; where: string; shadow: boolean }[] = [];
    CSS.highlights.forEach((h, name) => {
      h.forEach((r) => {
        const range = r as Range;
        const el = range.startContainer.parentElement;
        const idEl = el?.closest('[id]');
        out.push({ name, text: range.toString(), where: idEl?.id ?? el?.tagName ?? '?', shadow: range.startContainer.getRootNode() instanceof ShadowRoot });
      });
    });
    return out;
  });
}

interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  ignored?: boolean;
}

/** Names of every node in the full accessibility tree (closed shadow roots included). */
export async function accessibleNames(page: Page): Promise<{ role: string; name: string }[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value ?? '', name: n.name?.value ?? '' }));
  } finally {
    await session.detach();
  }
}

export async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await fn();
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
