// @vitest-environment happy-dom
/** Where no shadow root can be attached, the card shows nothing and throws nothing; its elements are HTML ones. */
import { afterEach, describe, expect, it, vi } from 'vitest';

import { Card } from '../../../src/content/card';
import type { Spot } from '../../../src/content/scanner';

vi.mock('../../../src/platform/browser', () => ({ browser: { i18n: { getMessage: () => '' } } }));

function spot(): Spot {
  document.body.innerHTML = '<p id="a">The threat actor Lazarus Group.</p>';
  const text = document.getElementById('a')!.firstChild!;
  const range = { startContainer: text, startOffset: 17, endContainer: text, endOffset: 30, collapsed: false } as AbstractRange;
  return { range, highlight: 'actorlens-actor', entityId: 'e-1', name: 'Lazarus Group', kind: 'actor', text: 'Lazarus Group', alias: 'Lazarus Group', reason: 'exact', possible: false } as Spot;
}

describe('Card without a shadow root', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows nothing and throws nothing when attachShadow fails', () => {
    const s = spot();
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(() => {
      throw new DOMException('This element does not support attachShadow', 'NotSupportedError');
    });
    const card = new Card(document, { fetch: async () => null, open: () => {} });
    expect(() => card.show(s, { dark: false, focus: true })).not.toThrow();
    expect(card.current).toBeUndefined();
    expect(document.querySelector('actorlens-card')).toBeNull();
  });

  it('makes its host in the HTML namespace', () => {
    const s = spot();
    const made = vi.spyOn(document, 'createElementNS');
    const card = new Card(document, { fetch: async () => null, open: () => {} });
    card.show(s, { dark: false });
    expect(made.mock.calls.some(([ns, tag]) => ns === 'http://www.w3.org/1999/xhtml' && tag === 'actorlens-card')).toBe(true);
    expect(card.current).toBe(s);
    card.destroy();
  });
});
