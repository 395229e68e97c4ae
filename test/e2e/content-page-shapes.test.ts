/**
 * Page shapes a reader meets, checked in Chromium with the built extension (audit C, session 22): where one read a
 * name differently from the same words in another markup, the shape is here with what the reader should see.
 *
 * A post or comment whose line breaks are shown by its style (white-space: pre-wrap or pre-line, as social posts and
 * chat messages are set) was read as one line: a list of names one a line became a run of words, and names that are
 * also words (Silence, Equation) were not recognised as they are in the same list written with <br> or <li>.
 *
 * A headline split into letters for an animation (each letter an inline-block span, as text-splitting libraries set
 * them) was read one letter at a time: its names were not found at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sharedBrowser, spotted } from './harness';
import { ranges } from './content-pages';

const env = sharedBrowser();

const CONTEXT = '<p>Threat intelligence: the ransomware and malware campaign, threat actor attribution, indicators of compromise.</p>';

async function openHtml(name: string, body: string): Promise<Page> {
  const url = env.server.url(`/page-shapes-${name}.html`);
  const page = await env.browser.context.newPage();
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html><body>${body}</body></html>` }));
  await page.goto(url);
  await spotted(env.browser.worker, page);
  return page;
}

/** Painted texts per element id, sorted. */
async function paintedIn(page: Page): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const r of await ranges(page)) (out[r.where] ??= []).push(r.text.replace(/\s+/g, ' '));
  for (const list of Object.values(out)) list.sort();
  return out;
}

test('a list of names one a line in a post whose style shows line breaks reads as the same list written with <br>', async () => {
  const lines = ['Actors named in the thread:', 'Lazarus', 'Silence', 'Equation'];
  const page = await openHtml(
    'post-lines',
    `${CONTEXT}<div id="br">${lines.join('<br>')}</div>` +
      `<div id="pre-wrap" style="white-space: pre-wrap">${lines.join('\n')}</div>` +
      `<div id="pre-line" style="white-space: pre-line">${lines.join('\n')}\n</div>`,
  );
  try {
    const painted = await paintedIn(page);
    assert.equal(painted.br?.length, 3, JSON.stringify(painted));
    assert.deepEqual(painted['pre-wrap'], painted.br);
    assert.deepEqual(painted['pre-line'], painted.br);
  } finally {
    await page.close();
  }
});

test('in a mail body set in pre-wrap, a name over a line wrapped by hand is still one name; an ordinary paragraph is unchanged', async () => {
  const body =
    'Hello list, the intrusion we looked at last week in the harbour office was\n' +
    'attributed by two vendors to the crew tracked as Wizard Spider; a third named it Wizard\n' +
    'Spider as well, and said the loader was a new TrickBot build.';
  const page = await openHtml('mail-body', `${CONTEXT}<div id="mail" style="white-space: pre-wrap">${body}</div><p id="flowing">${body}</p>`);
  try {
    const painted = await paintedIn(page);
    assert.deepEqual(painted.mail, ['TrickBot', 'Wizard Spider', 'Wizard Spider']);
    assert.deepEqual(painted.flowing, painted.mail);
  } finally {
    await page.close();
  }
});

test('a headline split into letters for an animation (inline-block spans) has its names painted whole', async () => {
  const letters = (word: string) => [...word].map((c) => `<span class="char" style="display: inline-block">${c}</span>`).join('');
  const words = (line: string) => line.split(' ').map((w) => `<span class="word" style="display: inline-block">${letters(w)}</span>`).join(' ');
  const page = await openHtml('split-letters', `${CONTEXT}<h1 id="split">${words('Wizard Spider deploys TrickBot again')}</h1><p id="plain">Wizard Spider deploys TrickBot again</p>`);
  try {
    const painted = await paintedIn(page);
    assert.deepEqual(painted.split, ['TrickBot', 'Wizard Spider']);
    assert.deepEqual(painted.split, painted.plain);
  } finally {
    await page.close();
  }
});
