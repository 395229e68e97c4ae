// @vitest-environment happy-dom
/**
 * A plain-text document longer than a chunk, its names at both ends, read while the matcher is still being built: the
 * page's context comes with a later piece, and the pieces read before it, still waiting for the matcher, are matched
 * once with it, each name counted once (the browser test in content-highlight counted each ×3 instead of ×2).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ALL_KINDS, COLORS, installHighlightApi } from './happy-dom-highlights';

/** The matcher is built from storage while the walk goes on: here it arrives once the walk is over. */
const MATCHER_LATE_MS = 200;

vi.mock('../../../src/content/knowledge', async () => (await import('./happy-dom-highlights')).fixtureKnowledge('plain', MATCHER_LATE_MS));

const { CHUNK_CHARS, Scanner } = await import('../../../src/content/scanner');
const { preread } = await import('../../../src/content/preread');

const options = { suppressed: [], kinds: ALL_KINDS, possibleActors: true, colors: COLORS };
const counts = (s: InstanceType<typeof Scanner>) => s.tally().map((t) => `${t.text}×${t.count}`).sort();

beforeAll(() => {
  installHighlightApi();
  // A browser's plain-text document: its <pre> is read (page-text.ts SKIPPED_IN_PLAIN_TEXT).
  Object.defineProperty(document, 'contentType', { configurable: true, value: 'text/plain' });
});

describe('a long plain-text document whose context comes late', () => {
  it('counts each name once: the pieces read before the context, still waiting for the matcher, are matched once', async () => {
    const advisory = readFileSync(resolve(__dirname, '../../fixtures/pages/advisory.txt'), 'utf8');
    const filler = 'The audit went on through the spring, and nothing else of note was found in the logs.\n'.repeat(1700);
    const pre = document.createElement('pre');
    pre.textContent = `${advisory}\n${filler}\n${advisory}`;
    document.body.replaceChildren(pre);
    const pieces = preread(document, CHUNK_CHARS, () => new Promise((r) => setTimeout(r, 0)));
    const scanner = new Scanner(document);
    await scanner.start(options, performance.now(), pieces);
    expect(counts(scanner)).toEqual(['Lazarus Group×2', 'TrickBot×2', 'Wizard Spider×2']);
    expect(scanner.size).toBe(6);
    scanner.stop();
  });
});
