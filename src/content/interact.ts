/**
 * Pointer and keyboard access to highlights. Listeners are attached only once something is painted (and removed
 * when highlighting stops); they are passive and never cancel the page's own handling, except Escape and the
 * card shortcut while a card is open / when a highlight is there to show.
 *
 * - Hover: hit-test the pointer (highlightsFromPoint, else caret position + our range index), show the card
 *   after a short rest, keep it while the pointer travels into it, hide it when the pointer leaves both.
 * - Keyboard: Alt+Shift+K shows the card for the highlight at the caret/selection, or the next highlight in
 *   reading order (scrolled into view), with focus on its "Open in ActorLens" button; Escape closes and gives
 *   focus back. Scrolling or resizing closes the card.
 */
import type { Card } from './card';
import { pageIsDark } from './highlighter';
import type { Scanner, Spot } from './scanner';
import { liveRange, rangeHolds } from './ranges';

const HOVER_DELAY_MS = 220;
const LEAVE_DELAY_MS = 350;

export const CARD_SHORTCUT = { key: 'K', altKey: true, shiftKey: true } as const;

export class Interaction {
  private attached = false;
  private frame = 0;
  private x = 0;
  private y = 0;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private candidate: Spot | undefined;
  private overCard = false;
  private lastStop: Spot | undefined;
  private readonly controller = new AbortController();
  private dark: boolean | undefined;

  constructor(
    private readonly doc: Document,
    private readonly scanner: Scanner,
    private readonly card: Card,
  ) {}

  attach(): void {
    if (this.attached) return;
    this.attached = true;
    const opts = { capture: true, passive: true, signal: this.controller.signal };
    this.doc.addEventListener('pointermove', (e) => this.onMove(e), opts);
    this.doc.addEventListener('pointerover', (e) => this.onOver(e), opts);
    // The text moved under the pointer: close, and let the next pointer move pick again.
    const away = () => {
      this.candidate = undefined;
      this.card.hide();
    };
    this.doc.addEventListener('scroll', away, opts);
    this.doc.defaultView?.addEventListener('resize', away, opts);
    this.doc.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal: this.controller.signal });
  }

  detach(): void {
    this.controller.abort();
    this.clearTimers();
    this.card.destroy();
  }

  private isDark(): boolean {
    this.dark ??= pageIsDark(this.doc);
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
    const spot = this.scanner.hitTest(this.x, this.y);
    const shown = this.card.current;
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
          if (this.candidate === spot && spot.range.startContainer.isConnected) {
            this.card.show(spot, { dark: this.isDark(), near: { x: this.x, y: this.y } });
          }
        }, HOVER_DELAY_MS);
      }
    }
    if (shown && !spot && !this.overCard && this.hideTimer === undefined) {
      this.hideTimer = setTimeout(() => {
        this.hideTimer = undefined;
        if (!this.overCard) this.card.hide();
      }, LEAVE_DELAY_MS);
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.card.current) {
      // Dismissed: the same highlight shows again only after the pointer has left it.
      this.card.hide();
      return;
    }
    const isShortcut = e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyK' || e.key.toUpperCase() === CARD_SHORTCUT.key);
    if (!isShortcut) return;
    const spot = this.spotAtSelection() ?? this.nextSpot();
    if (!spot) return;
    e.preventDefault();
    e.stopPropagation();
    const rect = liveRange(spot.range).getBoundingClientRect();
    if (rect.bottom < 0 || rect.top > innerHeight) {
      (spot.range.startContainer.parentElement ?? undefined)?.scrollIntoView({ block: 'center' });
      // Scrolling closes cards; show after the scroll event has gone by.
      setTimeout(() => this.card.show(spot, { dark: this.isDark(), focus: true }), 50);
      return;
    }
    this.card.show(spot, { dark: this.isDark(), focus: true });
  }

  private spotAtSelection(): Spot | undefined {
    const sel = this.doc.getSelection();
    if (!sel || !sel.rangeCount) return undefined;
    const at = sel.getRangeAt(0);
    return this.scanner.ordered().find((s) => rangeHolds(s.range, at.startContainer, at.startOffset) && s !== this.card.current);
  }

  private nextSpot(): Spot | undefined {
    const spots = this.scanner.ordered();
    if (!spots.length) return undefined;
    const visible = (s: Spot | undefined) => {
      const r = s ? liveRange(s.range).getBoundingClientRect() : undefined;
      return !!r && r.bottom > 0 && r.top < innerHeight;
    };
    // After the open card, else after the last keyboard stop while it is on screen, else the first one on screen.
    const from = this.card.current ?? (visible(this.lastStop) ? this.lastStop : undefined);
    let i = from ? spots.indexOf(from) + 1 : 0;
    if (!from) {
      i = spots.findIndex(visible);
      if (i < 0) i = 0;
    }
    this.lastStop = spots[i % spots.length];
    return this.lastStop;
  }
}
