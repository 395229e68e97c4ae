// @vitest-environment happy-dom
/**
 * The card's keyboard and lifetime rules: Alt+Shift+K typed into something the reader is editing is theirs; a card
 * opened from the keyboard is not closed by a hover that was already on its way out; a card whose text left the
 * page (or whose highlights were cleared) closes and takes its element with it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { Card } from '../../../src/content/card';
import { clippedAway, Interaction, scrollMoves, shown } from '../../../src/content/interact';
import type { Scanner, Spot } from '../../../src/content/scanner';

vi.mock('../../../src/platform/browser', () => ({ browser: { i18n: { getMessage: () => '' } } }));

function spotOf(id: string, name: string): Spot {
  const text = document.getElementById(id)!.firstChild!;
  const at = text.textContent!.indexOf(name);
  // What the scanner paints: a static range (happy-dom has no StaticRange), which does not follow edits.
  const range = { startContainer: text, startOffset: at, endContainer: text, endOffset: at + name.length, collapsed: false } as AbstractRange;
  return { range, highlight: 'actorlens-actor', entityId: `e-${name}`, name, kind: 'actor', text: name, alias: name, reason: 'exact', possible: false };
}

/** The scanner as Interaction sees it: a list of spots and a hit test the test points at. */
function fakeScanner(spots: Spot[]) {
  const state = { spots, under: undefined as Spot | undefined };
  const scanner = {
    get size() {
      return state.spots.length;
    },
    ordered: () => state.spots.filter((s) => s.range.startContainer.isConnected),
    hitTest: () => state.under,
    quoteAt: () => undefined,
    orderedQuotes: () => [],
    sampleElements: () => state.spots.map((s) => s.range.startContainer.parentElement).filter((el): el is HTMLElement => !!el),
    keepPainted: () => undefined,
    current: (spot: Spot) => (state.spots.includes(spot) ? spot : undefined),
  } as unknown as Scanner;
  return { state, scanner };
}

const cardHosts = () => document.querySelectorAll('actorlens-card').length;

function altShiftK(target: EventTarget): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key: 'K', code: 'KeyK', altKey: true, shiftKey: true, bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(e);
  return e;
}

let interaction: Interaction;
let card: Card;
let scanner: ReturnType<typeof fakeScanner>;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = `
    <p id="a">The threat actor Lazarus Group was seen.</p>
    <p id="b">Later Wizard Spider was linked.</p>
    <input id="field"><textarea id="notes"></textarea><select id="pick"><option>x</option></select>
    <div id="draft" contenteditable="true"><p id="inner">Draft</p></div>
    <div id="widget"></div>`;
  scanner = fakeScanner([spotOf('a', 'Lazarus Group'), spotOf('b', 'Wizard Spider')]);
  card = new Card(document, { fetch: async () => null, open: () => undefined });
  interaction = new Interaction(document, scanner.scanner, card);
  interaction.attach();
});

afterEach(() => {
  interaction.detach();
  vi.useRealTimers();
  delete (document as { designMode?: string }).designMode;
  document.body.innerHTML = '';
});

describe('Alt+Shift+K while the reader types', () => {
  const shadowInput = () => {
    const root = document.getElementById('widget')!.attachShadow({ mode: 'open' });
    const input = document.createElement('input');
    root.append(input);
    return input;
  };
  const editing: [string, () => HTMLElement][] = [
    ['a text input', () => document.getElementById('field')!],
    ['a textarea', () => document.getElementById('notes')!],
    ['a select', () => document.getElementById('pick')!],
    ['an editable area (inside it)', () => document.getElementById('inner')!],
    ['an input in an open shadow root', shadowInput],
  ];

  it.each(editing)('is left to %s: not cancelled, no card, focus stays', (_what, target) => {
    const el = target();
    el.focus();
    const focused = document.activeElement;
    const e = altShiftK(el);
    expect(e.defaultPrevented).toBe(false);
    expect(card.current).toBeUndefined();
    expect(cardHosts()).toBe(0);
    expect(document.activeElement).toBe(focused);
  });

  it('is left to an input in a closed shadow root (seen through chrome.dom.openOrClosedShadowRoot)', () => {
    const host = document.getElementById('widget')!;
    const root = host.attachShadow({ mode: 'closed' });
    const input = document.createElement('textarea');
    root.append(input);
    const g = globalThis as { chrome?: unknown };
    const before = g.chrome;
    g.chrome = { dom: { openOrClosedShadowRoot: (el: Element) => (el === host ? root : null) } };
    try {
      input.focus();
      expect(document.activeElement).toBe(host);
      // From outside, the event's target is the host: the closed root retargets it.
      const e = altShiftK(host);
      expect(e.defaultPrevented).toBe(false);
      expect(card.current).toBeUndefined();
      expect(cardHosts()).toBe(0);
    } finally {
      g.chrome = before;
    }
  });

  it('is left alone in a document in design mode', () => {
    Object.defineProperty(document, 'designMode', { value: 'on', configurable: true });
    const e = altShiftK(document.getElementById('a')!);
    expect(e.defaultPrevented).toBe(false);
    expect(card.current).toBeUndefined();
  });

  it('Escape typed in a field does not close a card', () => {
    altShiftK(document.body);
    expect(card.current?.name).toBe('Lazarus Group');
    const field = document.getElementById('field')!;
    field.focus();
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(card.current?.name).toBe('Lazarus Group');
  });

  it('outside fields it opens the card and takes the key', () => {
    const e = altShiftK(document.body);
    expect(e.defaultPrevented).toBe(true);
    expect(card.current?.name).toBe('Lazarus Group');
    expect(cardHosts()).toBe(1);
  });
});

