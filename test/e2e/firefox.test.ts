/** Firefox: the same dist/ loads as a temporary add-on; the content script highlights a local page, and the options page and popup work. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { DIST, serveFixtures } from './harness';
import { MISP_ACTORS, NO_SHARED_DATA } from './options-support';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Also: the content script takes its settings and prefilter from the reads content-early.js began at document_start
 * through Firefox's own storage API (no polyfill there). Were those reads to fail, the page would look the same (the
 * content script reads storage itself, later): the scan's stats say where the values came from.
 */
test('Firefox: the content script highlights the demo article, with the settings content-early.js read', { skip: !existsSync(FIREFOX) && `no Firefox at ${FIREFOX}` }, async () => {
  const server = await serveFixtures();
  const { browser, openExtensionPage } = await launchWithExtensionPages();
  try {
    await browser.installExtension(DIST);
    const page = await browser.newPage();
    await page.goto(server.url('/demo/article.html'));
    await page.waitForFunction(() => CSS.highlights.size > 0, { timeout: 20_000 });
    const painted = await page.evaluate(() => {
      const out: Record<string, string[]> = {};
      CSS.highlights.forEach((h, name) => {
        out[name] = [...h].map((r) => ((x: AbstractRange) => { const l = new Range(); l.setStart(x.startContainer, x.startOffset); l.setEnd(x.endContainer, x.endOffset); return l; })(r).toString());
      });
      return out;
    });
    assert.ok(painted['actorlens-actor']?.includes('Lazarus Group'), JSON.stringify(painted));
    assert.ok(painted['actorlens-malware']?.includes('TrickBot'));
    // The highlight rules reached the page (adopted stylesheet, or a <style> where Firefox's Xrays refuse it). Read at one
    // instant right after the first registration, CI once found no colour yet (not reproduced here, even with the
    // cores busy; a scan started again by late settings takes the rules out until it shows again): wait for the
    // colour the reader sees, and say what the page held if it never comes.
    const coloured = await page
      .waitForFunction(() => getComputedStyle(document.querySelector('strong')!, '::highlight(actorlens-actor)').backgroundColor !== 'rgba(0, 0, 0, 0)', { timeout: 10_000 })
      .then(() => true, () => false);
    const state = await page.evaluate(() => ({ names: [...CSS.highlights.keys()], styles: document.querySelectorAll('style').length, adopted: document.adoptedStyleSheets.length }));
    assert.ok(coloured, `no highlight colour on the name within 10 s: ${JSON.stringify(state)}`);

    // Loaded again, once the first load's storage writes (the background's first publication) are over: nothing
    // changes in storage between the two scripts, so every value the top frame needs comes from the early reads.
    await page.reload();
    await page.waitForFunction(() => CSS.highlights.size > 0, { timeout: 20_000 });
    const extension = await openExtensionPage('options/options.html');
    const url = page.url();
    const stats = await extension.evaluate(async (u) => {
      const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, m: object): Promise<{ early?: string[] } | null> } } }).browser.tabs;
      const tab = (await api.query({})).find((t) => t.url === u);
      if (tab?.id === undefined) return 'no tab';
      for (let i = 0; i < 50; i++) {
        const answer = await api.sendMessage(tab.id, { type: 'actorlens:scanStats' });
        if (answer) return answer;
        await new Promise((r) => setTimeout(r, 200));
      }
      return 'no stats';
    }, url);
    assert.ok(typeof stats === 'object', String(stats));
    assert.ok(stats.early?.includes('settings') && stats.early.includes('prefilter'), `values taken from content-early.js: ${JSON.stringify(stats.early)}`);
  } finally {
    await browser.close();
    await server.close();
  }
});

/**
 * Firefox, the reader's whole path with its own pages: the options page imports the MISP threat-actor galaxy (its
 * preview and apply run the parse worker and Dexie in Firefox), the background republishes the dictionary, a page
 * then highlights an actor known only from the file, and the popup lists it for that tab.
 */
