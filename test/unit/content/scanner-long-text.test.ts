// @vitest-environment happy-dom
/**
 * The scanner on a text longer than one chunk with no sentence in it (a one-line log, a long table cell): a name over
 * the place where a piece ends is counted once, as the name it is, and stays so when the page is read again (a rescan,
 * text appended to the log).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ALL_KINDS, COLORS, installHighlightApi } from './happy-dom-highlights';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e, ENTITIES } from '../matcher/fixtures';

vi.mock('../../../src/content/knowledge', async () => (await import('./happy-dom-highlights')).fixtureKnowledge('long'));

const { CHUNK_CHARS, Scanner } = await import('../../../src/content/scanner');

const options = { suppressed: [], kinds: ALL_KINDS, possibleActors: false, colors: COLORS };
const names = (s: InstanceType<typeof Scanner>) => s.tally().map((t) => `${t.name}×${t.count}`).sort();

beforeAll(() => {
  installHighlightApi();
});

afterEach(() => document.body.replaceChildren());

/** Log entries with no sentence end: the piece is cut at the last space before the chunk's size. */
const entries = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `host-${from + i} ransomware beacon, Cobalt Strike server, operator Wizard Spider, loader TrickBot; `).join('');

/** What the matcher finds in the text read at once. */
function wholeText(text: string): string[] {
  const m = createMatcher(compileDictionary([...ENTITIES, e('wizard-spider', 'actor', 'Wizard Spider')], { version: 'whole' }));
  const counts = new Map<string, number>();
  for (const x of m.match(text, { securityContext: true })) counts.set(x.name, (counts.get(x.name) ?? 0) + 1);
  return [...counts].map(([n, c]) => `${n}×${c}`).sort();
}

describe('a long one-line text read in pieces', () => {
  it('counts a name over a cut once, as itself, on the first scan, a rescan and after text is appended', async () => {
    // The first piece ends at the last space before CHUNK_CHARS: put it between "Cobalt" and "Strike".
    let text = entries(0, 400);
    const cutAt = CHUNK_CHARS - 1;
    const before = text.slice(0, text.lastIndexOf(' ', cutAt - 'Cobalt'.length - 2) + 1);
    text = `${before.padEnd(cutAt - 'Cobalt'.length - 1, 'x')} Cobalt Strike,${'y'.repeat(40)} ${entries(400, 400)}`;
    expect(text.lastIndexOf(' ', cutAt)).toBe(text.indexOf('Cobalt Strike,y') + 'Cobalt'.length);
    document.body.innerHTML = '<div id="log"></div>';
    const log = document.createTextNode(text);
    document.getElementById('log')!.append(log);
    const expected = wholeText(text);
    expect(expected).not.toContain('Cobalt Group×1');

    const scanner = new Scanner(document);
    await scanner.start(options, performance.now());
    expect(names(scanner)).toEqual(expected);

    await scanner.rescan();
    expect(names(scanner)).toEqual(expected);

    // The log grows in place: its last piece is read again, the earlier ones are left as painted.
    log.appendData(entries(800, 300));
    const grown = wholeText(log.data);
    const end = Date.now() + 5000;
    while (JSON.stringify(names(scanner)) !== JSON.stringify(grown) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(names(scanner)).toEqual(grown);
    scanner.stop();
  });
});
