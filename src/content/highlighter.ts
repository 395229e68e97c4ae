/**
 * Paints matches without touching the page: one CSS Custom Highlight per kind (and one each for possible actors and
 * possible malware),
 * registered only once something is spotted, so a page with no matches sees no trace of ActorLens.
 * Where the API is missing, the fallback wraps text in <actorlens-mark>; unwrapping restores the DOM exactly
 * (the split text nodes are re-merged into the original node objects, nothing else is touched).
 *
 * Styles are not declared in the manifest: a manifest stylesheet is visible to every page through
 * getComputedStyle(el, '::highlight(actorlens-actor)'). They are built from the reader's colours and adopted
 * into the document (and into each shadow root that gets a highlight) only when the first match is painted.
 */
import type { EntityKind } from '../core/model/entity';
import { ViewportGate } from './viewport-gate';

export const HIGHLIGHT_NAMES = [
  'actorlens-actor', 'actorlens-malware', 'actorlens-tool', 'actorlens-ransomware', 'actorlens-possible', 'actorlens-possible-malware',
  'actorlens-actor-fill', 'actorlens-malware-fill', 'actorlens-tool-fill', 'actorlens-ransomware-fill', 'actorlens-possible-fill', 'actorlens-possible-malware-fill',
  // the passages of the reader's own claims on this page (quote-anchors.ts)
  'actorlens-quote',
] as const;
export type HighlightName = (typeof HIGHLIGHT_NAMES)[number];

/**
 * A text node longer than this gets its highlights without an underline (the `-fill` names). Chromium lays out the
 * underline of a highlight over the whole text node that holds it: on a 5 MB plain-text document (one text node)
 * 10 underlined highlights cost a 130 ms frame and 3,000 of them 300 ms, against 15–23 ms with the fill alone; a
 * 50,000-character node costs 2–5 ms more (a page script, headless Chromium 156). Article paragraphs are far
 * shorter; plain-text documents and mail archives' <pre> are not.
 */
export const LONG_TEXT = 100_000;

/**
 * The highlight a match is painted with: by kind (possible actors and possible malware apart), fill only in a very
 * long text node.
 */
export function highlightNameFor(kind: EntityKind, possible: boolean, longText: boolean): HighlightName {
  const base = possible ? (kind === 'actor' ? 'possible' : 'possible-malware') : kind;
  return `actorlens-${base}${longText ? '-fill' : ''}`;
}

export interface Painter {
  /**
   * Paints a range; returns the range that now covers the match (the fallback re-anchors it), or undefined. `holder`:
   * the element holding its start, when the caller has it at hand (saves asking the DOM again).
   */
  add(name: HighlightName, range: AbstractRange, holder?: Element | null): AbstractRange | undefined;
  /** Stops painting these ranges. */
  remove(name: HighlightName, range: AbstractRange): void;
  clear(): void;
  /**
   * Shows what was added since the last commit. Registering highlights while many more ranges are still being
   * added makes the browser repaint them between every slice of the scan; registering once costs one repaint.
   */
  commit(): void;
  /**
   * Registers again the highlights the page unregistered (`CSS.highlights.clear()`, `delete`), within a budget
   * (Reassertions). Returns how many it put back.
   */
  restore(): number;
  readonly size: number;
  /** True when painting changes the DOM (the fallback): the caller must ignore its own mutations. */
  readonly mutates: boolean;
}

export function hasHighlightApi(win: Window & typeof globalThis = window): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

export function createPainter(win: Window & typeof globalThis = window): Painter {
  return hasHighlightApi(win) ? highlightPainter(win) : wrapPainter(win.document);
}

/**
 * How often what the page took away (our adopted sheet, our registered highlights) is put back, per thing taken: a
 * page that takes it away again at once (a script resetting its styles in a loop) is not fought in one. At most
 * `burst` times within `windowMs`, and `total` times in all; then left as the page wants it.
 */
export class Reassertions {
  private times: number[] = [];
  private count = 0;

  constructor(
    private readonly burst = 3,
    private readonly windowMs = 10_000,
    private readonly total = 20,
  ) {}

