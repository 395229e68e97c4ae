/**
 * Keeps only the highlights near the viewport registered with the browser, once a page has many.
 *
 * Chromium checks every registered range again whenever the page's DOM changes. On a page that changes all the time
 * (a ticker, a clock, a live feed) with a few hundred highlights, that made the tab busy: main-thread time over 5 s
 * went from 0.5–0.8 s without ActorLens to 3.1–4.6 s with it (audit C, finding 1), the extension's own script being
 * ≈ 1 % of that. Ranges far from what the reader sees need not be registered: an IntersectionObserver on the
 * elements holding them registers a range when its element comes within MARGIN of the viewport and unregisters it
 * when it leaves. The spots themselves (what the popup and the report count) are not touched.
 *
 * An element with no box of its own (`display: contents`, which is also every `<slot>`'s default) never intersects
 * anything: observed, its ranges would be unregistered for good. When the observer first reports an element with an
 * empty box, its ranges move to the nearest element, in the flat tree (a slotted element's slot, a shadow root's
 * host), that has one (`boxedAncestor`); where none is found they simply stay registered. Styles are read only then,
 * not for every element painted in: reading them while a page is being scanned would make the browser compute them.
 */
import type { HighlightName } from './highlighter';
import { liveRange } from './ranges';

/** How far beyond the viewport, above and below, highlights stay registered (scrolling shows them at once). */
const MARGIN = '50% 0px';

export type Toggle = (range: AbstractRange, name: HighlightName, on: boolean) => void;

export class ViewportGate {
  private readonly byElement = new Map<Element, Map<AbstractRange, HighlightName>>();
  private readonly elementOf = new Map<AbstractRange, Element>();
  /** Elements the observer has reported on, and those of them near the viewport. */
  private readonly reported = new Set<Element>();
  private readonly near = new Set<Element>();
  /** Elements not reported on yet whose ranges are registered meanwhile (`track`'s `shown`). */
  private readonly shownUnreported = new Set<Element>();
  /**
   * Elements of ranges painted since the last showing, observed only at the next (`watchNew`). The browser works out
   * every observed element's intersection again in each frame after a new one is observed: observed as a long scan
   * painted them, the 5 MB page of bench:page cost 20 such frames during its first scan, 66 ms of main-thread time in
   * all in a trace (7–23 ms each as the elements grew to thousands), for reports nothing used until the highlights
   * were shown. Their near ranges are registered a frame after the showing, at the first report.
   */
  private readonly unwatched = new Set<Element>();
  private readonly observer: IntersectionObserver;

  constructor(
    win: Window & typeof globalThis,
    private readonly toggle: Toggle,
  ) {
    this.observer = new win.IntersectionObserver((entries) => this.onEntries(entries), { rootMargin: MARGIN });
  }

  /**
   * A range the painter has painted (registered already when `shown`, else not yet): from now on it is registered only
   * while its element is near. One on an element the observer has not reported on yet waits for that report (the
   * frame after the next `watchNew`) unregistered, unless `shown` (painted before the gate began, it may be on
   * screen). Registered at once, every range painted between two frames was in the next frame's rendering, to be let
   * go of only after it: the browser's work there grows with the ranges registered (a page script on the 5 MB page
   * of bench:page, its rules already in, thread time: 8,600 ranges registered in one frame made a 135–142 ms rendering
   * update, 1,000 ranges 40–45 ms, 100 ranges 22–33 ms). `holder`: the element holding the range's start, if known.
   */
  track(range: AbstractRange, name: HighlightName, shown = false, holder?: Element | null): void {
    const parent = holder !== undefined ? holder : range.startContainer.parentElement;
    const el = parent && this.boxOf.has(parent) ? this.boxOf.get(parent) : parent;
    if (!el) {
      if (!shown) this.toggle(range, name, true); // no element to watch: registered for good
      return;
    }
    this.elementOf.set(range, el);
    let ranges = this.byElement.get(el);
    if (!ranges) {
      this.byElement.set(el, (ranges = new Map()));
      // Shown already (the few painted before the gate began), it may be on screen: watched at once, so that the
      // reports take those far away out before the highlights are shown.
      if (shown) {
        this.observer.observe(el);
        this.shownUnreported.add(el);
      } else this.unwatched.add(el);
    }
    ranges.set(range, name);
    const on = this.reported.has(el) ? this.near.has(el) : this.shownUnreported.has(el);
    // A range not shown yet is registered only now, and only if it should be.
    if (shown ? !on : on) this.toggle(range, name, on);
  }

