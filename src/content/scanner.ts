/**
 * Scans a document in slices, paints matches, follows the page as it changes, and keeps the per-page tally
 * that answers `actorlens:spotted`.
 *
 * - Slices: text is read in chunks and the scanner yields to the page whenever a slice has run for
 *   SLICE_MS, so no task it runs comes near 50 ms.
 * - Dynamic pages: one MutationObserver (document and every open shadow root) collects the blocks whose text
 *   changed; after a debounce only those are re-read, their old ranges dropped first; ranges whose text left the
 *   document are pruned. The observer ignores our own nodes, and the fallback painter's own mutations are taken
 *   from the queue and dropped, so painting can never trigger a scan. On very busy pages the debounce grows; text
 *   that held highlights and was rewritten in place is still read again before the next paint, within a budget
 *   (HOT_CHARS_PER_FRAME).
 */
import type { EntityKind } from '../core/model/entity';
import { createTextMemory, hasSecurityContext, type Match, type Matcher, type Prefilter, type MatchOptions, type TextMemory } from '../core/matcher/index';
import type { PageQuote, ScanStats, SpottedEntity, SpottedReport } from '../core/protocol';
import { buildMs, loadMatcher, loadPrefilter, releasePrefetched } from './knowledge';
import { textsUnderClearLayers } from './clear-layers';
import { blockOf, INLINE, insideSkipped, locateFrom, OWN_UI_ATTR, ownsMatchAt, textChunks, type TextChunk } from './extract';
import { anchorQuotesSliced, quoteTexts, rangeOf, type QuoteMark } from './quote-anchors';
import { compareStarts, liveRange, stillReads } from './ranges';
import type { Preread } from './preread';
import { nextFrame, yieldToPage } from './yield';
import { createPainter, highlightNameFor, LONG_TEXT, MARK_TAG, pageIsDark, RootRefs, StyleManager, type Colors, type HighlightName, type Painter } from './highlighter';

/**
 * One piece of text matched; a matcher error on it (a page's text reaching a bug) costs that piece, not the page: the
 * scan goes on, reaches `done`, and the rest of the page is highlighted.
 */
function matchSafely(m: Matcher, text: string, opts: MatchOptions): Match[] {
  try {
    return m.match(text, opts);
  } catch (error) {
    console.debug('ActorLens: a piece of text was not matched', error);
    return [];
  }
}

export interface ScanOptions {
  suppressed: string[];
  kinds: EntityKind[];
  possibleActors: boolean;
  colors: Colors;
}

/** What a painted range stands for (the card shows it). */
export interface Spot {
  /** A StaticRange with the highlight API (ranges.ts), a live Range with the fallback painter. */
  range: AbstractRange;
  highlight: HighlightName;
  entityId: string | null;
  name: string;
  kind: EntityKind;
  text: string;
  alias: string;
  reason: Match['reason'];
  possible: boolean;
  cue?: Match['cue'];
  rule?: string;
  linkedWith?: string;
}

/**
 * Characters matched per millisecond in this page so far, starting from a cold matcher's pace (≈ 1,000 per ms in a
 * fresh page at first; ≈ 30,000 warm).
 */
export class MatchRate {
  private chars = 0;
  private ms = 0;
  add(chars: number, ms: number): void {
    this.chars += chars;
    this.ms += ms;
  }
  get perMs(): number {
    return this.ms > 0 && this.chars > 0 ? Math.max(1, this.chars / this.ms) : 1_000;
  }
}

/** Per-phase time of the first full scan (ms), for the benchmark; index.ts adds settings and ranges. */
export type ScanPhases = Omit<ScanStats, 'settings' | 'ranges' | 'early'>;

/**
 * Most text read in one chunk (a chunk only ends at a block boundary). A chunk is matched as one text, so the
 * matcher's one-sense-per-text rules see an ordinary article (10–30,000 characters) at once. Not more: matched
 * cold, a 100,000-character chunk made tasks of 77–136 ms on the 5 MB page and was slower overall (npm run
 * bench:page, interleaved runs: 1 MB 100–124 ms with 32,000 against 173–193 ms with 100,000).
 */
export const CHUNK_CHARS = 32_000;

/** Text nodes a name may run over (one per letter at most: a name is never longer than 64 characters). */
const MAX_NAME_NODES = 64;
/** Blocks kept to be read again once the page has context (Scanner.unsure); past it, the whole page is. */
const MAX_UNSURE = 500;
/** Yield to the page once a slice has run this long. */
const SLICE_MS = 12;
/**
 * From this many elements reached by the rules (StyleManager.reach) the first highlights wait a frame after them.
 * The recalculation the rules cause costs ≈ 4–6 µs per element reached (page scripts on the pages of bench:page),
 * and painting the highlights comes on top: on the 1 MB page (≈ 7,000 elements, its article nearly all of them) the
 * two in one frame took 44–59 ms in three loads.
 */
const SPLIT_FRAME_ELEMENTS = 5_000;
/**
 * On a long scan, show what is painted so far at the first yield after this long, then at most once per this long
 * (and once more at the end). Each showing gives the browser the registered highlights to paint while the scan still
 * runs: on the 5 MB benchmark page, showing progress after 300 ms made `done` come at 523–539 ms against 385–428 ms
 * without (the time between slices 277–283 against 167–185 ms; two interleaved runs each). How much sooner the first
 * highlights appear with it was not measured. After a second it still tells the reader of a very long page that work
 * goes on. Until session 25 every yield past the first second showed (rewriting the rules where the scope had grown,
 * and having the viewport gate observe each slice's new elements, whose intersections the browser then works out in
 * every frame): a scan that takes over a second, as the 5 MB page's does on a slow or busy machine, paid that at each
 * of its slices.
 */
const SHOW_PROGRESS_MS = 1000;
/**
 * Matches painted between two looks at the slice's time. Painting costs ≈ 11 µs a match (a page of 20,000 names, each
 * in its own element): the 4,000 matches of one 32,000-character chunk painted at once made 84–138 ms tasks.
 */
const PAINT_BATCH = 500;
/** Debounce for mutations, growing on busy pages. */
const DEBOUNCE_MS = [150, 600, 2000];
/**
 * How often, while something is painted, the scanner checks that the page has not taken its rules or highlights away
 * (keepPainted): a look at a few registry entries and adopted-sheet lists, so cheap; and slow enough not to matter.
 */
const KEEP_MS = 2000;
/**
 * A timer this long overdue was cleared by the page: timer ids are shared with the page's own scripts, and a page
 * clearing every id it can guess (a "clear all timeouts" loop on a view change) clears ours. Left for lost, the
 * debounce never fired again and nothing the page added afterwards was read; the keep-painted check stopped too.
 */
const LOST_TIMER_MS = 1000;
/** Most changed text re-read per flush; the rest waits for the next one. */
const FLUSH_CHARS = 400_000;
/** Past this many changed blocks in one flush, re-read the whole document instead. */
const MAX_DIRTY = 400;