test('Firefox: an import in the options page reaches the highlights and the popup', { skip: (!existsSync(FIREFOX) && `no Firefox at ${FIREFOX}`) || NO_SHARED_DATA }, async () => {
  const server = await serveFixtures();
  const { browser, uuid, openExtensionPage } = await launchWithExtensionPages();
  const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
  try {
    await browser.installExtension(DIST);
    const options = await openExtensionPage('options/options.html#data');
    await options.waitForSelector('header.top nav');
    const input = (await options.waitForSelector('input[type=file]'))!;
    await (input as ElementHandle<HTMLInputElement>).uploadFile(MISP_ACTORS);
    await options.waitForSelector('[data-count="newEntities"]', { timeout: 30_000 });
    const count = (id: string) => options.$eval(`[data-count="${id}"]`, (el) => Number((el.textContent ?? '').replace(/\D+/g, '')));
    const inFile = (JSON.parse(readFileSync(MISP_ACTORS, 'utf8')) as { values: unknown[] }).values.length;
    assert.equal(await count('inFile'), inFile, 'entities in the file');
    assert.ok((await count('newEntities')) > 0, 'new entities');
    // The file was read in the options page's worker, not on its main thread.
    const { result: realms } = (await bidi.send('script.getRealms', { type: 'dedicated-worker' })) as { result: { realms: { origin: string }[] } };
    assert.ok(realms.realms.some((r) => r.origin.startsWith(`moz-extension://${uuid}/`) && r.origin.includes('parse-worker')), `an extension worker runs: ${JSON.stringify(realms.realms)}`);
    const apply = await options.waitForSelector('::-p-text(Apply import)');
    await apply!.click();
    await options.waitForSelector('::-p-text(Imported threat-actor.json)', { timeout: 30_000 });

    const page = await browser.newPage();
    const url = server.url('/options-rocket-kitten.html');
    // Publishing the larger dictionary runs in the background after the import: load until it is in use.
    const deadline = Date.now() + 20_000;
    let painted: string[] = [];
    while (Date.now() < deadline && !painted.includes('Rocket Kitten')) {
      await page.goto(url);
      await page.waitForFunction(() => CSS.highlights.size > 0, { timeout: 5_000 }).catch(() => undefined);
      painted = await page.evaluate(() => {
        const out: string[] = [];
        // Known actors only: before the import the name can already be a possible actor (the "… Kitten" scheme).
        CSS.highlights.forEach((h, name) => {
          if (name !== 'actorlens-actor') return;
          for (const r of h as Iterable<AbstractRange>) {
            const live = new Range();
            live.setStart(r.startContainer, r.startOffset);
            live.setEnd(r.endContainer, r.endOffset);
            out.push(live.toString());
          }
        });
        return out;
      });
    }
    assert.ok(painted.includes('Rocket Kitten'), `highlighted as a known actor after the import: ${JSON.stringify(painted)}`);

    // The popup for that tab (its id asked from an extension page) lists the actor.
    const tabId = await options.evaluate(async (u) => {
      const tabs = await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser.tabs.query({});
      return tabs.find((t) => t.url === u)?.id;
    }, url);
    assert.ok(typeof tabId === 'number', 'the article tab is found');
    const popup = await openExtensionPage(`popup/popup.html?tab=${tabId}`);
    await popup.waitForSelector('.group-actor .name', { timeout: 15_000 });
    await popup.waitForFunction(() => [...document.querySelectorAll('.group-actor .name')].some((n) => n.textContent === 'Rocket Kitten'), { timeout: 15_000 });
  } finally {
    await browser.close();
    await server.close();
  }
});

const EXTENSION_UUID = '7d3f2a10-5c4b-4e8e-9a61-2f0b8c1d9e47';

