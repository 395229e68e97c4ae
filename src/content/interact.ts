/**
 * Pointer and keyboard access to highlights. Listeners are attached only once something is painted (and removed
 * when highlighting stops); they are passive and never cancel the page's own handling, except Escape and the
 * card shortcut while a card is open / when a highlight is there to show.
 *
 * - Hover: hit-test the pointer (highlightsFromPoint, else caret position + our range index), show the card
 *   after a short rest, keep it while the pointer travels into it, hide it when the pointer leaves both.
 * - Keyboard: Alt+Shift+K shows the card for the highlight at the caret/selection, or the next highlight in
 *   reading order (scrolled into view), with focus on its "Open in ActorLens" button; Escape closes and gives
 *   focus back. Scrolling the page (or an element holding the card's text) or resizing closes the card; other
 *   elements scrolling on their own (a ticker, a carousel) do not. Keys typed into a field, an editable element or a
 *   document in design mode are the reader's: never handled, never cancelled.
 * - A card whose text left the page (or whose highlights were cleared) closes on its own.
 */
import { isQuoteMark, topLayerHolder, type Card, type CardTarget } from './card';
import { pageIsDark } from './highlighter';
import type { Scanner, Spot } from './scanner';
import { compareStarts, liveRange, rangeHolds } from './ranges';

const HOVER_DELAY_MS = 220;
const LEAVE_DELAY_MS = 350;
/**
 * How often an open card checks that its text is still on the page. The page can remove it with the pointer at
 * rest and no event of ours firing; polling only while a card is open costs nothing the rest of the time and
 * needs no call from the scanner.
 */
const CHECK_MS = 300;
const FIELDS = new Set(['input', 'textarea', 'select']);

export const CARD_SHORTCUT = { key: 'K', altKey: true, shiftKey: true } as const;

export class Interaction {
  private attached = false;
  private frame = 0;
  private x = 0;
  private y = 0;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private candidate: CardTarget | undefined;
  private overCard = false;
  private lastStop: CardTarget | undefined;
  private controller: AbortController | undefined;
  private docWatch: MutationObserver | undefined;
  private dark: boolean | undefined;
  /** The open card came from the keyboard: pointer movement elsewhere does not close it. */
  private byKeyboard = false;
  /** What the shown spot's range read when the card opened; a different reading means the page rewrote it. */
  private shownText = '';
  private checkTimer: ReturnType<typeof setInterval> | undefined;
  private keyToken = 0;

  constructor(
    private readonly doc: Document,
    private readonly scanner: Scanner,
    private readonly card: Card,
  ) {}

  attach(): void {
    if (this.attached) return;
    this.attached = true;
    this.listen();
    // document.open() erases every listener on the document and its window, ours included, and empties the
    // document. An observer is not a listener and survives it: the document's own child list (doctype and root
    // element, so it hardly ever changes) tells when to listen again.
    this.docWatch = new MutationObserver(() => this.documentReplaced());
    this.docWatch.observe(this.doc, { childList: true });
  }

  detach(): void {
    this.attached = false;
    this.controller?.abort();
    this.controller = undefined;
    this.docWatch?.disconnect();
    this.docWatch = undefined;
    this.clearTimers();
    this.stopChecking();
    this.card.destroy();
  }

