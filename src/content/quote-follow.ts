/**
 * Looks again for the passages of the reader's claims when the page changes and some are not marked: an article
 * rendered after the first scan (a single-page app, "read more"), or re-rendered since (its marked text replaced).
 * Only after a change the scanner saw, later and later (a page that changes all the time, a ticker, is not read again
 * at every change: each look walks the whole page), and no more once every passage is marked or the delays are spent.
 */
export const FOLLOW_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000, 16_000];

export class QuoteFollower<Q> {
  private quotes: readonly Q[] = [];
  private tries = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** Marks the passages found (the scanner's paintQuotes). */
    private readonly paint: (quotes: readonly Q[]) => Promise<unknown>,
    /** How many are marked now. */
    private readonly marked: () => number,
    private readonly delays: readonly number[] = FOLLOW_DELAYS_MS,
  ) {}

  /** The passages asked for on this page (a new scan, a new view): the delays start again. */
  follow(quotes: readonly Q[]): void {
    this.stop();
    this.quotes = quotes;
    this.tries = 0;
  }

  /** The page changed: a look is due if a passage is missing. */
  changed(): void {
    if (this.timer !== undefined || !this.quotes.length || this.tries >= this.delays.length) return;
    if (this.marked() >= this.quotes.length) return;
    const quotes = this.quotes;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.tries++;
      if (quotes === this.quotes && this.marked() < quotes.length) void this.paint(quotes).catch(() => undefined);
    }, this.delays[this.tries]);
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.quotes = [];
  }
}