describe('a card opened from the keyboard', () => {
  it('is not closed by the leave timer of the hover card before it', () => {
    const [lazarus] = scanner.state.spots;
    // Hover Lazarus Group until its card shows…
    scanner.state.under = lazarus;
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 10, clientY: 10 }));
    vi.advanceTimersByTime(300);
    expect(card.current?.name).toBe('Lazarus Group');
    // …leave it (the card is due to close)…
    scanner.state.under = undefined;
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 10, clientY: 80 }));
    vi.advanceTimersByTime(50);
    // …and ask for the next one from the keyboard before it closes.
    altShiftK(document.body);
    expect(card.current?.name).toBe('Wizard Spider');
    vi.advanceTimersByTime(1000);
    expect(card.current?.name).toBe('Wizard Spider');
  });

  it('stays while the pointer wanders over plain text', () => {
    altShiftK(document.body);
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 300, clientY: 300 }));
    vi.advanceTimersByTime(1000);
    expect(card.current?.name).toBe('Lazarus Group');
  });
});

describe('a card whose text goes', () => {
  it('closes when the page removes its text, and its element leaves the page', () => {
    altShiftK(document.body);
    expect(cardHosts()).toBe(1);
    document.getElementById('a')!.textContent = '(removed)';
    vi.advanceTimersByTime(400);
    expect(card.current).toBeUndefined();
    expect(cardHosts()).toBe(0);
  });

  it('closes when the text under it is rewritten to other words', () => {
    altShiftK(document.body);
    (document.getElementById('a')!.firstChild as Text).data = 'The threat actor Someone Else was seen.';
    vi.advanceTimersByTime(400);
    expect(card.current).toBeUndefined();
  });

  it('closes when the highlights are cleared', () => {
    altShiftK(document.body);
    scanner.state.spots = [];
    vi.advanceTimersByTime(400);
    expect(card.current).toBeUndefined();
    expect(cardHosts()).toBe(0);
  });

  it('stays while the page re-renders the same words', () => {
    altShiftK(document.body);
    const text = document.getElementById('a')!.firstChild as Text;
    text.data = String(text.data);
    vi.advanceTimersByTime(1000);
    expect(card.current?.name).toBe('Lazarus Group');
  });
});

describe('scroll events', () => {
  const scroll = (target: EventTarget) => target.dispatchEvent(new Event('scroll'));

  it('an element scrolling on its own elsewhere (a ticker) leaves the card open; one holding its text closes it', () => {
    const ticker = document.getElementById('widget')!;
    altShiftK(document.body);
    expect(card.current?.name).toBe('Lazarus Group');
    for (let i = 0; i < 5; i++) scroll(ticker);
    expect(card.current?.name).toBe('Lazarus Group');
    scroll(document.body);
    expect(card.current).toBeUndefined();
  });

  it('the page scrolling closes the card', () => {
    altShiftK(document.body);
    expect(card.current).toBeDefined();
    scroll(document);
    expect(card.current).toBeUndefined();
  });
});

describe('scrollMoves', () => {
  it('is true for the document, its scrolling element and elements holding the text (through shadow hosts)', () => {
    const text = document.getElementById('a')!.firstChild!;
    expect(scrollMoves(document, document, text)).toBe(true);
    expect(scrollMoves(document, document.documentElement, text)).toBe(true);
    expect(scrollMoves(document, document.body, text)).toBe(true);
    expect(scrollMoves(document, document.getElementById('a'), text)).toBe(true);
    expect(scrollMoves(document, document.getElementById('b'), text)).toBe(false);
    expect(scrollMoves(document, null, text)).toBe(true);
    const host = document.getElementById('widget')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>In a component: Sandworm</p>';
    const inner = root.querySelector('p')!.firstChild!;
    expect(scrollMoves(document, host, inner)).toBe(true);
    expect(scrollMoves(document, document.body, inner)).toBe(true);
    expect(scrollMoves(document, document.getElementById('a'), inner)).toBe(false);
  });
});

describe('text the reader cannot see', () => {
  it('is an empty clip rectangle on a positioned element, or clip-path: inset(50%)', () => {
    expect(clippedAway({ clip: 'rect(0px, 0px, 0px, 0px)', clipPath: 'none', position: 'absolute' })).toBe(true);
    expect(clippedAway({ clip: 'rect(1px, 1px, 1px, 1px)', clipPath: 'none', position: 'absolute' })).toBe(true);
    expect(clippedAway({ clip: 'auto', clipPath: 'inset(50%)', position: 'absolute' })).toBe(true);
    expect(clippedAway({ clip: 'rect(0px, 300px, 40px, 0px)', clipPath: 'none', position: 'absolute' })).toBe(false);
    expect(clippedAway({ clip: 'rect(0px, 0px, 0px, 0px)', clipPath: 'none', position: 'static' })).toBe(false); // clip applies to positioned boxes only
    expect(clippedAway({ clip: 'auto', clipPath: 'inset(10%)', position: 'static' })).toBe(false);
  });

  it('is asked of checkVisibility with the visibility and opacity checks', () => {
    const [lazarus] = scanner.state.spots;
    const el = lazarus!.range.startContainer.parentElement!;
    const asked = vi.spyOn(el, 'checkVisibility').mockReturnValue(false);
    expect(shown(lazarus!)).toBe(false);
    expect(asked).toHaveBeenCalledWith(expect.objectContaining({ visibilityProperty: true, opacityProperty: true }));
  });
});
