// @vitest-environment happy-dom
/**
 * The card over a passage the reader quoted for a claim: pointing at the passage (where no name is) or reaching it
 * from the keyboard shows the claim, its source and a button opening the link; a name inside the passage keeps its
 * own card. Texts written for the tests.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import messages from '../../../assets/_locales/en/messages.json';
import { Card } from '../../../src/content/card';
import { Interaction } from '../../../src/content/interact';
import type { QuoteMark } from '../../../src/content/quote-anchors';
import type { Scanner, Spot } from '../../../src/content/scanner';
import type { PageQuote } from '../../../src/core/protocol';

/** The English messages with their placeholders filled, as the browser gives them. */
vi.mock('../../../src/platform/browser', async () => {
  const all = (await import('../../../assets/_locales/en/messages.json')).default as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
  return {
    browser: {
      i18n: {
        getMessage(key: string, subs?: string | string[]) {
          const m = all[key];
          if (!m) return '';
          const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
          return m.message.replace(/\$(\w+)\$/g, (_, name: string) => {
            const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
            return list[Number(content.slice(1)) - 1] ?? '';
          });
        },
      },
    },
  };
});

const QUOTE: PageQuote = {
  exact: 'the crew behind Ember Lynx bought the PaperKite foothold',
  claimId: 'c-1',
  linkId: 'ember-lynx~obtains-access-from~paperkite',
  from: { id: 'ember-lynx', name: 'Ember Lynx' },
  to: { id: 'paperkite', name: 'PaperKite' },
  relation: 'obtains-access-from',
  stance: 'supports',
  publisher: 'Quayside Threat Notes',
  date: '2026-09-14',
};

function textRange(id: string, part: string): AbstractRange {
  const text = document.getElementById(id)!.firstChild!;
  const at = text.textContent!.indexOf(part);
  return { startContainer: text, startOffset: at, endContainer: text, endOffset: at + part.length, collapsed: false } as AbstractRange;
}

function spotOf(id: string, name: string): Spot {
  return { range: textRange(id, name), highlight: 'actorlens-actor', entityId: `e-${name}`, name, kind: 'actor', text: name, alias: name, reason: 'exact', possible: false };
}

/** The scanner as Interaction sees it: names, marked passages, and what the test says is under the pointer. */
function fakeScanner(spots: Spot[], quotes: QuoteMark[]) {
  const state = { spots, quotes, under: undefined as Spot | undefined, underQuote: undefined as QuoteMark | undefined };
  const scanner = {
    get size() {
      return state.spots.length;
    },
    ordered: () => state.spots,
    orderedQuotes: () => state.quotes,
    hitTest: () => state.under,
    quoteAt: () => state.underQuote,
    sampleElements: () => [],
    keepPainted: () => undefined,
    current: (spot: Spot) => (state.spots.includes(spot) ? spot : undefined),
  } as unknown as Scanner;
  return { state, scanner };
}

let roots: ShadowRoot[] = [];
let opened: [string, string | undefined][] = [];
let card: Card;
let interaction: Interaction;
let fake: ReturnType<typeof fakeScanner>;
let mark: QuoteMark;

beforeEach(() => {
  vi.useFakeTimers();
  // The card's root is closed: the test keeps a hold of it as it is made, to read what the reader would see.
  roots = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  document.body.innerHTML = `<p id="p">In short, ${QUOTE.exact} a month later.</p><p id="q">Elsewhere Ember Lynx again.</p>`;
  mark = { range: textRange('p', QUOTE.exact) as Range, quote: QUOTE };
  fake = fakeScanner([spotOf('p', 'Ember Lynx'), spotOf('q', 'Ember Lynx')], [mark]);
  opened = [];
  card = new Card(document, { fetch: async () => null, open: (id, link) => opened.push([id, link]) });
  interaction = new Interaction(document, fake.scanner, card);
  interaction.attach();
});

afterEach(() => {
  interaction.detach();
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

const shownText = () => roots.at(-1)?.querySelector('.card')?.textContent ?? '';
const point = (x = 10, y = 10) => {
  document.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y }));
  vi.advanceTimersByTime(300);
};

describe('pointing at a marked passage', () => {
  it('shows the claim, its source and a button that opens the link', () => {
    fake.state.underQuote = mark;
    point();
    expect(card.target).toBe(mark);
    expect(card.current).toBeUndefined();
    const text = shownText();
    expect(text).toContain(messages.card_claim_kind.message);
    expect(text).toContain('Ember Lynx obtains access from PaperKite');
    expect(text).toContain('Quayside Threat Notes · 2026-09-14');
    roots.at(-1)!.querySelector('button')!.click();
    expect(opened).toEqual([['ember-lynx', QUOTE.linkId]]);
    expect(card.target).toBeUndefined();
  });

  it('says when the claim refutes the link, and where the source gave no publisher or date', () => {
    const { publisher: _p, date: _d, ...bare } = QUOTE;
    mark.quote = { ...bare, stance: 'refutes' };
    fake.state.underQuote = mark;
    point();
    const text = shownText();
    expect(text).toContain(`Ember Lynx obtains access from PaperKite${messages.card_claim_refutes.message}`);
    expect(text).toContain(messages.card_claim_no_source.message);
  });

  it('a name inside the passage keeps its own card', () => {
    fake.state.under = fake.state.spots[0];
    fake.state.underQuote = mark;
    point();
    expect(card.current?.name).toBe('Ember Lynx');
  });

  it('names and sentences from the data stay text', () => {
    mark.quote = { ...QUOTE, from: { id: 'x', name: '<img src=x onerror=alert(1)>' }, publisher: '<b>Bold</b>' };
    fake.state.underQuote = mark;
    point();
    const root = roots.at(-1)!;
    expect(root.querySelector('img, b')).toBeNull();
    expect(shownText()).toContain('<img src=x onerror=alert(1)> obtains access from PaperKite');
  });

  it('closes once the passage is no longer marked', () => {
    fake.state.underQuote = mark;
    point();
    expect(card.target).toBe(mark);
    fake.state.quotes = [];
    vi.advanceTimersByTime(400);
    expect(card.target).toBeUndefined();
  });
});

describe('from the keyboard', () => {
  const altShiftK = () => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'K', code: 'KeyK', altKey: true, shiftKey: true, bubbles: true, cancelable: true }));

  it('the passage is a stop before the names it holds, in reading order', () => {
    // The focus moves to the card's button: Chromium lets the content script see into the card's closed root (a field
    // there would be the reader's), so the next key press is ActorLens's.
    const g = globalThis as { chrome?: unknown };
    g.chrome = { dom: { openOrClosedShadowRoot: (el: Element) => (el.localName === 'actorlens-card' ? (roots.at(-1) ?? null) : null) } };
    try {
      const seen: string[] = [];
      for (let i = 0; i < 4; i++) {
        altShiftK();
        const target = card.target;
        seen.push(target && 'quote' in target ? 'passage' : `${card.current?.name} in #${(card.current?.range.startContainer.parentNode as Element).id}`);
      }
      expect(seen).toEqual(['passage', 'Ember Lynx in #p', 'Ember Lynx in #q', 'passage']);
    } finally {
      delete g.chrome;
    }
  });

  it('the caret in the passage, on no name, opens the claim with the focus on its button', () => {
    const text = document.getElementById('p')!.firstChild!;
    document.getSelection()!.collapse(text, text.textContent!.indexOf('bought'));
    altShiftK();
    expect(card.target).toBe(mark);
    expect(roots.at(-1)!.activeElement?.localName).toBe('button');
  });
});
