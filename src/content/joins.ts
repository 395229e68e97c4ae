/**
 * How the text of two elements side by side reads, asked of the style and, where it decides, the layout: one word
 * ("Trick" + "Bot" set in two runs, "<b>Trick</b>Bot"), two words of a line (words placed a space apart, or set one
 * per element and spaced by a margin), or apart (chips, the cells of a row, a separator drawn between them). The walk
 * (extract.ts) asks only where a letter meets a letter across elements, or after a line break taken out of the flow.
 */

/** How the text of two elements side by side reads: one word, two words on one line, or apart (a new line). */
export const WORD = 0;
export const SPACE = 1;
export const APART = 2;
type Join = typeof WORD | typeof SPACE | typeof APART;

/** What the walk reads of an element's computed style to tell how its text meets its neighbours'. */
export interface Box {
  /** Laid out as a box of its own (computed display other than inline or contents: a flex item, a placed run). */
  boxed: boolean;
  /** A box set in a line of text (inline-block, inline-flex…), not one of a flex or grid row or a block. */
  inLine?: boolean;
  /** Positioned absolutely or fixed: placed by the page, not by the flow of the text. */
  placed: boolean;
  /** Floated (a drop cap set as an element of its own): read when asked, of the piece before a one- or two-letter text. */
  floated?: boolean;
  style?: CSSStyleDeclaration;
  /** Margin and padding at its inline start and end, in ems of its font. */
  startEm: number;
  endEm: number;
  /** Text drawn by its ::before, by its ::after (read when asked: a separator between tags, "Emotet · TrickBot"). */
  before?: boolean;
  after?: boolean;
  /** Its box in the viewport, for a placed run (null: none, not laid out). */
  rect?: DOMRect | null;
}

/**
 * Spacing (margin and padding) at the facing edges of two pieces, in ems: from SPACE_EM they read as two words
 * of a line (words set one per element, spaced by a margin as wide as a space), from APART_EM as apart (cells of a
 * row, chips).
 */
const SPACE_EM = 0.15;
const APART_EM = 0.45;
/**
 * Gaps between two placed runs on one line, in line heights (the height of a run's box): up to WORD_GAP they touch
 * (one word set in two runs), up to SPACE_GAP they are a word space apart (a PDF places words without a space
 * character); wider, they are apart.
 */
const WORD_GAP = 0.12;
const SPACE_GAP = 0.8;

function boxOf(el: Element, boxes: Map<Element, Box>): Box {
  let box = boxes.get(el);
  if (box) return box;
  if (boxes.size > 1_000) boxes.clear();
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  if (!style) {
    box = { boxed: false, placed: false, floated: false, startEm: 0, endEm: 0 };
  } else {
    const display = style.display;
    const boxed = !!display && display !== 'inline' && display !== 'contents';
    // Margins and padding are asked only of pieces in a line (inline, inline-block: words or cells spaced by them):
    // a box of its own (a flex item, a block) is apart whatever they are, and each read costs (20,000 chips in a flex
    // row: 1.7–1.8 s to done with them read, 0.9 s without).
    const inLine = !boxed || display.startsWith('inline');
    const em = inLine ? parseFloat(style.fontSize) || 16 : 16;
    const rtl = inLine && style.direction === 'rtl';
    const side = (s: 'Left' | 'Right') => (inLine ? ((parseFloat(style[`margin${s}`]) || 0) + (parseFloat(style[`padding${s}`]) || 0)) / em : 0);
    box = {
      boxed,
      inLine: boxed && inLine,
      placed: style.position === 'absolute' || style.position === 'fixed',
      style,
      startEm: side(rtl ? 'Right' : 'Left'),
      endEm: side(rtl ? 'Left' : 'Right'),
    };
  }
  boxes.set(el, box);
  return box;
}

function isFloated(style: CSSStyleDeclaration | undefined): boolean {
  const float = style?.float;
  return !!float && float !== 'none';
}

/** Is this <br> out of the flow (absolutely placed), so that it breaks no line? */
export function outOfFlow(br: Element, boxes: Map<Element, Box>): boolean {
  return boxOf(br, boxes).placed;
}

/**
 * How the text of `a` and of `b` (the next text of one block, in other elements) read together. The elements that
 * hold one and not the other are asked: spacing at their facing edges parts the words (as a space, or as cells); runs
 * the page placed one by one (a text layer) join as they are drawn (joinPlaced); other elements laid out as boxes
 * (chips, spans shown as blocks), or a line break out of the flow between inline text, part them; inline pieces are
 * one word unless the style sheet draws something between them. Geometry is read for placed runs only, so an
 * ordinary page's walk forces no layout here.
 */