  /** Observes the elements of the ranges tracked since the last call (the painter shows its highlights). */
  watchNew(): void {
    for (const el of this.unwatched) if (this.byElement.has(el)) this.observer.observe(el);
    this.unwatched.clear();
  }

  untrack(range: AbstractRange): void {
    const el = this.elementOf.get(range);
    if (!el) return;
    this.elementOf.delete(range);
    const ranges = this.byElement.get(el);
    ranges?.delete(range);
    if (ranges && !ranges.size) {
      this.byElement.delete(el);
      this.reported.delete(el);
      this.near.delete(el);
      this.shownUnreported.delete(el);
      this.unwatched.delete(el);
      this.observer.unobserve(el);
    }
  }

  disconnect(): void {
    this.observer.disconnect();
    this.unwatched.clear();
    this.byElement.clear();
    this.elementOf.clear();
    this.reported.clear();
    this.near.clear();
    this.shownUnreported.clear();
  }

  /** Elements found to have no box: the element observed in their place (null: none, their ranges stay registered). */
  private readonly boxOf = new WeakMap<Element, Element | null>();

  /** `el` has no box: its ranges go to the nearest element that has one, or stay registered where there is none. */
  private rehome(el: Element, ranges: Map<AbstractRange, HighlightName>, box: Element | undefined): void {
    this.boxOf.set(el, box ?? null);
    this.byElement.delete(el);
    const shown = this.shownUnreported.delete(el);
    this.observer.unobserve(el);
    for (const [range, name] of ranges) {
      this.elementOf.delete(range);
      // Without a box to watch, a range is registered for good, as one with no element is.
      if (box) this.track(range, name, shown);
      else if (!shown) this.toggle(range, name, true);
    }
    // the box stands in for an element already shown: watched at once, not at the next showing
    this.watchNew();
  }

  private onEntries(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const el = entry.target;
      const ranges = this.byElement.get(el);
      if (!ranges) continue;
      const r = entry.boundingClientRect;
      // Text the page does not show (its element inside a `display: none` subtree) has no box to move to; asking its
      // element's style there costs time growing with its depth (the browser computes it, and its ancestors', on
      // demand): on a hidden tree 50,000 deep, 200 painted elements made one 360 ms task. Its text has no rectangles.
      if (!this.reported.has(el) && !entry.isIntersecting && !r.width && !r.height && textShown(ranges)) {
        const box = boxedAncestor(el);
        if (box !== el) {
          this.rehome(el, ranges, box);
          continue;
        }
      }
      const now = entry.isIntersecting;
      const was = this.reported.has(el) ? this.near.has(el) : this.shownUnreported.has(el);
      this.shownUnreported.delete(el);
      this.reported.add(el);
      if (now) this.near.add(el);
      else this.near.delete(el);
      if (now !== was) for (const [range, name] of ranges) this.toggle(range, name, now);
    }
  }
}

/** Does the first of these ranges have a box on the page (its text is laid out)? */
function textShown(ranges: Map<AbstractRange, HighlightName>): boolean {
  for (const range of ranges.keys()) return liveRange(range).getClientRects().length > 0;
  return false;
}

/**
 * The nearest element, from `el` up through the flat tree, that generates a box: `display: contents` elements (a
 * `<slot>` by default, a wrapper component styled `:host { display: contents }`) are passed over to their slot or
 * parent, and a shadow root's top elements to its host. Undefined when the walk finds none (the caller keeps the
 * ranges registered).
 */
export function boxedAncestor(el: Element): Element | undefined {
  for (let n: Element | null = el, steps = 0; n && steps < 64; steps++) {
    const style = n.ownerDocument.defaultView?.getComputedStyle(n);
    if (!style || style.display !== 'contents') return n;
    const parent: Node | null = n.assignedSlot ?? n.parentNode;
    n = !parent ? null : parent.nodeType === 1 ? (parent as Element) : parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : null;
  }
  return undefined;
}
