/**
 * `npm run scan` reads a saved page the way the content script reads it in the browser: on the static fixture pages
 * (names in plain text, links, headings, inline markup, a form with a code block, an ordinary article, a possible
 * actor, names split by <br> and wrapped in the source, a mail archive's <pre>) the command-line core and the extension report the same entities, surfaces and counts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundledDataset } from '../../src/core/data/index';
import { compileDictionary, createMatcher, hasSecurityContext, loadEnglishWords } from '../../src/core/matcher/index';
import type { SpottedEntity } from '../../src/core/protocol';
import { htmlToText } from '../../scripts/lib/html-to-text';
import { ROOT, sharedBrowser, spotted } from './harness';

const PAGES: [string, string][] = [
  ['/demo/article.html', 'assets/demo/article.html'],
  ['/article.html', 'test/fixtures/pages/article.html'],
  ['/forms.html', 'test/fixtures/pages/forms.html'],
  ['/metals.html', 'test/fixtures/pages/metals.html'],
  ['/dark.html', 'test/fixtures/pages/dark.html'],
  ['/possible-actor.html', 'test/fixtures/pages/possible-actor.html'],
  ['/wrapped.html', 'test/fixtures/pages/wrapped.html'],
  ['/mail-archive.html', 'test/fixtures/pages/mail-archive.html'],
];

const env = sharedBrowser();

const summary = (list: Pick<SpottedEntity, 'name' | 'text' | 'count'>[]) => list.map((m) => `${m.name} | ${m.text} | ${m.count}`).sort();

test('the command-line core and the content script find the same names on the same pages', async () => {
  await loadEnglishWords();
  const matcher = createMatcher(compileDictionary(bundledDataset().entities));
  let compared = 0;
  for (const [url, file] of PAGES) {
    const text = htmlToText(readFileSync(path.join(ROOT, file), 'utf8'));
    const tally = new Map<string, { name: string; text: string; count: number }>();
    for (const m of matcher.match(text, { securityContext: hasSecurityContext(text) })) {
      const key = `${m.name}\u0000${m.text}`;
      const entry = tally.get(key) ?? { name: m.name, text: m.text, count: 0 };
      entry.count++;
      tally.set(key, entry);
    }
    const page = await env.browser.context.newPage();
    try {
      await page.goto(env.server.url(url));
      const report = await spotted(env.browser.worker, page);
      assert.deepEqual(summary(report.matches), summary([...tally.values()]), `${url}: extension (left) and scan core (right)`);
      compared += tally.size;
    } finally {
      await page.close();
    }
  }
  assert.ok(compared > 15, `compared ${compared} entity surfaces`);
});