  private listen(): void {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const opts = { capture: true, passive: true, signal: controller.signal };
    this.doc.addEventListener('pointermove', (e) => this.onMove(e), opts);
    this.doc.addEventListener('pointerover', (e) => this.onOver(e), opts);
    // The text moved under the pointer: close, and let the next pointer move pick again.
    const away = () => {
      this.candidate = undefined;
      this.hide();
    };
    // Scroll events of every element reach this capturing listener: a ticker, a carousel or a chat pane scrolling on
    // its own elsewhere must not close the card (it would never stay open). Only a scroll that moves the highlighted
    // text does: the page's own, or that of an element holding the text.
    this.doc.addEventListener(
      'scroll',
      (e) => {
        const shown = this.card.target;
        if (this.card.owns(e.target)) return;
        if (shown && scrollMoves(this.doc, e.target, shown.range.startContainer)) {
          away();
          return;
        }
        if (this.candidate && scrollMoves(this.doc, e.target, this.candidate.range.startContainer)) this.candidate = undefined;
      },
      opts,
    );
    this.doc.defaultView?.addEventListener('resize', away, opts);
    this.doc.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal: controller.signal });
    // Focus leaving the card for the page (a click elsewhere) closes it, leaving the focus where the reader moved it;
    // the window losing focus (another tab, another application) does not. Tab out of it: onKey.
    this.doc.addEventListener('focusout', (e) => this.card.owns(e.target) && this.hideOnceFocusLeft(false), opts);
  }

  private documentReplaced(): void {
    this.clearTimers();
    this.candidate = undefined;
    this.lastStop = undefined;
    this.overCard = false;
    this.dark = undefined;
    this.hide();
    this.listen();
  }

  private show(target: CardTarget, options: { near?: { x: number; y: number }; focus?: boolean }): void {
    // The page may have taken our rules or highlights away since they were shown (scanner.keepPainted): a card for
    // a name the reader cannot see highlighted would make no sense.
    this.scanner.keepPainted();
    if (isQuoteMark(target)) {
      if (!this.scanner.orderedQuotes().includes(target)) return;
      this.card.showClaim(target, { dark: this.isDark(), ...options });
      this.afterShow(target, options);
      return;
    }
    let spot = target;
    // The spot picked may have been painted again since (its block read again once the page's context was known,
    // which happens just after the first scan): the card is for the one painted there now. None: the page was put in
    // design mode (keepPainted) or the text let go of.
    const now = this.scanner.current(spot);
    if (!now) return;
    spot = now;
    this.card.show(spot, { dark: this.isDark(), ...options });
    this.afterShow(spot, options);
  }

  private afterShow(target: CardTarget, options: { focus?: boolean }): void {
    this.byKeyboard = !!options.focus;
    this.shownText = liveRange(target.range).toString();
    this.checkTimer ??= setInterval(() => this.checkShown(), CHECK_MS);
  }

  /** After the focus has moved (next task): closes the card if it is no longer in it; `evenIfBlurred` when Tab moved it. */
  private hideOnceFocusLeft(evenIfBlurred: boolean): void {
    setTimeout(() => {
      if (!this.card.target || this.card.owns(this.doc.activeElement) || !(evenIfBlurred || this.doc.hasFocus())) return;
      this.hide(false);
    }, 0);
  }

  private hide(restoreFocus = true): void {
    this.card.hide(restoreFocus);
    this.byKeyboard = false;
    this.stopChecking();
  }

  private stopChecking(): void {
    if (this.checkTimer !== undefined) clearInterval(this.checkTimer);
    this.checkTimer = undefined;
  }

  /** Closes the card once its text is gone from the page, rewritten, or no longer highlighted at all. */
  private checkShown(): void {
    const spot = this.card.target;
    if (!spot) {
      this.stopChecking();
      return;
    }
    if (!this.stillThere(spot)) this.hide();
  }

  private stillThere(target: CardTarget): boolean {
    const r = target.range;
    if (!r.startContainer.isConnected || !r.endContainer.isConnected) return false;
    if (isQuoteMark(target) ? !this.scanner.orderedQuotes().includes(target) : !this.scanner.size) return false;
    const live = liveRange(r);
    return !live.collapsed && live.toString() === this.shownText;
  }

  private isDark(): boolean {
    this.dark ??= pageIsDark(this.doc, this.scanner.sampleElements());
    return this.dark;
  }

  private clearTimers(): void {
    if (this.showTimer !== undefined) clearTimeout(this.showTimer);
    if (this.hideTimer !== undefined) clearTimeout(this.hideTimer);
    this.showTimer = this.hideTimer = undefined;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private onOver(e: PointerEvent): void {
    this.overCard = this.card.owns(e.target);
    if (this.overCard && this.hideTimer !== undefined) {
      clearTimeout(this.hideTimer);
      this.hideTimer = undefined;
    }
  }

  private onMove(e: PointerEvent): void {
    this.x = e.clientX;
    this.y = e.clientY;
    if (this.card.owns(e.target)) return;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.test();
    });
  }

  private test(): void {
    // A name inside a marked passage keeps its own card: the passage's is for the rest of its text.
    const spot: CardTarget | undefined = this.scanner.hitTest(this.x, this.y) ?? this.scanner.quoteAt(this.x, this.y);
    const shown = this.card.target;
    if (spot && spot === shown) {
      if (this.hideTimer !== undefined) clearTimeout(this.hideTimer);
      this.hideTimer = undefined;
      return;
    }
    if (spot !== this.candidate) {
      this.candidate = spot;
      if (this.showTimer !== undefined) clearTimeout(this.showTimer);
      this.showTimer = undefined;
      if (spot) {
        this.showTimer = setTimeout(() => {
          this.showTimer = undefined;
          if (this.candidate === spot && spot.range.startContainer.isConnected) this.show(spot, { near: { x: this.x, y: this.y } });
        }, HOVER_DELAY_MS);
      }
    }
    if (shown && !spot && !this.overCard && !this.byKeyboard && this.hideTimer === undefined) {
      this.hideTimer = setTimeout(() => {
        this.hideTimer = undefined;
        if (!this.overCard && !this.byKeyboard) this.hide();
      }, LEAVE_DELAY_MS);
    }
  }

  /**
   * The key goes to something the reader is typing in: the event's innermost target (open shadow roots included),
   * or the element that has focus, followed into shadow roots, closed ones too (a closed root retargets the event to
   * its host, so its field is seen only that way).
   */
  private typing(e: KeyboardEvent): boolean {
    if (this.doc.designMode === 'on') return true;
    const target = e.composedPath()[0] ?? e.target;
    if (isField(target)) return true;
    const focused = deepFocus(this.doc);
    if (isField(focused)) return true;
    // Focus inside a shadow root the content script cannot see into (no chrome.dom here): it may be a field, and
    // the reader's keys come first.
    return !!focused && !canSeeClosedRoots() && focused.localName.includes('-') && !focused.shadowRoot;
  }

  private onKey(e: KeyboardEvent): void {
    // On macOS Option+Shift+K types a character, and Escape may be the field's own: the reader's keys stay theirs.
    if (this.typing(e)) return;
    // Tab from the card's button takes the focus out of it (to the page, or past its end to the browser): the card
    // closes, as it would on Escape, and the focus stays where Tab took it.
    if (e.key === 'Tab' && this.card.target && this.card.owns(e.target)) {
      this.hideOnceFocusLeft(true);
      return;
    }
    if (e.key === 'Escape' && this.card.target) {
      // Dismissed: the same highlight shows again only after the pointer has left it.
      this.hide();
      return;
    }
    const isShortcut = e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyK' || e.key.toUpperCase() === CARD_SHORTCUT.key);
    if (!isShortcut) return;
    if (this.card.target && !this.stillThere(this.card.target)) this.hide();
    const spot = this.spotAtSelection() ?? this.nextSpot();
    if (!spot) return;
    e.preventDefault();
    e.stopPropagation();
    // A hover pending from before the key press (a leave or a show) must not undo what the key asked for.
    this.clearTimers();
    this.candidate = undefined;
    const token = ++this.keyToken;
    const rect = liveRange(spot.range).getBoundingClientRect();
    if (rect.bottom < 0 || rect.top > innerHeight) {
      (spot.range.startContainer.parentElement ?? undefined)?.scrollIntoView({ block: 'center' });
      // Scrolling closes cards; show after the scroll event has gone by (unless another key press came first).
      setTimeout(() => {
        if (token === this.keyToken && spot.range.startContainer.isConnected) this.show(spot, { focus: true });
      }, 50);
      return;
    }
    this.show(spot, { focus: true });
  }

  /** The name at the caret, else the marked passage there (names win, as under the pointer). */
  private spotAtSelection(): CardTarget | undefined {
    const sel = this.doc.getSelection();
    if (!sel || !sel.rangeCount) return undefined;
    const at = sel.getRangeAt(0);
    const holds = (s: CardTarget) => rangeHolds(s.range, at.startContainer, at.startOffset) && s !== this.card.target;
    return this.scanner.ordered().find(holds) ?? this.scanner.orderedQuotes().find(holds);
  }

  /**
   * The keyboard's stops: the names and the marked passages, in reading order; a passage comes before the names it
   * starts with (stable sort, passages first).
   */
  private stops(): CardTarget[] {
    const quotes = this.scanner.orderedQuotes();
    const spots = this.scanner.ordered();
    return quotes.length ? [...quotes, ...spots].sort((a, b) => compareStarts(a.range, b.range)) : spots;
  }

  private nextSpot(): CardTarget | undefined {
    const spots = this.stops();
    if (!spots.length) return undefined;
    const visible = (s: CardTarget | undefined) => {
      const r = s ? liveRange(s.range).getBoundingClientRect() : undefined;
      return !!r && r.bottom > 0 && r.top < innerHeight;
    };
    // After the open card, else after the last keyboard stop while it is on screen, else the first one on screen.
    const from = this.card.target ?? (visible(this.lastStop) ? this.lastStop : undefined);
    let i = from ? spots.indexOf(from) + 1 : 0;
    if (!from) {
      i = spots.findIndex(visible);
      if (i < 0) i = 0;
    }
    // Text the page does not show (a closed menu, a hidden tab, display:none) has no box to point at: the card would
    // open in the corner for nothing the reader can see. Such stops are passed over.
    // While a modal dialog (or a fullscreen element) is up, the rest of the page is inert or covered: only the
    // names in it can be reached.
    const inTopLayer = anyModal(this.doc);
    for (let k = 0; k < spots.length; k++) {
      const spot = spots[(i + k) % spots.length]!;
      if (shown(spot) && (!inTopLayer || topLayerHolder(spot.range.startContainer))) return (this.lastStop = spot);
    }
    return undefined;
  }
}

