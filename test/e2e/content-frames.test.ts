/**
 * Every frame of a tab follows the reader's switch for the tab's site (the site of the top document): srcdoc and
 * about:blank frames, which have no address of their own, and a frame from another host alike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { sharedBrowser, spotted, tabIdOf } from './harness';
import { badgeOf, setSettings, waitFor } from './content-pages';

const env = sharedBrowser();
const FRAMES = ['srcdoc', 'blank', 'other'] as const;

/** Highlight texts of the top document and of each named frame. */
async function painted(page: Page): Promise<Record<string, string[]>> {
  const read = (f: Frame) =>
    f.evaluate(() => {
      const out: string[] = [];
      CSS.highlights.forEach((h) => h.forEach((r) => out.push(((x: AbstractRange) => { const l = new Range(); l.setStart(x.startContainer, x.startOffset); l.setEnd(x.endContainer, x.endOffset); return l; })(r).toString())));
      return out.sort();
    });
  const out: Record<string, string[]> = { top: await read(page.mainFrame()) };
  for (const name of FRAMES) {
    const frame = page.frame({ name });
    out[name] = frame ? await read(frame) : ['(no frame)'];
  }
  return out;
}

const ALL = {
  top: ['Lazarus Group'],
  srcdoc: ['Qakbot', 'Turla'],
  blank: ['Emotet', 'Sandworm'],
  other: ['Dridex', 'TrickBot'],
};
const NONE = { top: [], srcdoc: [], blank: [], other: [] };

async function open(): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url('/frame-site.html'));
  await waitFor(async () => page.frame({ name: 'other' })?.url() ?? '', (u) => u.startsWith('http://localhost:'), 5000, 'cross-origin frame');
  await page.frame({ name: 'other' })!.waitForLoadState('load');
  return page;
}

test('the tab’s site switched off: no frame of it is highlighted, the report and the badge count 0; on again: all are', async () => {
  const { worker } = env.browser;
  await setSettings(worker, { paused: false, siteMode: 'all-except', sites: ['127.0.0.1'] });
  const page = await open();
  try {
    // Give every frame's content script time to read its page (a frame judged by its own address would paint).
    await new Promise((r) => setTimeout(r, 2500));
    assert.deepEqual(await painted(page), NONE);
    assert.deepEqual((await spotted(worker, page)).matches, []);
    assert.equal(await badgeOf(worker, page), '');
    // Switched on while the page is open: every frame paints…
    await setSettings(worker, { sites: [] });
    assert.deepEqual(await waitFor(() => painted(page), (p) => JSON.stringify(p) === JSON.stringify(ALL), 10_000, 'all frames painted'), ALL);
    assert.equal(await waitFor(() => badgeOf(worker, page), (b) => b === '7', 5000, 'badge 7'), '7');
    // …and off again (the popup switch, Alt+Shift+L): every frame clears.
    await setSettings(worker, { sites: ['127.0.0.1'] });
    assert.deepEqual(await waitFor(() => painted(page), (p) => JSON.stringify(p) === JSON.stringify(NONE), 10_000, 'all frames cleared'), NONE);
    assert.equal(await waitFor(() => badgeOf(worker, page), (b) => b === '', 5000, 'no badge'), '');
  } finally {
    await setSettings(worker, { siteMode: 'all-except', sites: [] });
    await page.close();
  }
});

