// @vitest-environment happy-dom
/** The viewport gate: which ranges are registered before and after the observer reports, and which element it observes. */
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

/** An IntersectionObserver the test reports through by hand. */
class FakeObserver {
  static last: FakeObserver | undefined;
  readonly observed = new Set<Element>();
  constructor(readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  report(el: Element, near: boolean) {
    const box = { width: 100, height: 20, top: 0, left: 0, right: 100, bottom: 20, x: 0, y: 0 };
    this.callback([{ target: el, isIntersecting: near, boundingClientRect: box } as unknown as IntersectionObserverEntry]);
  }
}

describe('ViewportGate', () => {
  const setup = () => {
    document.body.innerHTML = '<p id="top">Emotet at the top</p><p id="far">TrickBot far below</p>';
    const registered = new Set<AbstractRange>();
    const win = { IntersectionObserver: FakeObserver } as unknown as Window & typeof globalThis;
    const gate = new ViewportGate(win, (range, _name, on) => void (on ? registered.add(range) : registered.delete(range)));
    const rangeIn = (id: string) => {
      const text = document.getElementById(id)!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 6);
      return range;
    };
    return { gate, registered, rangeIn, io: FakeObserver.last! };
  };

  it('registers a range painted once the gate is on only when its element is reported near the viewport', () => {
    const { gate, registered, rangeIn, io } = setup();
    const top = rangeIn('top');
    const far = rangeIn('far');
    gate.track(top, 'actorlens-malware');
    gate.track(far, 'actorlens-malware');
    gate.watchNew();
    // Before the first report, neither is in the next frame's rendering.
    expect(registered.size).toBe(0);
    io.report(document.getElementById('top')!, true);
    io.report(document.getElementById('far')!, false);
    expect([...registered]).toEqual([top]);
    // A later range on an element known to be near is registered at once.
    const again = rangeIn('top');
    gate.track(again, 'actorlens-malware');
    expect(registered.has(again)).toBe(true);
  });

  it('observes the elements of ranges painted since the last showing only at the next, except those shown already', () => {
    const { gate, registered, rangeIn, io } = setup();
    const top = rangeIn('top');
    const far = rangeIn('far');
    registered.add(top);
    gate.track(top, 'actorlens-malware', true);
    gate.track(far, 'actorlens-malware');
    // a range on screen may need taking out before the highlights are shown; the scan's others wait for the showing
    expect([...io.observed]).toEqual([document.getElementById('top')]);
    gate.watchNew();
    expect(io.observed.size).toBe(2);
    io.report(document.getElementById('far')!, true);
    expect(registered.has(far)).toBe(true);
  });

  it('does not observe an element whose ranges were all let go of before the showing', () => {
    const { gate, rangeIn, io } = setup();
    const far = rangeIn('far');
    gate.track(far, 'actorlens-malware');
    gate.untrack(far);
    gate.watchNew();
    expect(io.observed.size).toBe(0);
  });

  it('keeps ranges painted before the gate began registered until their element is reported far', () => {
    const { gate, registered, rangeIn, io } = setup();
    const top = rangeIn('top');
    const far = rangeIn('far');
    registered.add(top).add(far);
    gate.track(top, 'actorlens-malware', true);
    gate.track(far, 'actorlens-malware', true);
    expect(registered.size).toBe(2);
    io.report(document.getElementById('top')!, true);
    io.report(document.getElementById('far')!, false);
    expect([...registered]).toEqual([top]);
  });
});