/**
 * Does a scroll event from `target` move the text at `node`? Yes for the document's own scrolling (the event's
 * target is then the document) and for an element holding the text, through shadow roots to their hosts (a scroller
 * around a component holding it). An unknown target counts as yes.
 */
export function scrollMoves(doc: Document, target: EventTarget | null, node: Node): boolean {
  if (!target || typeof (target as Node).nodeType !== 'number') return true;
  const t = target as Node;
  if (t.nodeType === 9 || t === doc.scrollingElement || t === doc.documentElement) return true;
  for (let n: Node | null = node; n; n = n.parentNode ?? (n.nodeType === 11 ? (n as ShadowRoot).host ?? null : null)) if (n === t) return true;
  return false;
}

function isField(target: EventTarget | null | undefined): boolean {
  if (!target || (target as Node).nodeType !== 1) return false;
  const el = target as HTMLElement;
  return FIELDS.has(el.localName) || el.isContentEditable;
}

type ShadowLookup = (el: Element) => ShadowRoot | null;

/** chrome.dom.openOrClosedShadowRoot (Chromium content scripts) or Firefox's element.openOrClosedShadowRoot. */
function closedRootLookup(): ShadowLookup | undefined {
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: ShadowLookup } } }).chrome?.dom;
  if (typeof dom?.openOrClosedShadowRoot === 'function') return (el) => dom.openOrClosedShadowRoot!(el);
  return undefined;
}