test('"only" mode with the tab’s site listed: every frame is highlighted; the keyboard toggle switches the tab’s site', async () => {
  const { worker } = env.browser;
  await setSettings(worker, { paused: false, siteMode: 'only', sites: ['127.0.0.1'] });
  const page = await open();
  try {
    assert.deepEqual(await waitFor(() => painted(page), (p) => JSON.stringify(p) === JSON.stringify(ALL), 10_000, 'all frames painted'), ALL);
    const report = await waitFor(() => spotted(worker, page), (r) => r.matches.length >= 7, 5000, 'frames folded in');
    assert.deepEqual(report.matches.map((m) => m.text).sort(), ['Dridex', 'Emotet', 'Lazarus Group', 'Qakbot', 'Sandworm', 'TrickBot', 'Turla']);
    assert.equal(await waitFor(() => badgeOf(worker, page), (b) => b === '7', 5000, 'badge 7'), '7');
    // The keyboard command's path (the background sends actorlens:toggle to the tab's top frame, wherever the focus
    // is): it takes the tab's site off the list, and every frame clears.
    const tabId = await tabIdOf(worker, page);
    const toggled = await worker.evaluate(
      (id) => (globalThis as unknown as { chrome: { tabs: { sendMessage(i: number, m: unknown, o: object): Promise<unknown> } } }).chrome.tabs.sendMessage(id, { type: 'actorlens:toggle' }, { frameId: 0 }),
      tabId,
    );
    assert.deepEqual(toggled, { enabled: false });
    assert.deepEqual(await waitFor(() => painted(page), (p) => JSON.stringify(p) === JSON.stringify(NONE), 10_000, 'all frames cleared'), NONE);
    assert.equal(await waitFor(() => badgeOf(worker, page), (b) => b === '', 5000, 'no badge'), '');
  } finally {
    await setSettings(worker, { siteMode: 'all-except', sites: [] });
    await page.close();
  }
});

/** Paints in a frame (highlight texts), or undefined while the frame has no document yet. */
const frameTexts = (f: Frame) =>
  f.evaluate(() => {
    const out: string[] = [];
    CSS.highlights.forEach((h) => h.forEach((r) => out.push(((x: AbstractRange) => { const l = new Range(); l.setStart(x.startContainer, x.startOffset); l.setEnd(x.endContainer, x.endOffset); return l; })(r).toString())));
    return out.sort();
  });

test('blob: documents (a report generator’s preview frame, a report opened from a download) are read, and follow the site’s switch', async () => {
  const { worker } = env.browser;
  await setSettings(worker, { paused: false, siteMode: 'all-except', sites: [] });
  const page = await env.browser.context.newPage();
  try {
    await page.goto(env.server.url('/frame-site.html'));
    // A frame whose document the page made from a Blob (no address of its own: its origin is the page's).
    await page.evaluate(() => {
      const html = '<!doctype html><p>The threat actor Sandworm deployed the malware Industroyer in the attack.</p>';
      const frame = document.createElement('iframe');
      frame.name = 'blobframe';
      frame.src = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      document.body.append(frame);
    });
    const blobFrame = await waitFor(async () => page.frame({ name: 'blobframe' }), (f) => !!f && f.url().startsWith('blob:'), 5000, 'blob frame');
    assert.deepEqual(await waitFor(() => frameTexts(blobFrame!), (t) => t.length === 2, 10_000, 'blob frame painted'), ['Industroyer', 'Sandworm']);
    // The site switched off: the blob frame clears with the rest of the tab.
    await setSettings(worker, { sites: ['127.0.0.1'] });
    assert.deepEqual(await waitFor(() => frameTexts(blobFrame!), (t) => t.length === 0, 10_000, 'blob frame cleared'), []);
    await setSettings(worker, { sites: [] });
    // A whole tab showing a blob: document (a page opening its generated report).
    await page.evaluate(() => {
      const html = '<!doctype html><title>Report</title><p>Analysts tied the ransomware campaign to the threat actor Wizard Spider and its loader TrickBot.</p>';
      location.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    });
    await page.waitForURL(/^blob:/);
    const report = await waitFor(() => spotted(worker, page), (r) => r.matches.length >= 2, 10_000, 'blob page spotted');
    assert.deepEqual(report.matches.map((m) => m.text).sort(), ['TrickBot', 'Wizard Spider']);
    assert.equal(await waitFor(() => badgeOf(worker, page), (b) => b === '2', 5000, 'badge 2'), '2');
  } finally {
    await setSettings(worker, { siteMode: 'all-except', sites: [] });
    await page.close();
  }
});