/** Also an element made editable after load: what it shows is the reader's work from then on. */
const MUTATIONS: MutationObserverInit = { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] };
/**
 * Text edited in place (a framework re-rendering a paragraph) of at most this many characters is read again at once,
 * before the browser paints, while the page is calm: its highlight would otherwise blink out for the debounce.
 */
const REREAD_AT_ONCE_CHARS = 2_000;
/**
 * Text that held highlights, rewritten in place, is read again before the next paint however busy the page is (the
 * debounce grows with any changes, a clock's included, and the name would blink out for 600–2,000 ms each render):
 * at most this many characters per such re-read, and on average no more than this per frame (16 ms; a burst of two
 * frames' worth), so a page rewriting a name every frame costs a bounded share of it. Past that, ranges whose text
 * still reads the same stay painted until the debounced flush reads the block.
 */
const HOT_CHARS_PER_FRAME = 2_000;

/**
 * A token bucket of characters: `take(n, now)` says whether `n` more characters may be read now, at most `rate` per
 * millisecond on average with bursts up to `burst`.
 */
export class CharBudget {
  private tokens: number;
  private at: number | undefined;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  take(n: number, now: number): boolean {
    if (this.at !== undefined && now > this.at) this.tokens = Math.min(this.burst, this.tokens + (now - this.at) * this.rate);
    if (this.at === undefined || now > this.at) this.at = now;
    if (n > this.tokens) return false;
    this.tokens -= n;
    return true;
  }
}

/** Characters of text under `root`, counted only up to just past `limit` (a block may be large). */
export function textLengthUpTo(root: Node, limit: number): number {
  if (root.nodeType === 3) return (root as Text).length;
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* SHOW_TEXT */);
  let n = 0;
  for (let t = walker.nextNode(); t && n <= limit; t = walker.nextNode()) n += (t as Text).length;
  return n;
}

function isOwnNode(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return el.localName === MARK_TAG || el.hasAttribute(OWN_UI_ATTR);
}

/** The subtree to re-read when `node` was added or changed: the node itself if it is a block, else its block. */
function scanRootOf(node: Node): Node {
  if (node.nodeType === 1 && !INLINE.has((node as Element).localName)) return node;
  return blockOf(node);
}

interface MatchedChunk {
  by: Matcher;
  text: string;
  nodes: Text[];
  context: boolean;
  ranges: AbstractRange[];
}

export class Scanner {
  private painter: Painter | undefined;
  /** The reader's quoted passages painted (paintQuotes). */
  private quoteMarks: QuoteMark[] = [];
  private readonly styles: StyleManager;
  private readonly spots = new Map<AbstractRange, Spot>();
  private tallied: SpottedEntity[] | undefined;
  private readonly byNode = new Map<Text, Set<AbstractRange>>();
  private readonly shadowRoots = new Set<ShadowRoot>();
  /**
   * Each chunk as it was last matched, with what was painted for it (scanRoots `reuse`): by its first text node, then
   * by where in that node it starts (the pieces of a long text node share it, see forgetRead).
   */
  private matched = new WeakMap<Text, Map<number, MatchedChunk>>();
  private observer: MutationObserver | undefined;
  private ready = false;
  private options: ScanOptions | undefined;
  private securityContext = false;
  /**
   * The page's text read while it had no security context, up to CHUNK_CHARS (its end): paragraphs a page adds one at a
   * time are judged together, as they would be had they been there at load (audit I, finding 2).
   */
  private contextSample = '';
  /**
   * Blocks read by earlier scans or updates while the page had no security context: read again once it has (a page
   * whose later paragraphs make it a security page reads its earlier ones as it would at load). At most MAX_UNSURE;
   * held weakly, so that what a feed removes is let go.
   */
  private unsure = new RootRefs<Node>();
  /** What the page's text has said so far, across its slices (the one-sense rules, MatchOptions.memory). */
  private memory: TextMemory = createTextMemory();
  /** How fast this page's matcher has matched so far (it starts cold, see `drain`). */
  private readonly matchRate = new MatchRate();
  private done = false;
  private scanMs = 0;
  private run = 0;
  private dirty = new Set<Node>();
  private prunePending = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When `timer` is due (LOST_TIMER_MS). */
  private timerDue = 0;
  private flushing = false;
  /** A flush is queued as a microtask (text edited in place, see REREAD_AT_ONCE_CHARS). */
  private soon = false;
  /** Blocks whose highlighted text was rewritten: read again in a microtask whatever the debounce (HOT_CHARS_PER_FRAME). */
  private hot = new Set<Node>();
  private hotSoon = false;
  private readonly hotBudget = new CharBudget(HOT_CHARS_PER_FRAME / 16, HOT_CHARS_PER_FRAME * 2);
  private recentFlushes: number[] = [];
  /** The check that what is painted is still shown (keepPainted): runs only while something is painted. */
  private keepTimer: ReturnType<typeof setInterval> | undefined;
  /** When keepTimer last ran (or was set). */
  private keptAt = 0;
  /** See watchDesignModeEnd. */
  private designWatch: ReturnType<typeof setInterval> | undefined;
  private lastSignature = '';
  readonly phases: ScanPhases = { start: 0, walk: 0, wait: 0, build: 0, filter: 0, match: 0, paint: 0, show: 0, slices: 0, yielded: 0, longestYield: 0, scriptStart: 0 };
  /** Called after each scan or update that changed what is painted. */
  onUpdate: ((scanner: Scanner) => void) | undefined;
  /** Called once, when the first range is painted. */
  onFirstPaint: (() => void) | undefined;
  /** Called after each flush of page changes (whether or not what is painted changed). */
  onFlushed: (() => void) | undefined;

  /** `highlightInheritance`: whether the browser is expected to have it (see StyleManager; checked on the page). */
  constructor(
    private readonly doc: Document,
    highlightInheritance = false,
  ) {
    this.styles = new StyleManager(doc, highlightInheritance);
  }

  /** First full scan; then follows the page. Resolves when the scan is applied. */
  async start(options: ScanOptions, startedAt: number, pre?: Preread): Promise<SpottedReport> {
    const run = ++this.run;
    this.phases.scriptStart = startedAt;
    this.options = options;
    this.ready = true;
    this.clear();
    this.securityContext = false;
    this.contextSample = '';
    this.unsure.clear();
    this.memory = createTextMemory();
    this.observe(this.doc);
    // A page in design mode is the reader's own document being edited: leave it alone.
    if (this.doc.designMode === 'on') {
      pre?.drop();
      this.watchDesignModeEnd();
      this.done = true;
      this.scanMs = performance.now() - startedAt;
      this.notify(true);
      return this.report();
    }
    const root = this.doc.body ?? this.doc.documentElement;
    await this.scanRoots([root], run, true, pre);
    releasePrefetched();
    if (run !== this.run) return this.report();
    const s0 = performance.now();
    // Where the rules reach many elements, the rules one frame before the highlights: the browser's recalculation of
    // the elements they name and its first painting of the highlights then fall in two frames, not one (on the 5 MB
    // page of bench:page, ≈ 100 ms each). Where they reach few (a small page, or the article of a large one) both fit
    // in one frame, and waiting would only delay `done`.
    if (this.styles.pending && !this.painter?.mutates && this.styles.reach() >= SPLIT_FRAME_ELEMENTS) {
      this.showStyles();
      await nextFrame(this.doc);
      if (run !== this.run) return this.report();
    }
    this.show();
    this.done = true;
    this.scanMs = performance.now() - startedAt;
    this.phases.show = performance.now() - s0;
    this.notify(true);
    return this.report();
  }