  /** May it be put back now? Counts the time when yes. */
  allow(now = performance.now()): boolean {
    if (this.count >= this.total) return false;
    this.times = this.times.filter((t) => now - t < this.windowMs);
    if (this.times.length >= this.burst) return false;
    this.times.push(now);
    this.count++;
    return true;
  }
}

/** Past this many highlights on a page, only those near the viewport stay registered (viewport-gate.ts). */
export const GATE_AT = 200;

function highlightPainter(win: Window & typeof globalThis): Painter {
  const highlights = new Map<HighlightName, Highlight>();
  /** Every range painted, registered or not, with its highlight; and how many each highlight holds. */
  const painted = new Map<AbstractRange, HighlightName>();
  const perName = new Map<HighlightName, number>();
  let gate: ViewportGate | undefined;
  /** Highlights registered once: found missing from the registry later, the page took them away. */
  const registered = new Set<HighlightName>();
  const budgets = new Map<HighlightName, Reassertions>();
  /** Registers `name` where it is in use and not registered; false when it was the page's doing and over budget. */
  const register = (name: HighlightName, h: Highlight): boolean => {
    if (!perName.get(name) || win.CSS.highlights.get(name) === h) return false;
    if (registered.has(name)) {
      let budget = budgets.get(name);
      if (!budget) budgets.set(name, (budget = new Reassertions()));
      if (!budget.allow()) return false;
    }
    win.CSS.highlights.set(name, h);
    registered.add(name);
    return true;
  };
  const highlightOf = (name: HighlightName): Highlight => {
    let h = highlights.get(name);
    if (!h) {
      h = new win.Highlight();
      // Possible actors sit under known entities when ranges overlap, and the reader's quoted passages under both.
      h.priority = name === 'actorlens-quote' ? -1 : name.startsWith('actorlens-possible') ? 0 : 1;
      highlights.set(name, h);
    }
    return h;
  };
  const toggle = (range: AbstractRange, name: HighlightName, on: boolean) => {
    const h = highlightOf(name);
    if (on) {
      h.add(range);
      // Coming into view is when the reader would see it missing (the page may have cleared the registry).
      if (registered.has(name)) register(name, h);
    } else h.delete(range);
  };
  return {
    mutates: false,
    add(name, range, holder) {
      // The highlight exists (and is registered at the next commit) even while the gate holds all its ranges back.
      const h = highlightOf(name);
      painted.set(range, name);
      perName.set(name, (perName.get(name) ?? 0) + 1);
      // The gate adds the range to its highlight when it is to be registered (ViewportGate.track).
      if (gate) gate.track(range, name, false, holder);
      else {
        h.add(range);
        if (painted.size >= GATE_AT && typeof win.IntersectionObserver === 'function') {
          gate = new ViewportGate(win, toggle);
          for (const [r, n] of painted) gate.track(r, n, true);
        }
      }
      return range;
    },
    commit() {
      gate?.watchNew();
      for (const [name, h] of highlights) register(name, h);
    },
    restore() {
      let n = 0;
      for (const [name, h] of highlights) if (registered.has(name) && register(name, h)) n++;
      return n;
    },
    remove(name, range) {
      if (!painted.delete(range)) return;
      gate?.untrack(range);
      const left = (perName.get(name) ?? 1) - 1;
      perName.set(name, left);
      const h = highlights.get(name);
      h?.delete(range);
      if (h && left === 0) {
        if (win.CSS.highlights.get(name) === h) win.CSS.highlights.delete(name);
        highlights.delete(name);
        perName.delete(name);
        registered.delete(name);
      }
    },
    clear() {
      for (const [name, h] of highlights) if (win.CSS.highlights.get(name) === h) win.CSS.highlights.delete(name);
      highlights.clear();
      registered.clear();
      painted.clear();
      perName.clear();
      gate?.disconnect();
      gate = undefined;
    },
    get size() {
      return painted.size;
    },
  };
}

export const MARK_TAG = 'actorlens-mark';