function canSeeClosedRoots(): boolean {
  return !!closedRootLookup() || 'openOrClosedShadowRoot' in Element.prototype;
}

/** The element's shadow root, open or closed, where the content script may see it. */
function shadowRootOf(el: Element): ShadowRoot | null {
  const own = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (own) return own;
  if (el.shadowRoot) return el.shadowRoot;
  try {
    return closedRootLookup()?.(el) ?? null;
  } catch {
    return null;
  }
}

/** The element that has focus, followed down through shadow roots (open, and closed where they can be seen). */
export function deepFocus(doc: Document): Element | null {
  let el = doc.activeElement;
  for (let depth = 0; el && depth < 32; depth++) {
    const inner = shadowRootOf(el)?.activeElement;
    if (!inner || inner === el) break;
    el = inner;
  }
  return el;
}

function anyModal(doc: Document): boolean {
  try {
    return doc.querySelector(':modal') !== null;
  } catch {
    return false; // no :modal, no top layer
  }
}

/** Below this many pixels wide or high, what shows of a highlight is nothing the reader can see (sr-only text). */
const MIN_VISIBLE_PX = 2;

type Visibility = Element & { checkVisibility?: (options?: Record<string, boolean>) => boolean };

/**
 * Can the reader see the spot's text? Not under display:none, a hidden ancestor, visibility:hidden or opacity:0
 * (checkVisibility), nor where what is left of it after the clipping of its ancestors (overflow, `clip`,
 * `clip-path: inset(50%)`: the screen-reader-only patterns) is 2 px or less. Where the browser cannot tell (no
 * checkVisibility, no layout), it is.
 */
