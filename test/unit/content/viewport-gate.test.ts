// @vitest-environment happy-dom
/** The viewport gate observes an element with a box: display:contents elements and slots are passed over. */
import { describe, expect, it } from 'vitest';

import { boxedAncestor, ViewportGate } from '../../../src/content/viewport-gate';

describe('boxedAncestor', () => {
  it('is the element itself when it has a box', () => {
    document.body.innerHTML = '<p id="p">text</p>';
    expect(boxedAncestor(document.getElementById('p')!)).toBe(document.getElementById('p'));
  });

  it('passes over display:contents elements to the nearest parent with a box', () => {
    document.body.innerHTML = '<div id="d"><x-a style="display:contents"><x-b id="b" style="display:contents">text</x-b></x-a></div>';
    expect(boxedAncestor(document.getElementById('b')!)).toBe(document.getElementById('d'));
  });

  it('goes from a display:contents element at the top of a shadow root to its host', () => {
    document.body.innerHTML = '<x-host id="h"></x-host>';
    const host = document.getElementById('h')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<span id="s" style="display:contents">fallback</span>';
    expect(boxedAncestor(root.getElementById('s')!)).toBe(host);
  });
});

describe('ViewportGate', () => {
  /** A window whose IntersectionObserver reports only when the test says so. */
  function fakeWindow() {
    let report: (entries: IntersectionObserverEntry[]) => void = () => undefined;
    class FakeObserver {
      constructor(cb: (entries: IntersectionObserverEntry[]) => void) {
        report = cb;
      }
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    const win = { IntersectionObserver: FakeObserver } as unknown as Window & typeof globalThis;
    const rect = { width: 100, height: 20 } as DOMRectReadOnly;
    return { win, report: (el: Element, near: boolean) => report([{ target: el, isIntersecting: near, boundingClientRect: rect } as unknown as IntersectionObserverEntry]) };
  }
  const rangeIn = (el: Element) => {
    const r = document.createRange();
    r.selectNodeContents(el.firstChild!);
    return r;
  };

  it('keeps a range already shown registered until its element is reported, and makes a new one wait for the report', () => {
    document.body.innerHTML = '<p id="a">Lazarus</p><p id="b">TrickBot</p>';
    const [a, b] = [document.getElementById('a')!, document.getElementById('b')!];
    const { win, report } = fakeWindow();
    const on = new Map<AbstractRange, boolean>();
    const gate = new ViewportGate(win, (range, _name, state) => on.set(range, state));
    const shown = rangeIn(a);
    const fresh = rangeIn(b);
    gate.track(shown, 'actorlens-actor', true);
    gate.track(fresh, 'actorlens-actor');
    expect(on.has(shown)).toBe(false);
    expect(on.get(fresh)).toBe(false);
    report(b, true);
    expect(on.get(fresh)).toBe(true);
    report(a, false);
    expect(on.get(shown)).toBe(false);
    // An element reported before: a new range follows what is known of it.
    const later = rangeIn(a);
    gate.track(later, 'actorlens-actor');
    expect(on.get(later)).toBe(false);
    report(a, true);
    expect([on.get(shown), on.get(later)]).toEqual([true, true]);
    const more = rangeIn(a);
    gate.track(more, 'actorlens-actor');
    expect(on.get(more)).toBe(true);
  });
});