interface Wrap {
  mark: HTMLElement;
  /** The original text node when the match did not start at its beginning (it keeps the text before). */
  head: Text | undefined;
  /** The text node now inside the mark. */
  inner: Text;
  /** The text after the match, split off the original node. */
  tail: Text | undefined;
}

/**
 * Fallback painter. A match inside one text node is wrapped; the original node keeps the text before the
 * match (or becomes the wrapped part), so restoring appends the pieces back into the same node object.
 * Ranges within one text node must be added from last to first (the scanner does), and are undone last first.
 */
export function wrapPainter(doc: Document): Painter {
  const wraps: Wrap[] = [];
  const byRange = new Map<AbstractRange, Wrap>();
  const restore = (w: Wrap) => {
    const { mark, head, inner, tail } = w;
    const parent = mark.parentNode;
    if (!parent) return;
    // Only re-merge when the pieces are still where we left them; otherwise just lift the text out.
    const intact = inner.parentNode === mark && mark.childNodes.length === 1 && (!head || head.nextSibling === mark) && (!tail || mark.nextSibling === tail);
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    if (!intact) return;
    const base = head ?? inner;
    if (head) {
      head.appendData(inner.data);
      parent.removeChild(inner);
    }
    if (tail) {
      base.appendData(tail.data);
      parent.removeChild(tail);
    }
  };
  return {
    mutates: true,
    add(name, range) {
      // Only single-node ranges are wrapped: splitting across markup would reshape the page.
      const node = range.startContainer;
      if (node !== range.endContainer || node.nodeType !== 3 || !node.parentNode) return undefined;
      // An HTML element inside SVG text is not drawn: the name would vanish from the picture.
      if ((node.parentNode as Element).namespaceURI === 'http://www.w3.org/2000/svg') return undefined;
      const text = node as Text;
      const start = range.startOffset;
      const end = range.endOffset;
      if (end <= start || end > text.length) return undefined;
      const inner = start > 0 ? text.splitText(start) : text;
      const tail = end - start < inner.length ? inner.splitText(end - start) : undefined;
      const mark = doc.createElement(MARK_TAG);
      mark.className = name;
      inner.parentNode!.insertBefore(mark, inner);
      mark.appendChild(inner);
      const w: Wrap = { mark, head: start > 0 ? text : undefined, inner, tail };
      wraps.push(w);
      const anchored = doc.createRange();
      anchored.selectNodeContents(inner);
      byRange.set(anchored, w);
      return anchored;
    },
    remove(_name, range) {
      const w = byRange.get(range);
      if (!w) return;
      byRange.delete(range);
      // Out-of-order removal still restores the text; the split nodes are re-merged only when still adjacent.
      const i = wraps.indexOf(w);
      if (i >= 0) wraps.splice(i, 1);
      restore(w);
    },
    clear() {
      for (let w = wraps.pop(); w; w = wraps.pop()) restore(w);
      byRange.clear();
    },
    commit() {},
    restore() {
      return 0;
    },
    get size() {
      return wraps.length;
    },
  };
}

/* ---------------------------------------------------------------- styles */

export type Colors = Record<EntityKind, string>;