  /**
   * Marks the passages of the reader's claims on this page (quote-anchors.ts) with a highlight of their own, beneath
   * the names: in the document and its open shadow roots, as the names are. Not with the fallback painter, whose
   * marks would split the names' own. Returns how many were found.
   */
  async paintQuotes(quotes: readonly PageQuote[]): Promise<number> {
    if (!this.ready || (!quotes.length && !this.quoteMarks.length)) return 0;
    this.painter ??= createPainter(this.doc.defaultView as Window & typeof globalThis);
    const painter = this.painter;
    if (painter.mutates) return 0;
    const run = this.run;
    // The page is read again, a chunk per task: only on a page with claims. None left (deleted): the marks go.
    const texts = !quotes.length ? [] : await quoteTexts(this.doc.body ?? this.doc.documentElement, yieldToPage, () => run !== this.run || painter !== this.painter);
    if (!texts) return 0;
    // in slices too: a passage whose words a long page holds many thousand times took over 100 ms to place
    const anchors = await anchorQuotesSliced(texts, quotes, yieldToPage, () => run !== this.run || painter !== this.painter);
    if (!anchors) return 0;
    const marks: QuoteMark[] = [];
    for (const anchor of anchors) {
      const range = rangeOf(this.doc, anchor);
      if (!range) continue;
      // the same passage of the same claim keeps its mark, so a card open on it stays
      const same = this.quoteMarks.find((m) => m.quote.claimId === anchor.quote.claimId && sameBounds(m.range, range));
      if (same) same.quote = anchor.quote;
      marks.push(same ?? { range, quote: anchor.quote });
    }
    for (const m of this.quoteMarks) painter.remove('actorlens-quote', m.range);
    this.quoteMarks = [];
    for (const mark of marks) {
      const { range } = mark;
      this.styles.use('actorlens-quote');
      // the rules must reach the elements holding the passage's text (StyleManager.cover)
      const walker = this.doc.createTreeWalker(range.commonAncestorContainer, 4);
      walker.currentNode = range.startContainer;
      for (let t: Node | null = range.startContainer; t; t = t === range.endContainer ? null : walker.nextNode()) {
        if (t.nodeType === 3 && t.parentElement) this.styles.cover(t.parentElement);
      }
      const root = range.startContainer.getRootNode();
      this.styles.want(root.nodeType === 11 ? (root as ShadowRoot) : this.doc);
      if (painter.add('actorlens-quote', range)) this.quoteMarks.push(mark);
    }
    if (!this.quoteMarks.length) return 0;
    if (!this.styles.active) this.themeStyles();
    this.show();
    return this.quoteMarks.length;
  }

  /** The marked passage under a viewport point (names are asked first: hitTest), if any. */
  quoteAt(x: number, y: number): QuoteMark | undefined {
    const marks = this.quoteMarks.filter((m) => m.range.startContainer.isConnected && !m.range.collapsed);
    if (!marks.length) return undefined;
    const registry = (this.doc.defaultView?.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights as
      | (HighlightRegistry & { highlightsFromPoint?: (x: number, y: number, o?: { shadowRoots?: ShadowRoot[] }) => { ranges: AbstractRange[] }[] })
      | undefined;
    if (registry?.highlightsFromPoint) {
      // Painted text only: a range's client rects also hold the whole box of every element inside it.
      const hits = new Set(registry.highlightsFromPoint(x, y, { shadowRoots: [...this.shadowRoots] }).flatMap((h) => h.ranges));
      return marks.find((m) => hits.has(m.range));
    }
    return marks.find((m) => rangeContainsPoint(m.range, x, y));
  }

  /** The marked passages in document order (keyboard stops, with the names). */
  orderedQuotes(): QuoteMark[] {
    return this.quoteMarks.filter((m) => m.range.startContainer.isConnected && !m.range.collapsed).sort((a, b) => compareStarts(a.range, b.range));
  }

  /** Re-reads the whole page (manual rescan, single-page-app navigation), keeping what is still valid. */
  async rescan(): Promise<SpottedReport> {
    if (!this.ready || !this.options) return this.report();
    this.pruneDetached();
    await this.scanRoots([this.doc.body ?? this.doc.documentElement], this.run, false, undefined, true);
    this.show();
    // Always re-report: a rescan is asked for (manual rescan, new view), and the report is its answer.
    this.notify(true);
    return this.report();
  }

  stop(): void {
    this.run++;
    this.ready = false;
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.designWatch !== undefined) clearInterval(this.designWatch);
    this.designWatch = undefined;
    this.dirty.clear();
    this.clear();
    this.shadowRoots.clear();
    this.done = false;
  }

  get isDone(): boolean {
    return this.done;
  }

  report(): SpottedReport {
    return { done: this.done, scanMs: this.scanMs, matches: this.tally() };
  }

  /** Spots per entity and surface; kept until the spots change (asked for by every report and update). */
  tally(): SpottedEntity[] {
    if (this.tallied) return this.tallied;
    const tally = new Map<string, SpottedEntity>();
    for (const s of this.spots.values()) {
      const key = `${s.entityId ?? '?'}\u0000${s.text}`;
      const entry = tally.get(key);
      if (entry) entry.count++;
      else tally.set(key, { entityId: s.entityId, name: s.name, text: s.text, count: 1, kind: s.kind });
    }
    return (this.tallied = [...tally.values()]);
  }

  get size(): number {
    return this.spots.size;
  }

  /**
   * The spot painted now over the text `spot` was painted over: itself, or the one that took its place when its block
   * was read again (the page's context arrived, a rescan); undefined when there is none any more.
   */
  current(spot: Spot): Spot | undefined {
    if (this.spots.get(spot.range) === spot) return spot;
    const { startContainer, startOffset, endContainer, endOffset } = spot.range;
    for (const r of this.byNode.get(startContainer as Text) ?? []) {
      if (r.startContainer === startContainer && r.startOffset === startOffset && r.endContainer === endContainer && r.endOffset === endOffset) return this.spots.get(r);
    }
    return undefined;
  }

  /** Painted spots in document order (for keyboard navigation). */
  ordered(): Spot[] {
    return [...this.spots.values()]
      .filter((s) => s.range.startContainer.isConnected)
      .sort((a, b) => compareStarts(a.range, b.range));
  }

