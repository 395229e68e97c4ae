/** Meta: every file the manifest names exists in the build, and the build carries no remote code. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './harness';

const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));

function namedFiles(m: typeof manifest): string[] {
  const files: string[] = [];
  files.push(...Object.values<string>(m.icons ?? {}));
  files.push(...Object.values<string>(m.action?.default_icon ?? {}));
  if (m.action?.default_popup) files.push(m.action.default_popup);
  if (m.options_ui?.page) files.push(m.options_ui.page);
  if (m.background?.service_worker) files.push(m.background.service_worker);
  files.push(...(m.background?.scripts ?? []));
  for (const cs of m.content_scripts ?? []) files.push(...(cs.js ?? []), ...(cs.css ?? []));
  files.push(`_locales/${m.default_locale}/messages.json`);
  return files;
}

test('every file the manifest names exists in dist/', () => {
  for (const file of namedFiles(manifest)) assert.ok(existsSync(path.join(DIST, file)), `${file} is missing from dist/`);
});

test('the built HTML pages load only the extension\'s own scripts', () => {
  const html = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? html(path.join(dir, d.name)) : d.name.endsWith('.html') ? [path.join(dir, d.name)] : []));
  for (const file of html(DIST).filter((f) => !f.includes(`${path.sep}demo${path.sep}`))) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /<script[^>]+src=["']https?:/i, `${file} loads remote code`);
    assert.doesNotMatch(text, /<script(?![^>]*\bsrc=)[^>]*>\s*\S/i, `${file} has an inline script (blocked by the CSP)`);
  }
});

test('the content script is one classic file without imports', () => {
  const content = readFileSync(path.join(DIST, 'content.js'), 'utf8');
  assert.doesNotMatch(content, /^\s*import\s/m);
  assert.doesNotThrow(() => new Function(content));
});
