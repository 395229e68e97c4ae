// @vitest-environment happy-dom
/**
 * The scanner following a page that keeps changing: what the page removes leaves the tally, even when the removal
 * lands while the scanner is still reading an earlier change.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Match } from '../../../src/core/matcher/index';

/** Names the fake matcher knows. */
const NAMES = ['TrickBot', 'Lazarus Group'];
/** While set, reading waits on it (the dictionary read each scan starts with), so the test can act mid-flush. */
let gate: Promise<void> | undefined;

vi.mock('../../../src/content/knowledge', () => ({
  buildMs: 0,
  releasePrefetched: () => undefined,
  loadPrefilter: async () => {
    if (gate) await gate;
    return { mayMatch: () => true };
  },
  loadMatcher: async () => ({
    match(text: string): Match[] {
      const out: Match[] = [];
      for (const name of NAMES) {
        for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
          out.push({ start: at, end: at + name.length, text: name, entityId: name.toLowerCase(), name, kind: 'actor', alias: name, reason: 'exact' });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  }),
}));

const { CharBudget, Scanner, textLengthUpTo } = await import('../../../src/content/scanner');

const options = { suppressed: [], kinds: ['actor' as const, 'malware' as const, 'tool' as const, 'ransomware' as const], possibleActors: false, colors: { actor: '#ff0000', malware: '#0000ff', tool: '#00ff00', ransomware: '#aa00ff' } };
const names = (s: InstanceType<typeof Scanner>) => s.tally().map((e) => `${e.name}×${e.count}`).sort();

async function until(ok: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

afterEach(() => {
  gate = undefined;
  document.body.replaceChildren();
});

describe('following page changes', () => {
  it('an item removed while the previous change is being read still leaves the tally', async () => {
    document.body.innerHTML = '<div id="feed"><p id="a">Analysts saw TrickBot again.</p></div>';
    const scanner = new Scanner(document);
    await scanner.start(options, performance.now());
    expect(names(scanner)).toEqual(['TrickBot×1']);

    // The feed appends an item; the scanner's flush of it is held at its first step…
    let open!: () => void;
    gate = new Promise<void>((resolve) => (open = resolve));
    const b = document.createElement('p');
    b.textContent = 'Then the Lazarus Group.';
    document.getElementById('feed')!.append(b);
    await new Promise((r) => setTimeout(r, 400)); // past the debounce: the flush has begun and waits
    // …and while it reads, the feed drops its oldest item: a removal and nothing else.
    document.getElementById('a')!.remove();
    await new Promise((r) => setTimeout(r, 0)); // the mutation is delivered
    gate = undefined;
    open();

    await until(() => !names(scanner).includes('TrickBot×1'));
    expect(names(scanner)).toEqual(['Lazarus Group×1']);
    scanner.stop();
  });
});

describe('text moved into an editor', () => {
  it('loses its marks (the fallback painter) once in the editor, so none is saved with what the reader writes', async () => {
    document.body.innerHTML = '<p id="a">Analysts saw TrickBot again.</p><p id="b">Lazarus Group too.</p>';
    const scanner = new Scanner(document);
    await scanner.start(options, performance.now());
    expect(names(scanner)).toEqual(['Lazarus Group×1', 'TrickBot×1']);
    const marks = () => document.querySelectorAll('actorlens-mark').length;
    // Where the highlight API is missing, names are wrapped in elements of ours.
    expect(marks()).toBe(2);
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    document.body.prepend(editor);
    editor.append(document.getElementById('a')!);

    await until(() => names(scanner).length === 1);
    expect(names(scanner)).toEqual(['Lazarus Group×1']);
    expect(editor.querySelector('actorlens-mark')).toBeNull();
    expect(editor.innerHTML).toBe('<p id="a">Analysts saw TrickBot again.</p>');
    expect(marks()).toBe(1);
    scanner.stop();
  });
});

describe('the budget for re-reading rewritten highlighted text at once', () => {
  it('lets a burst through, then no more than the rate on average', () => {
    const budget = new CharBudget(125, 4000); // 2,000 characters per 16 ms frame, two frames' worth at once
    expect(budget.take(2000, 0)).toBe(true);
    expect(budget.take(2000, 0)).toBe(true);
    expect(budget.take(1, 0)).toBe(false);
    expect(budget.take(1000, 8)).toBe(true);
    expect(budget.take(1000, 8)).toBe(false);
    // A page rewriting 3,000 characters every frame gets two of every three frames read, never more than the rate.
    let read = 0;
    for (let frame = 1; frame <= 600; frame++) if (budget.take(3000, 8 + frame * 16)) read += 3000;
    expect(read).toBeLessThanOrEqual(4000 + 600 * 2000);
    expect(read).toBeGreaterThan(600 * 2000 * 0.9);
    // Time going backwards (another clock) grants nothing.
    const b2 = new CharBudget(1, 10);
    expect(b2.take(10, 100)).toBe(true);
    expect(b2.take(1, 50)).toBe(false);
  });

  it('counts a block\'s text only up to just past the limit', () => {
    document.body.innerHTML = `<div id="d"><p>${'a'.repeat(100)}</p><p>${'b'.repeat(100)}</p><p>${'c'.repeat(100)}</p></div>`;
    const d = document.getElementById('d')!;
    expect(textLengthUpTo(d, 1000)).toBe(300);
    expect(textLengthUpTo(d, 150)).toBe(200);
    expect(textLengthUpTo(d.firstChild!.firstChild!, 10)).toBe(100);
  });
});