export function shown(spot: Pick<Spot, 'range'>): boolean {
  const el = spot.range.startContainer.parentElement as Visibility | null;
  if (!el || typeof el.checkVisibility !== 'function') return true;
  // Both spellings: opacityProperty/visibilityProperty, and their historic aliases.
  if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true, checkVisibilityCSS: true, checkOpacity: true })) return false;
  const rects = [...liveRange(spot.range).getClientRects()];
  if (!rects.length || rects.every((r) => !r.width && !r.height && !r.left && !r.top)) return true; // no layout to ask
  const view = el.ownerDocument.defaultView;
  if (!view) return true;
  let visible = rects.map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
  for (let a: Element | null = el, steps = 0; a && steps < 64 && visible.length; steps++) {
    const style = view.getComputedStyle(a);
    if (clippedAway(style)) return false;
    // Only boxes that cut their content off for good: a scroller (auto, scroll) can bring the text into view, as
    // can the page (the root's and the body's overflow are the viewport's).
    const cuts = (v: string) => v === 'hidden' || v === 'clip';
    const root = a === el.ownerDocument.documentElement || a === el.ownerDocument.body;
    const clipRect = style.clip.startsWith('rect(') && style.position !== 'static' && style.position !== 'relative';
    const cutX = !root && (clipRect || cuts(style.overflowX));
    const cutY = !root && (clipRect || cuts(style.overflowY));
    if (cutX || cutY) {
      const b = a.getBoundingClientRect();
      visible = visible
        .map((r) => ({
          left: cutX ? Math.max(r.left, b.left) : r.left,
          right: cutX ? Math.min(r.right, b.right) : r.right,
          top: cutY ? Math.max(r.top, b.top) : r.top,
          bottom: cutY ? Math.min(r.bottom, b.bottom) : r.bottom,
        }))
        .filter((r) => r.right - r.left > 0 && r.bottom - r.top > 0);
    }
    const up: Node | null = a.assignedSlot ?? a.parentNode;
    a = !up ? null : up.nodeType === 1 ? (up as Element) : up.nodeType === 11 ? ((up as ShadowRoot).host ?? null) : null;
  }
  return visible.some((r) => r.right - r.left > MIN_VISIBLE_PX && r.bottom - r.top > MIN_VISIBLE_PX);
}

/** `clip: rect(0 0 0 0)` (or any empty rectangle) and `clip-path: inset(50%)` leave nothing of the element to see. */
export function clippedAway(style: Pick<CSSStyleDeclaration, 'clip' | 'clipPath' | 'position'>): boolean {
  const clip = /^rect\(\s*(-?[\d.]+)px,?\s*(-?[\d.]+)px,?\s*(-?[\d.]+)px,?\s*(-?[\d.]+)px\s*\)$/.exec(style.clip);
  if (clip && style.position !== 'static' && style.position !== 'relative') {
    const [top, right, bottom, left] = clip.slice(1).map(Number) as [number, number, number, number];
    if (right - left <= MIN_VISIBLE_PX || bottom - top <= MIN_VISIBLE_PX) return true;
  }
  const inset = /^inset\(\s*(\d+(?:\.\d+)?)%/.exec(style.clipPath);
  return !!inset && Number(inset[1]) >= 50;
}
