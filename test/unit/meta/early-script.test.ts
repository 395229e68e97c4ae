/**
 * Meta: content-early.js runs at document_start on every page and in every frame, before the page's body is parsed.
 * What it imports is evaluated there: the matcher's modules once came in through a storage key's name (1.9–2.2 ms of
 * main-thread time per page in traces, against 0.5 ms without them).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Every source file `entry` reaches through static imports (type-only imports are erased by the build). */
function reached(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'(\.[^']+)'/gm)) {
      const base = path.resolve(path.dirname(file), m[1]!);
      visit(['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((p) => existsSync(p)) ?? base);
    }
  };
  visit(path.join(ROOT, entry));
  return [...seen].map((f) => path.relative(ROOT, f)).sort();
}

describe('content-early.js', () => {
  it('reaches only the storage reads it starts and the browser API', () => {
    expect(reached('src/content/early.ts')).toEqual(['src/content/early-reads.ts', 'src/content/early.ts', 'src/platform/native-storage.ts', 'src/platform/storage-keys.ts']);
  });

  it('imports no package: the browser’s own API, not webextension-polyfill (most of the script, 0.3–0.6 ms a frame)', () => {
    for (const file of reached('src/content/early.ts')) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      expect([...text.matchAll(/^import\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^.][^']*)'/gm)].map((m) => m[1]), file).toEqual([]);
    }
  });
});