export function joinOf(a: Text, b: Text, block: Node, boxes: Map<Element, Box>, placedBreak: boolean): Join {
  let boxed = false;
  /** A box between them that is not set in a line (a flex item, a block): apart whatever their text. */
  let outOfLine = false;
  let placed = 0;
  let dropCap = false;
  let spacing = 0;
  for (const [t, other, edge] of [[a, b, 'endEm'], [b, a, 'startEm']] as const) {
    for (let el = t.parentElement, first = true; el && el !== block && !el.contains(other); el = el.parentElement, first = false) {
      const box = boxOf(el, boxes);
      // A drop cap is the first letter of the word beside it, whatever the space its float keeps.
      if (t === a && a.data.trim().length <= 2 && (box.floated ??= isFloated(box.style))) dropCap = true;
      else spacing += box[edge];
      if (box.boxed) boxed = true;
      if (box.boxed && !box.inLine) outOfLine = true;
      if (first && box.placed) placed++;
    }
  }
  if (dropCap) return WORD;
  if (spacing >= APART_EM) return APART;
  if (spacing >= SPACE_EM) return SPACE;
  // Runs the page placed one by one (a text layer) join as drawn; other boxes (chips in a flex row, grid cells, spans
  // shown as blocks) are apart, and are not measured: 20,000 chips in a flex row took 2.4–3.6 s to read with their
  // geometry asked, 1.0–1.7 s without.
  if (placed === 2) return joinPlaced(a.parentElement!, b.parentElement!, boxes);
  // A headline split into letters for an animation (each letter an inline-block of its own, words parted by spaces)
  // reads as its words; whole words glued as inline-blocks stay apart (chips).
  if (boxed && !outOfLine && !placedBreak && isLetter(a) && isLetter(b)) return drawnBetween(a, b, block, boxes) ? APART : WORD;
  if (boxed || placedBreak) return APART;
  return drawnBetween(a, b, block, boxes) ? APART : WORD;
}

/** Is the text one letter (one code point, spaces aside)? */
function isLetter(t: Text): boolean {
  const s = t.data.trim();
  return s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff);
}

/**
 * Two placed runs (each the element of its text): touching on one line, one word; a word space apart, two words;
 * on another line, the line flows on. Read from the runs' element boxes, each asked once per walk (a text range's
 * box costs two to three times as much).
 */
function joinPlaced(ea: Element, eb: Element, boxes: Map<Element, Box>): Join {
  const ra = rectOf(ea, boxes);
  const rb = rectOf(eb, boxes);
  if (!ra || !rb) return APART;
  const height = Math.min(ra.height, rb.height);
  const overlap = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
  if (overlap < 0.5 * height) return SPACE;
  const gap = Math.abs(rb.left >= ra.left ? rb.left - ra.right : ra.left - rb.right);
  return gap <= WORD_GAP * height ? WORD : gap <= SPACE_GAP * height ? SPACE : APART;
}

function rectOf(el: Element, boxes: Map<Element, Box>): DOMRect | undefined {
  const box = boxOf(el, boxes);
  if (box.rect === undefined) {
    const r = el.getBoundingClientRect();
    box.rect = r.width || r.height ? r : null;
  }
  return box.rect ?? undefined;
}

/**
 * Does generated content draw something between two inline texts (`.tag + .tag::before { content: "·" }`)? Asked
 * last, of the elements that hold one text and not the other: their ::after on the first's side, ::before on the
 * second's.
 */
function drawnBetween(a: Text, b: Text, block: Node, boxes: Map<Element, Box>): boolean {
  const view = b.ownerDocument.defaultView;
  if (!view) return false;
  for (const [t, other, pseudo] of [[a, b, '::after'], [b, a, '::before']] as const) {
    for (let el = t.parentElement; el && el !== block && !el.contains(other); el = el.parentElement) {
      const box = boxOf(el, boxes);
      const key = pseudo === '::after' ? 'after' : 'before';
      box[key] ??= drawsText(view.getComputedStyle(el, pseudo).content);
      if (box[key]) return true;
    }
  }
  return false;
}

/** Is a computed `content` text that shows (not none, normal or an empty or blank string)? */
function drawsText(content: string): boolean {
  return !!content && content !== 'none' && content !== 'normal' && !/^(["'])\s*\1$/.test(content);
}