  /** The spot under a viewport point, if any. */
  hitTest(x: number, y: number): Spot | undefined {
    if (!this.spots.size) return undefined;
    const registry = (this.doc.defaultView?.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights as
      | (HighlightRegistry & { highlightsFromPoint?: (x: number, y: number, o?: { shadowRoots?: ShadowRoot[] }) => { ranges: AbstractRange[] }[] })
      | undefined;
    if (registry?.highlightsFromPoint && this.painter && !this.painter.mutates) {
      for (const hit of registry.highlightsFromPoint(x, y, { shadowRoots: [...this.shadowRoots] })) {
        for (const r of hit.ranges) {
          const spot = this.spots.get(r);
          if (spot) return spot;
        }
      }
      return this.spotAt(textsUnderClearLayers(this.doc, x, y), x, y);
    }
    const caret = caretAt(this.doc, x, y);
    return this.spotAt(caret?.node.nodeType === 3 ? [caret.node as Text] : textsUnderClearLayers(this.doc, x, y), x, y);
  }

  /** The spot painted in one of `texts` whose boxes hold the point. */
  private spotAt(texts: Text[], x: number, y: number): Spot | undefined {
    for (const text of texts) {
      for (const r of this.byNode.get(text) ?? []) {
        const spot = this.spots.get(r);
        if (spot && rangeContainsPoint(r, x, y)) return spot;
      }
    }
    return undefined;
  }

  // ------------------------------------------------------------------ scanning

  /**
   * Walks the roots in slices; text that gets past the prefilter is matched here, with the matcher built from the
   * stored dictionary. The dictionary is only read once some text needs it, and the walk goes on while it loads
   * (chunks wait in `pending`, each with the page's security context as it stood after that chunk).
   */
  /**
   * `reuse` (a rescan): a chunk whose text nodes and text are those it had when it was last matched, by the same
   * matcher (a new dictionary reads everything again) under the same page context, and whose highlights are all still
   * there, is left as it is rather than matched and painted again. A single-page app's new view or a manual rescan
   * re-read every chunk: on a 2 MB article five rescans took 0.7 s of main-thread time (0.12–0.16 s now).
   */
  private async scanRoots(roots: Node[], run: number, first: boolean, pre?: Preread, reuse = false): Promise<void> {
    const options = this.options!;
    const phases = this.phases;
    const queue = [...roots];
    // The first scan starts in a task of its own: the settings often arrive within the task that ran the script and
    // the pre-read's first slice (on the news-like page of bench:page, one 46 ms task held all three).
    if (first) {
      const y0 = performance.now();
      await yieldToPage();
      phases.start = performance.now() - y0;
      if (run !== this.run) return;
    }
    const scanStart = performance.now();
    let sliceStart = scanStart;
    /** When progress was last shown (SHOW_PROGRESS_MS). */
    let shownAt = scanStart;
    /**
     * Yields when the slice has run long enough, or would with `ahead` ms of work more; false when the scan was
     * superseded meanwhile.
     */
    const maybeYield = async (ahead = 0): Promise<boolean> => {
      const now = performance.now();
      if (now - sliceStart + ahead <= SLICE_MS || (ahead > 0 && now - sliceStart < 1)) return true;
      if (now - shownAt > SHOW_PROGRESS_MS) {
        this.show();
        shownAt = now;
      }
      const y0 = performance.now();
      await yieldToPage();
      if (run !== this.run) return false;
      sliceStart = performance.now();
      if (first) {
        phases.slices++;
        phases.yielded += sliceStart - y0;
        phases.longestYield = Math.max(phases.longestYield, sliceStart - y0);
      }
      return true;
    };
    // Asked for with the first chunk (the top frame asked at script start): a frame with no text (an ad's, a widget's)
    // never receives it.
    let prefilter: Prefilter | undefined;
    const matchOptions = { suppressed: options.suppressed, possibleActors: options.possibleActors };
    let matcher: Matcher | undefined;
    let loading: Promise<Matcher | undefined> | undefined;
    const pending: { chunk: TextChunk; root: Node; context: boolean }[] = [];
    /**
     * Every chunk of this scan with the number of possible actors confirmed when it was matched or skipped: a name a
     * later chunk confirms is looked for again in the earlier ones at the end (one sense per page, TextMemory).
     */
    const read: { chunk: TextChunk; root: Node; known: number; knownMalware: number }[] = [];
    /** The chunks of this scan read before the page had context (matched, or skipped by the prefilter). */
    const unsureHere: { chunk: TextChunk; root: Node; skipped: boolean }[] = [];
    const remember = (chunk: TextChunk, root: Node) => {
      if (options.possibleActors) read.push({ chunk, root, known: this.memory.confirmed.length, knownMalware: this.memory.confirmedMalware.length });
    };
    /** Matches and paints the waiting chunks, yielding between them; false when superseded. */
    const drain = async (m: Matcher): Promise<boolean> => {
      if (first) phases.build = buildMs;
      for (let item = pending.shift(); item; item = pending.shift()) {
        const { chunk, root, context } = item;
        const head = chunk.nodes[0];
        // A piece of a long text node is left as it is on any later read, a flush's too: a log appended to in place
        // changes only its last piece, and reading all of it again at each flush cost twice the main-thread time
        // (a log growing to 1.1 MB in 12 s, hidden so that its layout does not count: 0.60–0.63 s against 0.29–0.35 s).
        const before = (reuse || (!first && isPiece(chunk))) && head ? this.matched.get(head)?.get(pieceStart(chunk)) : undefined;
        if (before && before.by === m && before.context === context && before.text === chunk.text && sameItems(before.nodes, chunk.nodes) && before.ranges.every((r) => this.spots.has(r))) {
          remember(chunk, root);
          if (!(await maybeYield())) return false;
          continue;
        }
        // A chunk matched cold takes long (≈ 30 ms for 32,000 characters in a fresh page, against ≈ 1 ms warm): it
        // starts a slice of its own rather than join the walk that read it (one 52 ms task on the news-like page).
        if (!(await maybeYield(chunk.text.length / this.matchRate.perMs))) return false;
        const m0 = performance.now();
        const found = matchSafely(m, chunk.text, { ...matchOptions, memory: this.memory, ...(context ? { securityContext: true } : {}) });
        this.matchRate.add(chunk.text.length, performance.now() - m0);
        // Names that need no context, here and in what was read before, made it a security page (match.ts).
        if (!this.securityContext && this.memory.namesContext) this.securityContext = true;
        remember(chunk, root);
        let p0 = performance.now();
        if (first) phases.match += p0 - m0;
        if (!first) this.forgetRead(chunk);
        // A chunk cut inside a block holds the text around the cut twice (extract.ts ownsMatchAt): a name there is
        // painted by the chunk where it starts.
        const wanted = found.filter((x) => options.kinds.includes(x.kind) && ownsMatchAt(chunk, x.start));
        const ranges: AbstractRange[] = [];
        // Last first, as `paint` wants, PAINT_BATCH matches at a time with a yield between when the slice is spent.
        for (let end = wanted.length; end > 0; ) {
          const start = Math.max(0, end - PAINT_BATCH);
          ranges.push(...this.paint(chunk, start || end < wanted.length ? wanted.slice(start, end) : wanted, root));
          end = start;
          if (first) phases.paint += performance.now() - p0;
          if (end > 0) {
            if (!(await maybeYield())) return false;
            p0 = performance.now();
          }
        }
        if (head) {
          let pieces = this.matched.get(head);
          // A node of n characters is read in at most 2n / CHUNK_CHARS + 1 pieces (each cut past half a chunk): more
          // remembered means its text was rewritten, not added to, and the old pieces are let go of.
          if (!pieces || pieces.size > (2 * head.length) / CHUNK_CHARS + 2) this.matched.set(head, (pieces = new Map()));
          pieces.set(pieceStart(chunk), { by: m, text: chunk.text, nodes: chunk.nodes, context, ranges });
        }
        if (!(await maybeYield())) return false;
      }
      return true;
    };
    for (let root = queue.shift(); root; root = queue.shift()) {
      if (!root.isConnected) continue;
      if (insideSkipped(root)) {
        // Painted text the page moved into an editor (an editable root built around a paragraph, then filled with
        // it): it is the reader's to edit now. Made editable in place, it was let go of at once (onMutations).
        if (!first && this.byNode.size) this.forgetInside(root);
        continue;
      }
      const onShadowRoot = (shadow: ShadowRoot) => {
        if (this.shadowRoots.has(shadow)) {
          if (!first) queue.push(shadow);
          return;
        }
        this.shadowRoots.add(shadow);
        this.observe(shadow);
        queue.push(shadow);
      };
      // The first root of the first scan continues the walk begun before the settings arrived, if still valid.
      const taken = root === roots[0] ? pre?.take(onShadowRoot) : undefined;
      if (taken && first) {
        phases.walk += pre!.readMs;
        phases.yielded += pre!.yieldedMs;
        phases.longestYield = Math.max(phases.longestYield, pre!.longestYieldMs);
      }
      // Text painted before that the page has since moved into an editor is let go of where the walk passes it by.
      const onSkipped = first ? undefined : (el: Element) => this.byNode.size && this.forgetInside(el);
      const chunks = taken ?? textChunks(root, CHUNK_CHARS, onShadowRoot, onSkipped);
      for (;;) {
        const r0 = performance.now();
        const next = chunks.next();
        if (first) phases.walk += performance.now() - r0;
        if (next.done) break;
        const chunk = next.value;
        if (!prefilter) {
          const w0 = performance.now();
          prefilter = await loadPrefilter();
          if (first) phases.wait += performance.now() - w0;
          if (run !== this.run || !prefilter) return; // no dictionary anywhere: nothing to spot
        }
        const f0 = performance.now();
        if (!this.securityContext && this.contextIn(chunk.text)) this.securityContext = true;
        const skip = !prefilter.mayMatch(chunk.text, { possibleActors: options.possibleActors, securityContext: this.securityContext });
        if (first) phases.filter += performance.now() - f0;
        if (!this.securityContext) unsureHere.push({ chunk, root, skipped: skip });
        if (skip) {
          if (!first) this.forgetRead(chunk);
          remember(chunk, root);
        } else {
          pending.push({ chunk, root, context: this.securityContext });
          loading ??= loadMatcher().then((m) => (matcher = m));
        }
        if (matcher && !(await drain(matcher))) return;
        if (!(await maybeYield())) return;
      }
    }
    // The page got its context only now: what this scan read before is read again with it.
    if (this.securityContext && unsureHere.length && prefilter) {
      // A chunk not matched yet (the matcher loads while the walk goes on) is still waiting in `pending`: queued again,
      // it was matched and painted twice, and a first scan, which lets go of nothing before painting, counted each of
      // its names twice (a plain-text advisory whose context came with its last piece).
      const waiting = new Map(pending.map((item) => [item.chunk, item]));
      for (const { chunk, root, skipped } of unsureHere) {
        if (skipped && !prefilter.mayMatch(chunk.text, { possibleActors: options.possibleActors, securityContext: true })) continue;
        const queued = waiting.get(chunk);
        if (queued) {
          queued.context = true;
          continue;
        }
        this.forgetRead(chunk);
        this.matched.get(chunk.nodes[0]!)?.delete(pieceStart(chunk));
        pending.push({ chunk, root, context: true });
      }
      if (pending.length) loading ??= loadMatcher().then((m) => (matcher = m));
    }
    this.noteUnsure(unsureHere, roots);
    if (!loading) return; // nothing got past the prefilter, so no possible actor was confirmed either
    const l0 = performance.now();
    const awaited = !matcher;
    const m = matcher ?? (await loading);
    if (first) {
      // Building happened inside that wait when the matcher was not ready yet; it has its own column.
      phases.wait += Math.max(0, performance.now() - l0 - (awaited ? buildMs : 0));
    }
    if (run !== this.run || !m) return;
    if (!(await drain(m))) return;
    // A possible actor or malware confirmed by a cue further down the page: its bare mentions in the chunks read before
    // (matched without it, or cleared by the prefilter, which knows only the dictionary) are spotted too.
    const names = this.memory.confirmed;
    const malware = this.memory.confirmedMalware;
    const newIn = (list: string[], known: number, text: string) => known < list.length && list.slice(known).some((name) => text.includes(name));
    for (const { chunk, root, known, knownMalware } of read) {
      if (!newIn(names, known, chunk.text) && !newIn(malware, knownMalware, chunk.text)) continue;
      this.forgetRead(chunk);
      this.matched.get(chunk.nodes[0]!)?.delete(pieceStart(chunk));
      pending.push({ chunk, root, context: this.securityContext });
    }
    read.length = 0;
    if (pending.length) await drain(m);
    // Names matched last may have given the page its context: what was read without it is read again, this scan's
    // blocks too (their chunks were matched before the context came).
    this.noteUnsure([], []);
  }

  /**
   * The page's text read without context so far, with `text`: does it have security context now? (Judged over the
   * last CHUNK_CHARS characters read, as one text.)
   */
  private contextIn(text: string): boolean {
    const sample = this.contextSample ? `${this.contextSample}\n${text}` : text;
    this.contextSample = sample.length > CHUNK_CHARS ? sample.slice(sample.length - CHUNK_CHARS) : sample;
    return hasSecurityContext(this.contextSample);
  }

  /**
   * Keeps the blocks of `chunks` (read without context) for later, or, once the page has context, has the blocks kept
   * so far read again (the debounced flush), except `reread`, whose chunks this scan reads again itself.
   */
  private noteUnsure(chunks: readonly { root: Node }[], reread: readonly Node[]): void {
    if (!this.securityContext) {
      for (const { root } of chunks) this.unsure.add(root);
      if (this.unsure.size > MAX_UNSURE) {
        this.unsure.clear();
        this.unsure.add(this.doc.body ?? this.doc.documentElement);
      }
      return;
    }
    if (!this.unsure.size) return;
    for (const root of this.unsure.alive()) if (root.isConnected && !reread.includes(root)) this.dirty.add(root);
    this.unsure.clear();
    if (this.dirty.size) this.schedule();
  }

  /** Paints the matches of a chunk; returns the ranges painted. */
  private paint(chunk: TextChunk, matches: Match[], root: Node): AbstractRange[] {
    const added: AbstractRange[] = [];
    this.painter ??= createPainter(this.doc.defaultView as Window & typeof globalThis);
    const painter = this.painter;
    const rootNode = root.getRootNode() as Document | ShadowRoot;
    if (painter.mutates) this.takeMutations();
    // Last first: the fallback splits text nodes, and earlier offsets must stay valid.
    // Matches come sorted, so the node cursor only steps back a little per match (no search per offset).
    let hint = chunk.nodes.length - 1;
    let styled = false;
    // Each call into the DOM from the content script's world costs (a returned node is looked up in that world's
    // wrappers): what this loop already knows (the range's nodes, whether it is empty, the last element covered) is
    // not asked again. On the 1 MB page of bench:page (1,721 names), painting took ≈ 13 µs a name.
    let covered: Element | null = null;
    for (let i = matches.length - 1; i >= 0; i--) {
      const m = matches[i]!;
      const end = locateFrom(chunk, m.end, true, hint);
      const start = locateFrom(chunk, m.start, false, end ? end.index : hint);
      if (start) hint = start.index;
      if (!start || !end) continue;
      let range: AbstractRange | undefined;
      try {
        if (painter.mutates) {
          const live = this.doc.createRange();
          live.setStart(start.node, start.offset);
          live.setEnd(end.node, end.offset);
          if (live.collapsed) continue;
          range = live;
        } else {
          // A StaticRange is collapsed exactly when its two boundary points are the same.
          if (start.node === end.node && start.offset === end.offset) continue;
          range = new StaticRange({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset });
        }
      } catch {
        continue; // the text changed since it was read; the observer re-reads it
      }
      const highlight = highlightNameFor(m.kind, m.possible === true, Math.max(start.node.length, end.node.length) > LONG_TEXT);
      // Rules for the highlights in use, and in the document on the tags holding painted text: every text node of the
      // range (StyleManager).
      this.styles.use(highlight);
      const holder = start.node.parentElement;
      if (rootNode === this.doc) {
        for (let i = start.index; i <= end.index; i++) {
          const el = i === start.index ? holder : chunk.nodes[i]!.parentElement;
          // the same element twice in a row (names in one paragraph, a name over two nodes) is covered once
          if (el && el !== covered) this.styles.cover((covered = el));
        }
      }
      // Styles go in when this root's first highlights are shown (`show`), not before (no trace on a page with
      // nothing spotted); the fallback's marks show at once, and so must their styles.
      if (!styled) {
        this.styles.want(rootNode.nodeType === 11 ? rootNode : this.doc);
        if (painter.mutates) this.showStyles();
        styled = true;
      }
      const made = range;
      range = painter.add(highlight, range, holder);
      if (!range) continue;
      added.push(range);
      // One object shape for every spot (optional fields present, possibly undefined).
      const spot: Spot = {
        range,
        highlight,
        entityId: m.entityId,
        name: m.name,
        kind: m.kind,
        text: m.text,
        alias: m.alias,
        reason: m.reason,
        possible: m.possible === true,
        cue: m.cue,
        rule: m.rule,
        linkedWith: m.linkedWith,
      };
      this.spots.set(range, spot);
      this.tallied = undefined;
      // The fallback painter re-anchors the range on the text it wrapped; the highlight painter keeps the one made here.
      const first = range === made ? start.node : (range.startContainer as Text);
      const last = range === made ? end.node : (range.endContainer as Text);
      this.index(first, range);
      if (last !== first) this.index(last, range);
      if (this.spots.size === 1) this.onFirstPaint?.();
    }
    if (painter.mutates) this.observer?.takeRecords();
    return added;
  }

  /** Shows what was painted since the last time: the styles it needs, then the highlights. */
  private show(): void {
    this.styles.updateScope();
    this.showStyles();
    this.styles.restore();
    this.painter?.commit();
    this.watchPainted();
  }

  /**
   * Puts back what the page took away from painted highlights: our rules (a page assigning `adoptedStyleSheets`) and
   * our registrations (`CSS.highlights.clear()`). Nothing tells us when that happens, so this runs at the moments
   * ActorLens acts anyway (each flush, a card opening, a highlight coming into view) and every KEEP_MS while
   * something is painted; never on a page with nothing spotted. Each thing is put back within a budget
   * (Reassertions): a page taking it away again at once is not fought in a loop.
   */
  keepPainted(): void {
    if (!this.spots.size || !this.painter || this.inDesignMode()) return;
    if (!this.styles.scopeHolds()) this.styles.rescope(this.holders());
    this.styles.restore();
    this.painter.restore();
  }

  private watchPainted(): void {
    if (this.spots.size && this.painter && !this.painter.mutates) {
      if (this.keepTimer !== undefined && performance.now() - this.keptAt > KEEP_MS + LOST_TIMER_MS) this.unwatchPainted();
      if (this.keepTimer === undefined) this.keptAt = performance.now();
      this.keepTimer ??= setInterval(() => {
        this.keptAt = performance.now();
        this.keepPainted();
      }, KEEP_MS);
    } else this.unwatchPainted();
  }

  private unwatchPainted(): void {
    if (this.keepTimer !== undefined) clearInterval(this.keepTimer);
    this.keepTimer = undefined;
  }

  /**
   * Adopts the rules into the roots that got their first highlights. Deferred to here rather than done at the first
   * painted range: adding rules makes the browser recompute the style of the elements they name, so they go in once
   * the scan knows which tags and highlights it needs, not once per new tag or kind met mid-scan (on the 5 MB page
   * of bench:page the time between the scan's slices doubled, to 283–330 ms, with rules growing as it went).
   */
  private showStyles(): void {
    if (!this.styles.pending) return;
    if (!this.styles.active) this.themeStyles();
    this.styles.adoptPending();
  }

  /**
   * Light-page colours at once; whether the page is dark is read after the next frame, when its style is clean
   * (reading computed style now would force a style recalculation of the whole page inside our task).
   */
  private themeStyles(): void {
    this.styles.setColors(this.options!.colors);
    const run = this.run;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (run === this.run && this.styles.active) {
          const samples = this.sampleElements();
          this.styles.settle(pageIsDark(this.doc, samples), samples);
        }
      }, 0),
    );
  }

  /** The elements of the document holding painted text. */
  private *holders(): Generator<Element> {
    for (const node of this.byNode.keys()) {
      const el = node.parentElement;
      if (el && node.getRootNode() === this.doc) yield el;
    }
  }

  /**
   * Up to five elements holding painted text, spread over the spots (where the reader sees highlights). Only elements
   * the page shows: hidden text (counted, README) has no background the reader sees, and the style of an element in a
   * `display: none` subtree is computed on demand, with all its ancestors', each time it is asked for. Climbing from
   * one such element to the root (pageIsDark) cost time growing with the square of its depth: a hidden tree 5,000
   * deep made a 1.3 s task, 50,000 deep one of over 100 s. `checkVisibility` answers in 0.1 ms there.
   */
  sampleElements(): Element[] {
    const all = [...this.byNode.keys()];
    // Twenty candidates spread over the spots, the first five shown taken (each look costs a little).
    const step = Math.max(1, Math.floor(all.length / 20));
    const out: Element[] = [];
    for (let i = 0; i < all.length && out.length < 5 && i < 20 * step; i += step) {
      const el = all[i]!.parentElement;
      if (el && shown(el)) out.push(el);
    }
    return out;
  }

  private index(node: Text, range: AbstractRange): void {
    let set = this.byNode.get(node);
    if (!set) this.byNode.set(node, (set = new Set()));
    set.add(range);
  }

  /**
   * Drops the spots on the text `chunk` read (it is about to be matched again). A text node too long for one chunk (a
   * plain-text document, a log appended to in place) is read in pieces, each its own chunk: a piece lets go of the
   * spots on its own part of the node only. Dropping all the node's spots dropped what the earlier pieces had just
   * painted: once the node outgrew a chunk only the last piece's names stayed (counted and painted), after a rescan,
   * an update, or a first scan that found the page's context past the first piece.
   */
  private forgetRead(chunk: TextChunk): void {
    const { nodes, starts } = chunk;
    // The chunk's own part of the text, in its offsets: a chunk cut inside a block reads the text around the cut
    // twice, and each name there was painted by the chunk where it starts (extract.ts ownsMatchAt).
    const lo = chunk.ownFrom ?? 0;
    const hi = chunk.ownTo ?? (chunk.cutInLast ? chunk.text.length : Infinity);
    if (lo <= 0 && hi === Infinity && (starts[0] ?? 0) >= 0) {
      this.forget(nodes);
      return;
    }
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const ranges = this.byNode.get(node);
      if (!ranges) continue;
      for (const r of [...ranges]) {
        let at = starts[i]!;
        if (r.startContainer === node) {
          at += r.startOffset;
        } else if (startsIn(nodes, r.startContainer, i)) {
          continue; // judged at the node where it starts
        }
        // (A range from a node before the chunk counts from the start of this one.)
        if (at >= lo && at < hi) this.drop(r);
      }
    }
  }

  /** Drops every spot that touches these text nodes (they are about to be re-read). */
  private forget(nodes: Iterable<Text>): void {
    for (const node of nodes) {
      const ranges = this.byNode.get(node);
      if (!ranges) continue;
      for (const r of ranges) this.drop(r);
    }
  }

  private drop(range: AbstractRange): void {
    const spot = this.spots.get(range);
    if (!spot) return;
    this.spots.delete(range);
    this.tallied = undefined;
    this.painter?.remove(spot.highlight, range);
    for (const node of [range.startContainer, range.endContainer, spot.range.startContainer]) {
      const set = this.byNode.get(node as Text);
      if (set) {
        set.delete(range);
        if (!set.size) this.byNode.delete(node as Text);
      }
    }
  }

  /**
   * Drops every spot inside `el` (made editable, or moved into something editable). Looks through whichever is
   * smaller, the text under `el` or the painted nodes: an editor holding a long document, or a page with thousands of
   * names and a comment box, is passed by at each walk of the page.
   */
  private forgetInside(el: Node): void {
    let stale: AbstractRange[] = el.nodeType === 3 ? [...(this.byNode.get(el as Text) ?? [])] : [];
    const walker = this.doc.createTreeWalker(el, 4 /* SHOW_TEXT */);
    let left = this.byNode.size;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (--left < 0) {
        stale = [];
        for (const [node, ranges] of this.byNode) if (el.contains(node)) stale.push(...ranges);
        break;
      }
      const ranges = this.byNode.get(t as Text);
      if (ranges) stale.push(...ranges);
    }
    for (const r of stale) this.drop(r);
    if (stale.length) this.notify(false);
  }

  /** Removes spots whose text left the document (or was rewritten under them). */
  private pruneDetached(): void {
    const stale: AbstractRange[] = [];
    for (const [node, ranges] of this.byNode) {
      if (!node.isConnected) stale.push(...ranges);
    }
    for (const r of stale) this.drop(r);
    // A fully collapsed range means its text was replaced in place.
    for (const [r] of this.spots) if (r.collapsed) this.drop(r);
    // Components the page removed (a feed's items): holding their shadow roots would hold their whole subtrees.
    // One put back is found again by the walk of its new place (onShadowRoot).
    for (const shadow of this.shadowRoots) if (!shadow.host.isConnected) this.shadowRoots.delete(shadow);
  }

  private clear(): void {
    this.unwatchPainted();
    this.matched = new WeakMap();
    if (this.painter?.mutates) this.takeMutations();
    this.painter?.clear();
    if (this.painter?.mutates) this.observer?.takeRecords();
    this.painter = undefined;
    this.quoteMarks = [];
    this.styles.clear();
    this.spots.clear();
    this.tallied = undefined;
    this.byNode.clear();
    this.done = false;
    this.lastSignature = '';
  }

  // ------------------------------------------------------------------ following the page

  private observe(root: Document | ShadowRoot): void {
    this.observer ??= new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(root, MUTATIONS);
  }

  /**
   * A page put in design mode after load is being edited (an editor frame, the reader's "edit this page"): what is
   * there is the reader's work, so everything painted goes. Setting `designMode` changes no node, so besides the
   * page's next change this is looked at where what is painted is checked anyway (keepPainted: within KEEP_MS, or
   * as a card would open); the highlights stayed until the first key typed before.
   */
  private inDesignMode(): boolean {
    if (this.doc.designMode !== 'on') return false;
    this.dirty.clear();
    if (this.spots.size) {
      this.clear();
      this.done = true;
      this.notify(true);
    }
    this.watchDesignModeEnd();
    return true;
  }

  /**
   * Looks every KEEP_MS (only while the page is in design mode) for the reader to have switched editing off: the page
   * is then read again, as a page; it stayed bare until it changed.
   */
  private watchDesignModeEnd(): void {
    this.designWatch ??= setInterval(() => {
      if (this.doc.designMode === 'on') return;
      clearInterval(this.designWatch);
      this.designWatch = undefined;
      if (!this.ready) return;
      this.dirty.add(this.doc.body ?? this.doc.documentElement);
      this.schedule();
    }, KEEP_MS);
  }

  /** Handles queued page mutations now (before the fallback painter mutates the DOM itself). */
  private takeMutations(): void {
    const records = this.observer?.takeRecords();
    if (records?.length) this.onMutations(records);
  }

  private onMutations(records: MutationRecord[]): void {
    if (!this.ready || this.inDesignMode()) return;
    let touched = false;
    let textOnly = true;
    const staticRanges = this.painter !== undefined && !this.painter.mutates;
    for (const r of records) {
      if (r.type === 'characterData') {
        const parent = r.target.parentNode;
        if (!parent || isOwnNode(parent)) continue;
        const root = scanRootOf(r.target);
        // A static range does not follow the text: let go of those no longer over the words they were painted for
        // before the next frame paints them in the wrong place. The block is read again before that frame if the
        // budget allows (flushHot), else by the debounced flush.
        if (staticRanges && this.byNode.has(r.target as Text)) {
          this.keepStillReading(r.target as Text);
          this.hot.add(root);
        }
        this.dirty.add(root);
        touched = true;
        continue;
      }
      if (isOwnNode(r.target)) continue;
      textOnly = false;
      if (r.type === 'attributes') {
        const el = r.target as Element;
        // Made editable: its highlights go. Made read-only again: read it.
        if (insideSkipped(el)) this.forgetInside(el);
        else this.dirty.add(el);
        touched = true;
        continue;
      }
      if (r.removedNodes.length) {
        for (const n of r.removedNodes) {
          if (!isOwnNode(n)) {
            this.prunePending = true;
            touched = true;
          }
          // Highlighted text replaced (`textContent =`, a framework swapping the text node): its ranges are off the
          // page already, and the new text is read again at once like text edited in place.
          if (staticRanges && n.nodeType === 3 && this.byNode.has(n as Text) && r.addedNodes.length && !n.isConnected) {
            this.forget([n as Text]);
            this.hot.add(scanRootOf(r.target));
            this.dirty.add(scanRootOf(r.target));
          }
        }
      }
      for (const n of r.addedNodes) {
        if (isOwnNode(n) || n.nodeType === 8) continue;
        if (n.nodeType === 3 && !(n as Text).data.trim()) continue;
        this.dirty.add(scanRootOf(n));
        touched = true;
      }
    }
    if (!touched) return;
    // At rest, the whole change is read in a microtask anyway; else the rewritten highlighted text goes first.
    if (this.schedule(textOnly) || !this.hot.size) this.hot.clear();
    else if (!this.hotSoon) {
      this.hotSoon = true;
      queueMicrotask(() => this.flushHot());
    }
  }

  /** Drops the ranges on `node` (its text was rewritten) except those whose words are still there (stillReads). */
  private keepStillReading(node: Text): void {
    for (const r of [...(this.byNode.get(node) ?? [])]) {
      const spot = this.spots.get(r);
      if (!spot || !stillReads(r, spot.text)) this.drop(r);
    }
  }

  /**
   * Reads the blocks in `hot` now, within the budget: HOT_CHARS_PER_FRAME characters per call and on average per
   * frame. What is over it stays in `dirty` for the debounced flush. Not counted as a flush for the debounce.
   */
  private flushHot(): void {
    this.hotSoon = false;
    const hot = [...this.hot].filter((n) => n.isConnected);
    this.hot.clear();
    if (!this.ready || this.flushing || !hot.length) return;
    const now = performance.now();
    let left = HOT_CHARS_PER_FRAME;
    let take: Node[] = [];
    for (const root of hot) {
      const chars = textLengthUpTo(root, left);
      if (chars > left) continue;
      if (!this.hotBudget.take(chars, now)) break;
      left -= chars;
      take.push(root);
      this.dirty.delete(root);
    }
    // Outermost only (few: their text fits the budget).
    take = take.filter((n) => !take.some((o) => o !== n && o.contains(n)));
    if (take.length) void this.flush(take);
  }

  private dirtyChars(): number {
    let chars = 0;
    for (const n of this.dirty) chars += n.textContent?.length ?? 0;
    return chars;
  }

  /**
   * `textOnly`: text edited in place, read again in a microtask, before the next paint, when it is small and the page
   * calm (its size is measured only then: a flush is about to be scheduled anyway). True when a flush is queued as a
   * microtask (it will read everything dirty before the next paint).
   */
  private schedule(textOnly = false): boolean {
    const t = performance.now();
    if (this.timer !== undefined && t > this.timerDue + LOST_TIMER_MS) this.timer = undefined;
    if (this.timer !== undefined || this.soon || this.flushing) return this.soon;
    this.recentFlushes = this.recentFlushes.filter((x) => t - x < 10_000);
    const level = this.recentFlushes.length > 40 ? 2 : this.recentFlushes.length > 15 ? 1 : 0;
    if (textOnly && level === 0 && this.dirtyChars() <= REREAD_AT_ONCE_CHARS) {
      this.soon = true;
      queueMicrotask(() => {
        this.soon = false;
        void this.flush();
      });
      return true;
    }
    this.timerDue = t + DEBOUNCE_MS[level]!;
    const timer = setTimeout(() => {
      // One taken for lost and replaced may still fire.
      if (this.timer !== timer) return;
      this.timer = undefined;
      void this.flush();
    }, DEBOUNCE_MS[level]);
    this.timer = timer;
    return false;
  }

  /** Reads what changed; `only`: just these blocks (flushHot), leaving the rest for the next flush. */
  private async flush(only?: Node[]): Promise<void> {
    if (!this.ready || this.flushing) return;
    this.flushing = true;
    const run = this.run;
    try {
      if (only) {
        await this.scanRoots(only, run, false);
        if (run !== this.run) return;
        this.show();
        this.notify(false);
        return;
      }
      // Everything was read already (flushHot took the blocks this flush was scheduled for): not a flush.
      if (!this.dirty.size && !this.prunePending) return;
      this.recentFlushes.push(performance.now());
      if (this.prunePending) {
        this.prunePending = false;
        this.pruneDetached();
      }
      let roots = [...this.dirty].filter((n) => n.isConnected);
      this.dirty.clear();
      if (roots.length > MAX_DIRTY) roots = [this.doc.body ?? this.doc.documentElement];
      // Keep outermost roots only.
      roots = roots.filter((n) => !roots.some((o) => o !== n && o.contains(n)));
      let budget = FLUSH_CHARS;
      const now: Node[] = [];
      for (const root of roots) {
        if (budget <= 0) {
          this.dirty.add(root);
          continue;
        }
        budget -= (root.textContent ?? '').length;
        now.push(root);
      }
      await this.scanRoots(now, run, false);
      if (run !== this.run) return;
      this.show();
      this.notify(false);
      this.onFlushed?.();
    } finally {
      this.flushing = false;
      // Nodes removed while this flush ran (it does not schedule another then) are pruned by the next one.
      if ((this.dirty.size || this.prunePending) && run === this.run) this.schedule();
    }
  }

  private notify(force: boolean): void {
    const signature = this.tally()
      .map((e) => `${e.entityId}\u0000${e.text}\u0000${e.count}`)
      .sort()
      .join('\u0001');
    if (!force && signature === this.lastSignature) return;
    this.lastSignature = signature;
    this.onUpdate?.(this);
  }
}

/** Does the page show `el` (a box of its own or its contents')? Where the browser cannot tell, yes. */
function shown(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check !== 'function' || check.call(el);
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
  }
  return undefined;
}

export function rangeContainsPoint(range: AbstractRange, x: number, y: number): boolean {
  for (const rect of liveRange(range).getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/** Is `node` one of the few nodes before nodes[i] (where a range ending in nodes[i] may start)? */
function startsIn(nodes: readonly Text[], node: Node, i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - MAX_NAME_NODES; j--) if (nodes[j] === node) return true;
  return false;
}

/** Is the chunk a piece of a text node longer than a chunk (extract.ts textChunks)? */
function isPiece(chunk: TextChunk): boolean {
  return chunk.cutInLast === true || (chunk.starts[0] ?? 0) < 0;
}

/** Where in its first text node a chunk starts (past 0 for a later piece of a long node). */
function pieceStart(chunk: TextChunk): number {
  return Math.max(0, -(chunk.starts[0] ?? 0));
}

function sameBounds(a: AbstractRange, b: AbstractRange): boolean {
  return a.startContainer === b.startContainer && a.startOffset === b.startOffset && a.endContainer === b.endContainer && a.endOffset === b.endOffset;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