function parseHex(color: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function mix(rgb: [number, number, number], toward: number, amount: number): string {
  const [r, g, b] = rgb.map((c) => Math.round(c + (toward - c) * amount));
  return `rgb(${r}, ${g}, ${b})`;
}

const RGBA = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/;

/**
 * Is the page dark? Called once per page, when painting or showing the first card.
 *
 * What the reader sees behind the text is often not <body>: apps paint their background on a wrapper div
 * ("#app { background: #121212; min-height: 100vh }") over a transparent body. So this starts from elements holding
 * highlighted text (`samples`; the body when there are none) and composes the backgrounds from each up to the root
 * (translucent layers over what is behind them, so a cookie banner's rgba backdrop over a white page is still
 * light); the majority decides, so one light code block on a dark page does not. Computed styles only: asking the
 * layout what lies under a point (elementFromPoint) cost a 440 ms task on a 5 MB plain-text page.
 */
export function pageIsDark(doc: Document, samples: readonly Element[] = []): boolean {
  const html = doc.documentElement;
  const canvas = doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches === true && getComputedStyle(html).colorScheme.includes('dark') ? 18 : 255;
  const darkBehind = (start: Element): boolean => {
    let lum = 0;
    let covered = 0;
    for (let el: Element | null = start; el && covered < 0.99; el = el.parentElement) {
      // Our own fallback marks carry the highlight fill, which is not the page's.
      if (el.localName === MARK_TAG) continue;
      const m = RGBA.exec(getComputedStyle(el).backgroundColor);
      if (!m) continue;
      const alpha = m[4] === undefined ? 1 : Number(m[4]);
      const weight = (1 - covered) * alpha;
      lum += weight * (0.2126 * Number(m[1]) + 0.7152 * Number(m[2]) + 0.0722 * Number(m[3]));
      covered += weight;
    }
    return lum + (1 - covered) * canvas < 110;
  };
  const starts = samples.length ? samples : [doc.body ?? html];
  let dark = 0;
  for (const el of starts) if (darkBehind(el)) dark++;
  return dark * 2 > starts.length;
}

/**
 * The rules for every kind. Translucent fill in the kind's colour plus a solid underline in a deeper (light
 * pages) or brighter (dark pages) shade of it: readable on both. Actors are warm, software cool (by default);
 * possible actors get only a dotted underline, no fill, and possible malware the same in the malware colour. The
 * `-fill` names (very long text nodes, see LONG_TEXT) have the fill alone, and possibles there a faint one.
 *
 * `scope` is the selector the ::highlight() rules hang on (StyleManager: the tags of the elements holding painted
 * text); unscoped, they apply to every element. `names`: the highlights to write rules for (StyleManager: those in
 * use), as the browser works out each element's style once per highlight that has rules for it.
 */
function highlightCss(colors: Colors, dark: boolean, scope: string, names: Iterable<HighlightName>): string {
  const fallback: Record<EntityKind, [number, number, number]> = { actor: [255, 179, 167], malware: [169, 216, 255], tool: [201, 240, 180], ransomware: [227, 194, 255] };
  const rgbOf = (kind: EntityKind) => parseHex(colors[kind] ?? '') ?? fallback[kind];
  const fillOf = (kind: EntityKind) => `background-color: rgba(${rgbOf(kind).join(', ')}, ${dark ? 0.34 : 0.55});`;
  const lineOf = (kind: EntityKind) => (dark ? mix(rgbOf(kind), 255, 0.15) : mix(rgbOf(kind), 0, 0.45));
  const rules: string[] = [];
  for (const name of names) {
    const base = name.slice('actorlens-'.length).replace(/-fill$/, '');
    const fillOnly = name.endsWith('-fill');
    let decl: string;
    if (base === 'quote') {
      // A marker pen's yellow, fainter than a name's fill: the passage reads as the reader's note, the names in it
      // keep their own colours on top.
      decl = `background-color: rgba(255, 214, 10, ${dark ? 0.18 : 0.3});`;
    } else if (base === 'possible' || base === 'possible-malware') {
      // Without its dotted line, a possible name keeps a faint fill of its kind's colour.
      const kind = base === 'possible' ? 'actor' : 'malware';
      decl = fillOnly ? `background-color: rgba(${rgbOf(kind).join(', ')}, ${dark ? 0.16 : 0.24});` : `text-decoration: underline 2px dotted ${lineOf(kind)}; text-underline-offset: 2px;`;
    } else {
      const kind = base as EntityKind;
      decl = fillOnly ? fillOf(kind) : `${fillOf(kind)} text-decoration: underline 2px solid ${lineOf(kind)}; text-underline-offset: 2px;`;
    }
    rules.push(`${scope}::highlight(${name}) { ${decl} }`, `${MARK_TAG}.${name} { ${decl} }`);
  }
  // Screen only: a page printed or saved as PDF (a report to share) comes out as the page made it, with none of our
  // colours or lines. The rules are simply absent from the print media, so nothing of ours is painted there.
  return [`@media not print {`, ...rules, `}`, `${MARK_TAG} { all: unset; display: inline; }`].join('\n');
}

// nodeType rather than instanceof: a same-origin frame's document comes from another realm.
const isDocument = (root: Document | ShadowRoot): root is Document => root.nodeType === 9;

/**
 * Past this many distinct tags holding painted text, the document's rules are written unscoped (a page of custom
 * elements named one per paragraph would otherwise grow a selector without end).
 */
const MAX_SCOPED_TAGS = 48;
const TRANSPARENT = /^(transparent|rgba\(0, 0, 0, 0\))$/;

/**
 * The stylesheets, adopted into the document (and into each shadow root that gets highlights) only when that
 * root's first highlights are shown. Where constructed sheets cannot be adopted (Firefox content scripts see
 * adoptedStyleSheets through Xray wrappers), a <style> element carries the rules.
 *
 * Rules are written only for the highlights in use (`use`). Adding rules with ::highlight() to a built page makes
 * the browser recompute the style of every element they match and of everything under those, once per highlight
 * with rules: on a large page, one long task. The document's rules hang on whichever of these the browser reaches
 * most cheaply (`documentScope`):
 *  - the tags of the elements that hold painted text (`:is(p, b)::highlight(…)`, see `cover`): each element of those
 *    tags and what it holds, about three times the cost per element of the next two;
 *  - with highlight inheritance (each element's highlight styles inherit its parent's), the smallest element holding
 *    every painted text of the document (`region`), named by its path of tags from the nearest ancestor with an id
 *    (`#main > div > article`): the article of a news page, without the navigation, lists and tables around it;
 *  - with inheritance, `:root`: the whole page.
 * Page scripts, three loads each, adding one rule and forcing the recalculation: on a news-like page of 33,000
 * elements with names in its article, `article` 12–20 ms, `:is(p, b, a, em)` 99–112 ms, `:root` 137–184 ms; on the
 * 1 MB article (its paragraphs are nearly the whole page) `:root` 22–23 ms, the article 27–36 ms, the tags 46–80 ms.
 * The rules on the text's own parent need no inheritance, which Firefox 153 lacks; the content script guesses from
 * the browser and `settle` checks the guess on the page. Shadow roots get unscoped rules (they are small).
 */
export class StyleManager {
  private readonly sheets = new Map<'document' | 'shadow', CSSStyleSheet>();
  private colors: Colors | undefined;
  private dark = false;
  /**
   * The roots carrying the rules, held weakly: a feed of web components removed from the page must not stay in memory
   * because one of them once showed a highlight (8,000 components through a window of 200 kept 1,850 shadow roots).
   * `clear()` takes the rules out of those still alive; a component put back later still has them until then.
   */
  private readonly adopted = new RootRefs<Document | ShadowRoot>();
  /** Where constructed sheets cannot be adopted: the <style> elements, by the root they sit in. */
  private readonly elements = new RootRefs<HTMLStyleElement>();
  private readonly styled = new WeakSet<Document | ShadowRoot>();
  /** Tags of the document's elements that hold painted text. */
  private readonly tags = new Set<string>();
  /** The smallest element holding every painted text of the document (`cover`), while it is in the page. */
  private region: Element | undefined;
  /** The selector the document's rules hang on, worked out again when a tag is added or the region grows. */
  private scope: string | undefined;
  /** Whether `scope` names the region (then it must keep matching it: `scopeHolds`). */
  private scopeIsRegion = false;
  /** Set by `cover` when the scope must be worked out again; the rules already written hang on `written`. */
  private scopeDirty = false;
  private written: string | undefined;
  /** What `documentScope` estimated its choice costs (elements, see `reach`); undefined without inheritance. */
  private scopeCost: number | undefined;
  /** The highlights painted so far: only they get rules. */
  private readonly names = new Set<HighlightName>();
  /** Roots painted in whose rules wait for the highlights to be shown. */
  private readonly waiting = new Set<Document | ShadowRoot>();
  /** Per root: how often its rules were put back after the page took them away (`restore`). */
  private budgets = new WeakMap<Document | ShadowRoot, Reassertions>();

  constructor(
    private readonly doc: Document,
    private inherits = false,
  ) {}

  private cssFor(which: 'document' | 'shadow'): string {
    if (!this.colors) return '';
    if (which === 'shadow') return highlightCss(this.colors, this.dark, '', this.names);
    this.written = this.documentScope();
    return highlightCss(this.colors, this.dark, this.written, this.names);
  }

  private documentScope(): string {
    if (this.scope !== undefined) return this.scope;
    const tags = [...this.tags];
    const escape = this.doc.defaultView?.CSS?.escape;
    const tagScope = escape && tags.length && tags.length <= MAX_SCOPED_TAGS ? `:is(${tags.map((t) => escape(t)).join(', ')})` : undefined;
    this.scopeIsRegion = false;
    this.scopeCost = undefined;
    if (!this.inherits) return (this.scope = tagScope ?? '');
    // The cost of each choice, in elements reached; ties go to the earlier (the cheaper to keep). The region is taken
    // only when clearly cheaper: the page may move it, and its path then has to be worked out again (`scopeHolds`).
    const choices: { scope: string; cost: number; region?: true }[] = [{ scope: ':root', cost: this.doc.getElementsByTagName('*').length }];
    const region = this.region?.isConnected && escape ? pathSelector(this.region, escape) : undefined;
    if (region && region !== ':root') {
      // Every element the path names sits at the same depth: none holds another, so their subtrees add up (a native
      // count each: 1 ms on the news-like page, against 4–14 ms for the same count by one query with `*`).
      let reached = 0;
      for (const el of this.doc.querySelectorAll(region)) reached += 1 + el.getElementsByTagName('*').length;
      choices.push({ scope: region, cost: 1.25 * reached, region: true });
    }
    // The tags reach at least their own elements: counting what they hold as well (3–10 ms there) is only needed
    // when that could still make them the cheapest.
    if (tagScope && 3 * this.doc.querySelectorAll(tagScope).length < Math.min(...choices.map((c) => c.cost))) {
      choices.push({ scope: tagScope, cost: 3 * this.doc.querySelectorAll(`${tagScope}, ${tagScope} *`).length });
    }
    const best = choices.reduce((a, b) => (b.cost < a.cost ? b : a));
    this.scopeIsRegion = best.region === true;
    this.scopeCost = best.cost;
    return (this.scope = best.scope);
  }

  /**
   * Roughly how many elements' styles adopting the rules makes the browser recompute, counted as for `:root` (whose
   * cost is the page's element count): the cost `documentScope` chose by. 0 when no document awaits them.
   */
  reach(): number {
    if (![...this.waiting].some(isDocument)) return 0;
    if (this.scope === undefined) this.documentScope();
    return this.scope === '' || this.scopeCost === undefined ? this.doc.getElementsByTagName('*').length : this.scopeCost;
  }

  /**
   * False when the rules hang on the region and it left the page or no longer matches its path (the page moved it):
   * the painted text it held may then be out of their reach. The scanner then gives the elements holding painted
   * text again (`rescope`).
   */
  scopeHolds(): boolean {
    if (!this.scopeIsRegion || this.scope === undefined) return true;
    const region = this.region;
    try {
      return region !== undefined && region.isConnected && region.matches(this.scope);
    } catch {
      return false;
    }
  }

  /** Works the region out again from every element holding painted text of the document, and rewrites the rules. */
  rescope(holders: Iterable<Element>): void {
    this.region = undefined;
    for (const el of holders) if (el.isConnected) this.grow(el);
    this.scope = undefined;
    this.scopeDirty = true;
    this.updateScope();
  }

  /** Rewrites the document's rules when `cover` changed their scope since they were last written. */
  updateScope(): void {
    if (!this.scopeDirty) return;
    this.scopeDirty = false;
    const before = this.written;
    if ((this.sheets.has('document') || this.elements.size) && this.documentScope() !== before) this.refresh('document');
  }

  /** A range is painted with highlight `name` (call before `ensure`): the rules are rewritten when it is new. */
  use(name: HighlightName): void {
    if (this.names.has(name)) return;
    this.names.add(name);
    this.refresh();
  }

  /**
   * Text of the document held by element `holder` gets painted (call before `ensure(document)`). The scope of the
   * document's rules is worked out again when its tag is new or it lies outside the region; rules already adopted are
   * rewritten at `updateScope`, once for all the painting of a slice or a flush.
   */
  cover(holder: Element): void {
    const newTag = !this.tags.has(holder.localName);
    if (newTag) this.tags.add(holder.localName);
    if (!this.grow(holder) && !newTag) return;
    this.scope = undefined;
    this.scopeDirty = true;
  }

  /** Widens the region to hold `el`; true when it changed. */
  private grow(el: Element): boolean {
    const region = this.region;
    // A region taken out of the page took its painted text with it: the region starts again from what is painted now.
    if (!region || !region.isConnected) {
      this.region = el;
      return true;
    }
    if (region.contains(el)) return false;
    // Each step asks `contains`, which climbs from `el`: on a tree thousands deep (a page's hidden 50,000-deep tree
    // with a name every 500 levels) climbing without end cost one 3 s task while painting 200 names. Past MAX_CLIMB
    // steps the region is the whole page: the rules then hang on :root or the tags, as when the region has no path.
    let up = region.parentElement;
    for (let steps = 0; up && !up.contains(el); steps++) up = steps < MAX_CLIMB ? up.parentElement : null;
    this.region = up ?? this.doc.documentElement;
    return true;
  }

  setColors(colors: Colors): void {
    if (colors === this.colors) return;
    this.colors = colors;
    this.refresh();
  }

  /** Rewrites the rules (only the document's when `only` says so), kept sheets included, adopted or not. */
  private refresh(only?: 'document'): void {
    for (const [which, sheet] of this.sheets) if (!only || which === only) sheet.replaceSync(this.cssFor(which));
    for (const el of this.elements.alive()) {
      const which = el.getRootNode().nodeType === 9 ? 'document' : 'shadow';
      if (!only || which === only) el.textContent = this.cssFor(which);
    }
  }

  /**
   * Call when the page's style is clean (after a frame), with whether the page is dark and a few elements holding
   * painted text. Also checks, where the rules hang on `:root` or the region, that they reach those elements (one not
   * named by the rules themselves): if not, this browser lacks highlight inheritance and the rules are rewritten on
   * the tags, in the same rewrite as the colours.
   */
  settle(dark: boolean, holders: Element[] = []): void {
    const name = [...this.names][0];
    let inherits = this.inherits;
    if (inherits && this.scope !== undefined && (this.scope === ':root' || this.scopeIsRegion) && name && this.active) {
      const scope = this.scope;
      const probe = holders.find((el) => el.isConnected && !el.matches(scope)) ?? (scope === ':root' ? this.doc.body : null);
      if (probe) {
        const style = getComputedStyle(probe, `::highlight(${name})`);
        inherits = !(TRANSPARENT.test(style.backgroundColor) && style.textDecorationLine === 'none');
      }
    }
    if (inherits === this.inherits && dark === this.dark) return;
    if (inherits !== this.inherits) this.scope = undefined;
    this.inherits = inherits;
    this.dark = dark;
    this.refresh();
  }

  /** `root` got painted ranges: it gets the rules at the next `adoptPending`. */
  want(root: Document | ShadowRoot): void {
    if (!this.styled.has(root)) this.waiting.add(root);
  }

  get pending(): boolean {
    return this.waiting.size > 0;
  }

  /** Gives the rules to every root that got painted ranges since the last call and is still in the page. */
  adoptPending(): void {
    for (const root of this.waiting) if (isDocument(root) || root.host.isConnected) this.ensure(root);
    this.waiting.clear();
  }

  /** Makes sure `root` (the document or a shadow root) carries the rules. */
  ensure(root: Document | ShadowRoot): void {
    this.updateScope();
    if (this.styled.has(root)) return;
    this.styled.add(root);
    const which = isDocument(root) ? 'document' : 'shadow';
    try {
      let sheet = this.sheets.get(which);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(this.cssFor(which));
        this.sheets.set(which, sheet);
      }
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      if (root.adoptedStyleSheets.includes(sheet)) {
        this.adopted.add(root);
        return;
      }
    } catch {
      // fall through to a <style> element
    }
    const style = this.doc.createElement('style');
    style.textContent = this.cssFor(which);
    (isDocument(root) ? (root.head ?? root.documentElement) : root).appendChild(style);
    this.elements.add(style);
  }

  /**
   * Adopts the rules again into the roots whose page took them away: `root.adoptedStyleSheets = [theirs]` (a theme
   * switch, a component re-rendering) drops ours, and nothing tells us. Appended after the page's sheets, never
   * replacing them; within a budget per root (Reassertions). Cheap: one look at each root's adopted sheets. Returns
   * how many roots got them back.
   */
  restore(): number {
    let n = 0;
    for (const root of this.adopted.alive()) {
      const sheet = this.sheets.get(isDocument(root) ? 'document' : 'shadow');
      if (!sheet || (!isDocument(root) && !root.host.isConnected)) continue;
      try {
        if (root.adoptedStyleSheets.includes(sheet)) continue;
        let budget = this.budgets.get(root);
        if (!budget) this.budgets.set(root, (budget = new Reassertions()));
        if (!budget.allow()) continue;
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        n++;
      } catch {
        // the root is gone
      }
    }
    return n;
  }

  /** Removes every trace of the rules. */
  clear(): void {
    const ours = new Set(this.sheets.values());
    for (const root of this.adopted.alive()) {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => !ours.has(s));
      } catch {
        // the root is gone
      }
      this.styled.delete(root);
    }
    this.adopted.clear();
    for (const el of this.elements.alive()) {
      const root = el.getRootNode();
      if (root.nodeType === 9 || root.nodeType === 11) this.styled.delete(root as Document | ShadowRoot);
      el.remove();
    }
    this.elements.clear();
    this.tags.clear();
    this.region = undefined;
    this.scope = undefined;
    this.scopeIsRegion = false;
    this.scopeDirty = false;
    this.names.clear();
    this.waiting.clear();
    this.budgets = new WeakMap();
  }

  get active(): boolean {
    return this.adopted.size > 0 || this.elements.size > 0;
  }
}