/** Firefox with a fixed moz-extension host, so a test can open the extension's pages as the browser itself would. */
async function launchWithExtensionPages(): Promise<{ browser: Browser; uuid: string; openExtensionPage: (pagePath: string) => Promise<Page> }> {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // WebDriver BiDi may not navigate a tab to an extension page; the browser window's own script may open one.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: EXTENSION_UUID }) },
  });
  // puppeteer's raw WebDriver BiDi connection (not in its public types).
  const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
  /** Opens an extension page in a new tab, as the browser itself would (a toolbar button, the add-ons manager). */
  const openExtensionPage = async (pagePath: string): Promise<Page> => {
    const url = `moz-extension://${EXTENSION_UUID}/${pagePath}`;
    const { result } = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as { result: { contexts: { context: string }[] } };
    const target = { context: result.contexts[0]!.context };
    const before = new Set(await browser.pages());
    await bidi.send('script.evaluate', {
      expression: `gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); 0`,
      target,
      awaitPromise: false,
    });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      for (const p of await browser.pages()) {
        if (before.has(p)) continue;
        // Page.url() is not updated for such tabs; ask the page.
        if ((await p.evaluate(() => location.href).catch(() => '')) === url) return p;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${url} did not open`);
  };
  return { browser, uuid: EXTENSION_UUID, openExtensionPage };
}

/** Highlight texts painted in a frame. */
function paintedIn(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const out: string[] = [];
    CSS.highlights.forEach((h) => h.forEach((r) => out.push(((x: AbstractRange) => { const l = new Range(); l.setStart(x.startContainer, x.startOffset); l.setEnd(x.endContainer, x.endOffset); return l; })(r).toString())));
    return out.sort();
  });
}

/**
 * A frame from another host than its tab's cannot read the tab's address: it follows the switch of the tab's site,
 * not its own, through location.ancestorOrigins (Firefox 153 has it; an older release asks the background).
 */
test('Firefox: a frame from another host follows the switch of its tab’s site, not its own', { skip: !existsSync(FIREFOX) && `no Firefox at ${FIREFOX}` }, async () => {
  const server = await serveFixtures();
  const { browser, openExtensionPage } = await launchWithExtensionPages();
  const until = async <T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = await read().catch(() => undefined as T);
      if (v !== undefined && ok(v)) return v;
      if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(v)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  try {
    await browser.installExtension(DIST);
    const page = await browser.newPage();
    const url = server.url('/frame-site.html');
    assert.ok(new URL(url).hostname === '127.0.0.1', 'the page is on 127.0.0.1, its frame on localhost');
    await page.goto(url);
    const other = await until('the other host’s frame', async () => page.frames().find((f) => f.url().startsWith('http://localhost:')), (f) => !!f);
    assert.deepEqual(await until('frame painted', () => paintedIn(other!), (t) => t.length === 2), ['Dridex', 'TrickBot']);

    // The reader turns the tab's site off (the popup's switch writes the settings; here an extension page does).
    const options = await openExtensionPage('options/options.html');
    const setSites = (sites: string[]) =>
      options.evaluate(async (list) => {
        const storage = (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> } } } }).browser.storage.local;
        const current = (await storage.get('settings')).settings ?? {};
        await storage.set({ settings: { ...current, paused: false, siteMode: 'all-except', sites: list } });
      }, sites);
    await setSites(['127.0.0.1']);
    assert.deepEqual(await until('frame cleared', () => paintedIn(other!), (t) => t.length === 0), []);
    assert.deepEqual(await paintedIn(page.mainFrame()), []);

    // Loaded again with the site off: the frame asks before it paints anything.
    await page.bringToFront();
    await page.reload();
    const again = await until('the frame again', async () => page.frames().find((f) => f.url().startsWith('http://localhost:')), (f) => !!f);
    await new Promise((r) => setTimeout(r, 3000));
    assert.deepEqual(await paintedIn(again!), [], 'nothing painted in the frame of a site switched off');

    // On again: the frame paints.
    await setSites([]);
    assert.deepEqual(await until('frame painted again', () => paintedIn(again!), (t) => t.length === 2), ['Dridex', 'TrickBot']);
  } finally {
    await browser.close();
    await server.close();
  }
});
