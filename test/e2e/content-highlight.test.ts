/**
 * The content script in real Chromium with the built extension: what gets highlighted where, dynamic pages,
 * the reader's own work, shadow roots, frames, the badge and the `actorlens:spotted` contract.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, sharedBrowser, spotted } from './harness';
import { badgeOf, ranges, waitFor } from './content-pages';

const env = sharedBrowser();

async function open(path: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url(path));
  return page;
}

test('article: names in plain text, links, headings and across inline markup; contract and badge', async () => {
  const page = await open('/article.html');
  try {
    const report = await spotted(env.browser.worker, page);
    assert.equal(report.done, true);
    assert.equal(typeof report.scanMs, 'number');
    assert.ok(report.scanMs > 0 && report.scanMs < 10_000, `scanMs ${report.scanMs}`);
    for (const m of report.matches) {
      assert.equal(typeof m.name, 'string');
      assert.equal(typeof m.text, 'string');
      assert.ok(m.count >= 1);
      assert.ok(m.entityId === null || typeof m.entityId === 'string');
    }
    const lazarus = report.matches.find((m) => m.name === 'Lazarus Group' && m.text === 'Lazarus Group');
    assert.ok(lazarus, JSON.stringify(report.matches));
    assert.equal(lazarus.count, 3, 'heading, plain text and the split "Lazarus <b>Group</b>"');
    const trick = report.matches.find((m) => m.text === 'TrickBot');
    assert.equal(trick?.count, 2);

    const painted = await ranges(page);
    const at = (text: string, where: string) => painted.some((r) => r.text === text && r.where === where);
    assert.ok(at('Lazarus Group', 'plain'), 'plain text');
    assert.ok(at('TrickBot', 'heading'), 'heading');
    assert.ok(painted.some((r) => r.text === 'Dridex' && r.name === 'actorlens-malware'), 'link text (Dridex) painted as malware');
    assert.ok(at('TA505', 'linked'), 'link text');
    assert.ok(at('Lazarus Group', 'split'), 'across <b>');
    assert.ok(painted.every((r) => r.name.startsWith('actorlens-')));

    // The document's rules reach only the part of the page holding painted text (adding rules that every element of
    // the page inherits costs a large page a long recalculation) and colour text nested in markup: the link, the <b>.
    const styled = await page.waitForFunction(() => {
      const sheet = document.adoptedStyleSheets[0];
      const rules = sheet ? [...sheet.cssRules].flatMap((r) => ('cssRules' in r ? [...(r as CSSGroupingRule).cssRules] : [r])).map((r) => (r as CSSStyleRule).selectorText ?? '').filter((s) => s.includes('::highlight')) : []; // the rules sit in @media not print
      const parents = new Set<string>();
      CSS.highlights.forEach((h) => h.forEach((r) => [r.startContainer, r.endContainer].forEach((n) => parents.add(n.parentElement!.localName))));
      const out = {
        rules,
        parents: [...parents].sort(),
        link: getComputedStyle(document.querySelector('#linked a')!, '::highlight(actorlens-malware)').backgroundColor,
        bold: getComputedStyle(document.querySelector('#split b')!, '::highlight(actorlens-actor)').backgroundColor,
      };
      return rules.length > 0 && out;
    });
    const seen = (await styled.jsonValue()) as { rules: string[]; parents: string[]; link: string; bold: string };
    // Every name is inside the <article>: the rules hang on it (by its path of tags), and reach the text it holds
    // through highlight inheritance.
    assert.ok(seen.rules.every((s) => s.startsWith(':root > body > article::highlight(')), JSON.stringify(seen.rules));
    assert.ok(seen.parents.includes('a') && seen.parents.includes('b'), JSON.stringify(seen.parents));
    assert.match(seen.link, /^rgba\(\d+, \d+, \d+, 0\.\d+\)$/);
    assert.match(seen.bold, /^rgba\(\d+, \d+, \d+, 0\.\d+\)$/);
    assert.notEqual(seen.link, seen.bold, 'malware and actor fills differ');

    const distinct = new Set(report.matches.map((m) => m.entityId ?? `?${m.name}`)).size;
    assert.equal(await waitFor(() => badgeOf(env.browser.worker, page), (b) => b !== '', 5000, 'badge'), String(distinct));
  } finally {
    await page.close();
  }
});

test('a page that adds paragraphs after load gets them highlighted', async () => {
  const page = await open('/dynamic.html');
  try {
    await spotted(env.browser.worker, page);
    const painted = await waitFor(() => ranges(page), (r) => r.some((x) => x.text === 'Dridex'), 10_000, 'Dridex from the third update');
    for (const name of ['TrickBot', 'Lazarus Group', 'Dridex']) assert.ok(painted.some((r) => r.text === name), name);
    const report = await waitFor(() => spotted(env.browser.worker, page), (r) => r.matches.some((m) => m.text === 'Dridex'), 5000, 'tally');
    assert.equal(report.matches.find((m) => m.text === 'TrickBot')?.count, 1);
    assert.equal(await waitFor(() => badgeOf(env.browser.worker, page), (b) => b === '3', 5000, 'badge 3'), '3');
  } finally {
    await page.close();
  }
});

test('paragraphs that arrive one at a time are read as they would be had they been there at load', async () => {
  // Each update alone names one threat and says nothing of security; together two names in coined spellings (TA505,
  // TrickBot) make it a security page, on which the earlier "Emotet" and the later "Conti" and "Turla" are threats.
  const summary = (r: Awaited<ReturnType<typeof spotted>>) => r.matches.map((m) => `${m.name} | ${m.text} | ${m.count}`).sort();
  const atLoad = await open('/late-context.html?static');
  let expected: string[];
  try {
    expected = summary(await spotted(env.browser.worker, atLoad));
    assert.deepEqual(expected, ['Conti | Conti | 1', 'Emotet | Emotet | 1', 'TA505 | TA505 | 1', 'TrickBot | TrickBot | 1', 'Turla | Turla | 1']);
  } finally {
    await atLoad.close();
  }
  const live = await open('/late-context.html');
  try {
    await live.waitForFunction(() => (window as unknown as { added?: number }).added === 5);
    const report = await waitFor(() => spotted(env.browser.worker, live), (r) => summary(r).length === expected.length && summary(r).join() === expected.join(), 8000, 'the same names as at load');
    assert.deepEqual(summary(report), expected);
    const painted = await waitFor(() => ranges(live), (r) => r.some((x) => x.text === 'Emotet'), 5000, 'Emotet painted');
    assert.equal(painted.filter((x) => x.text === 'Emotet').length, 1);
  } finally {
    await live.close();
  }
});

test('a Preact app that re-renders names keeps working and highlights follow', async () => {
  const page = await env.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  try {
    await page.goto(env.server.url('/preact-app.html'));
    await spotted(env.browser.worker, page);
    await page.waitForFunction(() => (window as unknown as { appState: { renders: number } }).appState.renders > 3);
    // The app's handlers still work while we highlight.
    await page.click('#count');
    await page.click('#count');
    assert.match(await page.innerText('#count'), /Clicked 2 times/);
    const before = await page.evaluate(() => (window as unknown as { appState: { renders: number } }).appState.renders);
    await page.waitForTimeout(1500);
    const after = await page.evaluate(() => (window as unknown as { appState: { renders: number } }).appState.renders);
    assert.ok(after >= before + 5, `updates still applied (${before} → ${after})`);
    // Highlights follow the re-rendered text: the rotating name is painted, and no range is stale.
    const check = () =>
      page.evaluate(() => {
        const current = document.querySelector('#rotating')!.textContent!;
        const name = ['TrickBot', 'Dridex', 'QakBot'].find((n) => current.includes(n))!;
        const texts: string[] = [];
        CSS.highlights.forEach((h) => h.forEach((r) => { if ((r as Range).startContainer.isConnected && document.querySelector('#rotating')!.contains((r as Range).startContainer)) texts.push(((x: AbstractRange) => { const l = new Range(); l.setStart(x.startContainer, x.startOffset); l.setEnd(x.endContainer, x.endOffset); return l; })(r).toString()); }));
        let stale = 0;
        CSS.highlights.forEach((h) => h.forEach((r) => { const t = ((x: AbstractRange) => { const l = new Range(); l.setStart(x.startContainer, x.startOffset); l.setEnd(x.endContainer, x.endOffset); return l; })(r).toString(); if (!/^(TrickBot|Dridex|QakBot|Lazarus Group)$/.test(t)) stale++; }));
        return { name, texts, stale };
      });
    const state = await waitFor(check, (s) => s.texts.includes(s.name) && s.texts.includes('Lazarus Group') && s.stale === 0, 5000, 'highlights on the current render');
    assert.equal(state.stale, 0);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await page.close();
  }
});

test('form fields, editable drafts and code are left alone', async () => {
  const page = await open('/forms.html');
  try {
    const values = () =>
      page.evaluate(() => ({
        input: (document.getElementById('suspect') as HTMLInputElement).value,
        textarea: (document.getElementById('notes') as HTMLTextAreaElement).value,
        select: (document.getElementById('pick') as HTMLSelectElement).value,
        draft: document.getElementById('draft')!.innerHTML,
        plain: document.getElementById('plaintext')!.innerHTML,
        pre: document.getElementById('pre')!.innerHTML,
      }));
    const before = await values();
    await spotted(env.browser.worker, page);
    const painted = await ranges(page);
    assert.deepEqual(painted.map((r) => `${r.text}@${r.where}`), ['Lazarus Group@visible']);
    // Typing in the draft is not disturbed, and the typed name is not highlighted.
    await page.click('#draft p');
    await page.keyboard.press('End');
    await page.keyboard.type(' Also Dridex.');
    await page.waitForTimeout(600);
    assert.deepEqual((await ranges(page)).map((r) => r.where), ['visible']);
    const now = await values();
    assert.deepEqual({ ...now, draft: before.draft }, before);
    assert.match(now.draft, /Also Dridex\./);
  } finally {
    await page.close();
  }
});

test('text drawn in an inline SVG (the labels of a chart, a name split over <tspan>s) is read and painted; its tooltip, description and unused definitions are not', async () => {
  const page = await open('/svg-chart.html');
  try {
    const report = await spotted(env.browser.worker, page);
    const count = (text: string) => report.matches.filter((m) => m.text === text).reduce((n, m) => n + m.count, 0);
    assert.equal(count('Wizard Spider'), 2, `label and the label over two <tspan> lines: ${JSON.stringify(report.matches)}`);
    assert.equal(count('Emotet'), 1);
    for (const unseen of ['Lazarus Group', 'TrickBot', 'TA505']) assert.equal(count(unseen), 0, `${unseen} is in <title>, <desc> or <defs>`);
    const painted = await ranges(page);
    assert.deepEqual(painted.map((r) => `${r.text}@${r.where}`).sort(), ['Emotet@node2', 'Wizard Spider@node1', 'Wizard Spider@node3']);
  } finally {
    await page.close();
  }
});

test('<br> and a footnote mark end a name, a line break in the page source does not', async () => {
  const page = await open('/wrapped.html');
  try {
    const report = await spotted(env.browser.worker, page);
    assert.deepEqual(report.matches.map((m) => `${m.text}×${m.count}`).sort(), ['Dridex×2', 'Emotet×1', 'TrickBot×1', 'Wizard Spider×1']);
    const painted = (await ranges(page)).map((r) => r.text.replace(/\s+/g, ' ')).sort();
    assert.deepEqual(painted, ['Dridex', 'Dridex', 'Emotet', 'TrickBot', 'Wizard Spider']);
  } finally {
    await page.close();
  }
});

test('a mail archive: the message in a <pre> is read, lines joined; the rule in a code <pre> is not', async () => {
  const page = await open('/mail-archive.html');
  try {
    const report = await spotted(env.browser.worker, page);
    assert.deepEqual(report.matches.map((m) => `${m.text}×${m.count}`).sort(), ['Lazarus Group×1', 'TrickBot×1', 'Wizard Spider×1']);
    const painted = await ranges(page);
    assert.deepEqual(painted.map((r) => r.text).sort(), ['Lazarus Group', 'TrickBot', 'Wizard\nSpider']);
  } finally {
    await page.close();
  }
});

test('a plain-text document (the browser shows it in one <pre>) is read, a name wrapped over two lines too; a path naming the actor is not', async () => {
  const page = await open('/advisory.txt');
  try {
    const report = await spotted(env.browser.worker, page);
    assert.equal(await page.evaluate(() => document.contentType), 'text/plain');
    const texts = report.matches.map((m) => `${m.text}×${m.count}`).sort();
    assert.deepEqual(texts, ['Lazarus Group×1', 'TrickBot×1', 'Wizard Spider×1']);
    const painted = await ranges(page);
    assert.deepEqual(painted.map((r) => r.text).sort(), ['Lazarus Group', 'TrickBot', 'Wizard\nSpider']);
    assert.deepEqual([...new Set(painted.map((r) => r.name))].sort(), ['actorlens-actor', 'actorlens-malware'], 'a short document keeps the underlined highlights');
  } finally {
    await page.close();
  }
});

test('a page of many other elements: the highlight rules reach only the element holding painted text', async () => {
  const items = Array.from({ length: 400 }, (_, i) => `<li><a href="#s${i}"><em>Story ${i}</em></a> <small>by <b>staff</b></small></li>`).join('');
  const url = env.server.url('/busy-news.html');
  const page = await env.browser.context.newPage();
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html><body><nav><ul>${items}</ul></nav><article><p id="story">The malware campaign was tied to the Lazarus Group; <i>TrickBot</i> delivered the loader.</p></article></body></html>` }));
  try {
    await page.goto(url);
    const report = await spotted(env.browser.worker, page);
    assert.deepEqual(report.matches.map((m) => m.text).sort(), ['Lazarus Group', 'TrickBot']);
    const seen = await page.waitForFunction(() => {
      const sheet = document.adoptedStyleSheets[0];
      const rules = sheet ? [...sheet.cssRules].flatMap((r) => ('cssRules' in r ? [...(r as CSSGroupingRule).cssRules] : [r])).map((r) => (r as CSSStyleRule).selectorText ?? '').filter((s) => s.includes('::highlight')) : []; // the rules sit in @media not print
      const [story, italic, nav] = [['#story', 'actorlens-actor'], ['#story i', 'actorlens-malware'], ['nav em', 'actorlens-actor']].map(([sel, name]) => getComputedStyle(document.querySelector(sel!)!, `::highlight(${name})`).backgroundColor);
      return rules.length > 0 && { rules, story, italic, nav };
    });
    const got = (await seen.jsonValue()) as { rules: string[]; story: string; italic: string; nav: string };
    assert.deepEqual([...got.rules].sort(), ['#story::highlight(actorlens-actor)', '#story::highlight(actorlens-malware)'], 'only the two highlights in use, on the paragraph holding both names (by its id)');
    assert.match(got.story, /^rgba\(\d+, \d+, \d+, 0\.\d+\)$/);
    assert.match(got.italic, /^rgba\(\d+, \d+, \d+, 0\.\d+\)$/);
    assert.match(got.nav, /^(transparent|rgba\(0, 0, 0, 0\))$/, 'the navigation is not reached');
  } finally {
    await page.close();
  }
});

test('a very long plain-text document gets fill-only highlights: an underline there would be laid out over the whole text', async () => {
  const advisory = readFileSync(path.join(ROOT, 'test/fixtures/pages/advisory.txt'), 'utf8');
  // ≈ 150,000 characters in the one text node the browser makes of it, the advisory's names at both ends.
  const filler = 'The audit went on through the spring, and nothing else of note was found in the logs.\n'.repeat(1700);
  const url = env.server.url('/long-advisory.txt');
  const page = await env.browser.context.newPage();
  await page.route(url, (route) => route.fulfill({ contentType: 'text/plain; charset=utf-8', body: `${advisory}\n${filler}\n${advisory}` }));
  try {
    await page.goto(url);
    const report = await spotted(env.browser.worker, page);
    assert.deepEqual(report.matches.map((m) => `${m.text}×${m.count}`).sort(), ['Lazarus Group×2', 'TrickBot×2', 'Wizard Spider×2']);
    const painted = await ranges(page);
    assert.deepEqual([...new Set(painted.map((r) => r.name))].sort(), ['actorlens-actor-fill', 'actorlens-malware-fill']);
    const look = await page.evaluate(() => {
      const pre = document.querySelector('pre')!;
      const style = getComputedStyle(pre, '::highlight(actorlens-actor-fill)');
      return { length: pre.textContent!.length, line: style.textDecorationLine, fill: style.backgroundColor };
    });
    assert.ok(look.length > 100_000, `${look.length} characters`);
    assert.equal(look.line, 'none');
    assert.doesNotMatch(look.fill, /^(transparent|rgba\(0, 0, 0, 0\))$/, 'filled');
  } finally {
    await page.close();
  }
});

test('after load: text re-rendered in place stays highlighted, a late web component is read, a region made editable or a page put in design mode is left alone', async () => {
  const page = await open('/late-changes.html');
  try {
    await spotted(env.browser.worker, page);
    const painted = async () => (await ranges(page)).map((r) => r.text);
    // Sampled between renders (every 400 ms): the name must not blink out while it is rewritten.
    let missing = 0;
    for (let i = 0; i < 30; i++) {
      if (!(await ranges(page)).some((r) => r.where === 'render' && r.text === 'Lazarus Group')) missing++;
      await page.waitForTimeout(37);
    }
    assert.ok(missing <= 1, `the re-rendered name was unpainted in ${missing} of 30 samples`);
    assert.ok(!(await ranges(page)).some((r) => r.where === 'editor'), 'text in a code editor is the reader’s');
    const tags = (await ranges(page)).filter((r) => r.where === 'tags').map((r) => r.text);
    assert.deepEqual(tags.sort(), ['Emotet', 'TrickBot'], 'tag chips side by side in a flex row are two names');

    await page.evaluate(() => (window as unknown as { addHost(): void }).addHost());
    await waitFor(() => ranges(page), (r) => r.some((x) => x.text === 'Conti' && x.shadow), 5000, 'late component read');

    await waitFor(() => ranges(page), (r) => r.some((x) => x.where === 'later' && x.text === 'TrickBot'), 5000, 'TrickBot before');
    await page.evaluate(() => document.getElementById('later')!.setAttribute('contenteditable', 'true'));
    await waitFor(() => ranges(page), (r) => !r.some((x) => x.where === 'later'), 5000, 'editable region left alone');

    await page.evaluate(() => {
      document.designMode = 'on';
    });
    await page.click('#render');
    await page.keyboard.type(' Emotet and TA505 typed here.');
    await page.waitForTimeout(800);
    assert.deepEqual(await painted(), [], 'nothing painted in a document being edited');
  } finally {
    await page.close();
  }
});

test('a page with many names registers only the highlights near the viewport, and those further down as the reader scrolls', async () => {
  const page = await open('/many-names.html');
  try {
    const report = await spotted(env.browser.worker, page);
    assert.equal(report.matches.find((m) => m.text === 'Lazarus Group')?.count, 300, 'every mention is counted');
    const registered = async () => (await ranges(page)).map((r) => r.where);
    await waitFor(registered, (w) => w.length > 0 && w.length < 200 && w.includes('entry-0') && !w.includes('entry-299'), 5000, 'only the top registered');
    await page.evaluate(() => document.getElementById('entry-299')!.scrollIntoView());
    await waitFor(registered, (w) => w.includes('entry-299') && !w.includes('entry-0'), 5000, 'the bottom registered after scrolling');
  } finally {
    await page.close();
  }
});

test('open shadow roots are scanned and styled', async () => {
  const page = await open('/shadow.html');
  try {
    const report = await spotted(env.browser.worker, page);
    assert.ok(report.matches.some((m) => m.text === 'Lazarus Group'));
    const painted = await ranges(page);
    assert.ok(painted.some((r) => r.text === 'Lazarus Group' && r.shadow), JSON.stringify(painted));
    assert.ok(painted.some((r) => r.text === 'TrickBot' && r.shadow));
    // The ::highlight rules reach into the shadow root (adopted there only because it has a highlight).
    const colour = await page.evaluate(() => {
      const p = document.getElementById('card')!.shadowRoot!.getElementById('inside')!;
      return getComputedStyle(p, '::highlight(actorlens-actor)').backgroundColor;
    });
    assert.notEqual(colour, 'rgba(0, 0, 0, 0)');
    await page.screenshot({ path: 'out/content-shadow.png' });
  } finally {
    await page.close();
  }
});

test('same-origin and srcdoc frames: each frame highlights, the top frame and the badge count all frames', async () => {
  const page = await open('/frame-parent.html');
  try {
    const child = await waitFor(async () => page.frames().find((f) => f.url().endsWith('/frame-child.html')), (f) => !!f, 5000, 'child frame');
    await child!.waitForFunction(() => CSS.highlights.size > 0, undefined, { timeout: 10_000 });
    const inChild = await child!.evaluate(() => {
      const out: string[] = [];
      CSS.highlights.forEach((h) => h.forEach((r) => out.push(((x: AbstractRange) => { const l = new Range(); l.setStart(x.startContainer, x.startOffset); l.setEnd(x.endContainer, x.endOffset); return l; })(r).toString())));
      return out.sort();
    });
    assert.deepEqual(inChild, ['Dridex', 'TrickBot']);
    // …and a frame with no address of its own (srcdoc, as comment widgets and previews use) is read too
    const report = await waitFor(() => spotted(env.browser.worker, page), (r) => r.matches.length >= 4, 5000, 'frames folded in');
    assert.deepEqual(report.matches.map((m) => m.text).sort(), ['Dridex', 'Lazarus Group', 'TrickBot', 'Wizard Spider']);
    assert.equal(await waitFor(() => badgeOf(env.browser.worker, page), (b) => b === '4', 5000, 'badge 4'), '4');
  } finally {
    await page.close();
  }
});

test('single-page-app navigation rescans and the badge follows', async () => {
  const page = await open('/spa.html');
  try {
    const first = await spotted(env.browser.worker, page);
    assert.equal(first.matches.length, 0);
    await page.click('#go');
    await waitFor(() => ranges(page), (r) => r.some((x) => x.text === 'Wizard Spider') && r.some((x) => x.text === 'Conti'), 5000, 'second story painted');
    assert.equal(await waitFor(() => badgeOf(env.browser.worker, page), (b) => b === '2', 5000, 'badge 2'), '2');
  } finally {
    await page.close();
  }
});

test('a manual rescan answers with the report', async () => {
  const page = await open('/article.html');
  try {
    await spotted(env.browser.worker, page);
    const { tabIdOf } = await import('./harness');
    const tabId = await tabIdOf(env.browser.worker, page);
    const report = (await env.browser.worker.evaluate(
      (id) => (globalThis as unknown as { chrome: { tabs: { sendMessage(i: number, m: unknown): Promise<unknown> } } }).chrome.tabs.sendMessage(id, { type: 'actorlens:rescan' }),
      tabId,
    )) as { done: boolean; matches: { text: string; count: number }[] };
    assert.equal(report.done, true);
    assert.equal(report.matches.find((m) => m.text === 'Lazarus Group')?.count, 3, 'a rescan does not double-count');
  } finally {
    await page.close();
  }
});

test('with no dictionary in storage (first run, or storage cleared), the page has the background publish one and is highlighted', async () => {
  // Strings, evaluated in the service worker (where `chrome` is).
  const stored = async () => Object.keys((await env.browser.worker.evaluate("chrome.storage.local.get(['dictionary', 'prefilter'])")) as object).sort();
  await env.browser.worker.evaluate("chrome.storage.local.remove(['dictionary', 'prefilter'])");
  const gone = await stored();
  assert.deepEqual(gone, [], 'storage holds no dictionary');
  const page = await open('/article.html');
  try {
    const report = await spotted(env.browser.worker, page);
    assert.ok(report.matches.some((m) => m.text === 'Lazarus Group'), JSON.stringify(report.matches));
    assert.deepEqual(await stored(), ['dictionary', 'prefilter'], 'published again');
  } finally {
    await page.close();
  }
});