/**
 * A selector matching `el`: its path of tags from the nearest ancestor with an id of its own (or from :root), e.g.
 * `#main > div > article`. No positions (`:nth-child`): a page adding an element before it must not take the rules
 * away; a path naming some other elements too only costs a little more. Undefined when no such selector matches it.
 */
export function pathSelector(el: Element, escape: (s: string) => string): string | undefined {
  const doc = el.ownerDocument;
  const parts: string[] = [];
  for (let at: Element | null = el; at; at = at.parentElement) {
    if (at === doc.documentElement) {
      parts.push(':root');
      break;
    }
    if (at.id && doc.getElementById(at.id) === at) {
      parts.push(`#${escape(at.id)}`);
      break;
    }
    parts.push(escape(at.localName));
    if (parts.length > MAX_PATH) return undefined;
  }
  const selector = parts.reverse().join(' > ');
  try {
    return el.matches(selector) ? selector : undefined;
  } catch {
    return undefined;
  }
}

/** Deeper than this, the region is given no path (the rules fall back to the tags or :root). */
const MAX_PATH = 40;
/** Most levels the region climbs to take in a new element (`grow`); past it, the region is the root. */
const MAX_CLIMB = 64;

/** Objects held weakly, in a set that forgets the collected ones as it grows. */
export class RootRefs<T extends object> {
  private refs: WeakRef<T>[] = [];
  private pruneAt = 64;

  add(value: T): void {
    this.refs.push(new WeakRef(value));
    if (this.refs.length >= this.pruneAt) {
      this.refs = this.refs.filter((r) => r.deref() !== undefined);
      this.pruneAt = Math.max(64, 2 * this.refs.length);
    }
  }

  *alive(): Generator<T> {
    for (const r of this.refs) {
      const v = r.deref();
      if (v !== undefined) yield v;
    }
  }

  get size(): number {
    return this.refs.length;
  }

  clear(): void {
    this.refs = [];
    this.pruneAt = 64;
  }
}
