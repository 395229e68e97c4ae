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
  /** Positioned absolutely or fixed: placed by the page, not by the flow of the text. */
  placed: boolean;
  /** Floated (a drop cap set as an element of its own). */
  floated: boolean;
  /** Margin, border and padding at its inline start and end, in ems of its font. */
  startEm: number;
  endEm: number;
  /** Text drawn by its ::before, by its ::after (read when asked: a separator between tags, "Emotet · TrickBot"). */
  before?: boolean;
  after?: boolean;
}

/**
 * Spacing (margin, border, padding) at the facing edges of two pieces, in ems: from SPACE_EM they read as two words
 * of a line (words set one per element, spaced by a margin as wide as a space), from APART_EM as apart (cells of a
 * row, chips).
 */
const SPACE_EM = 0.15;
const APART_EM = 0.45;
/**
 * Gaps between two runs on one line, in line heights (the height of a character's box): up to WORD_GAP they touch
 * (one word set in two runs), up to SPACE_GAP placed runs are a word space apart (a PDF places words without a space
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
    const em = parseFloat(style.fontSize) || 16;
    const side = (s: 'Left' | 'Right') => ((parseFloat(style[`margin${s}`]) || 0) + (parseFloat(style[`padding${s}`]) || 0) + (parseFloat(style[`border${s}Width`]) || 0)) / em;
    const rtl = style.direction === 'rtl';
    const display = style.display;
    box = {
      boxed: !!display && display !== 'inline' && display !== 'contents',
      placed: style.position === 'absolute' || style.position === 'fixed',
      floated: style.float !== 'none' && style.float !== '',
      startEm: side(rtl ? 'Right' : 'Left'),
      endEm: side(rtl ? 'Left' : 'Right'),
    };
  }
  boxes.set(el, box);
  return box;
}

/** Is this <br> out of the flow (absolutely placed), so that it breaks no line? */
export function outOfFlow(br: Element, boxes: Map<Element, Box>): boolean {
  return boxOf(br, boxes).placed;
}

/**
 * How the text of `a` and of `b` (the next text of one block, in other elements) read together. The elements that
 * hold one and not the other are asked: spacing at their facing edges parts the words (as a space, or as cells);
 * elements laid out as boxes
 * (or a line break out of the flow between, `placedBreak`) leave it to where the browser drew the two: touching on
 * one line, one word ("Trick" + "Bot" as a PDF viewer sets them); otherwise apart, except for runs the page placed
 * one by one (a text layer): a word space apart on one line, two words, and its lines flow into each other as the
 * page's lines do. Geometry is read only for boxed or placed runs, so an ordinary page's walk forces no layout here.
 */
export function joinOf(a: Text, b: Text, block: Node, boxes: Map<Element, Box>, placedBreak: boolean): Join {
  let boxed = placedBreak;
  let placed = 0;
  let dropCap = false;
  let spacing = 0;
  for (const [t, other, edge] of [[a, b, 'endEm'], [b, a, 'startEm']] as const) {
    for (let el = t.parentElement, first = true; el && el !== block && !el.contains(other); el = el.parentElement, first = false) {
      const box = boxOf(el, boxes);
      // A drop cap is the first letter of the word beside it, whatever the space its float keeps.
      if (t === a && box.floated && a.data.trim().length <= 2) dropCap = true;
      else spacing += box[edge];
      if (box.boxed) boxed = true;
      if (first && box.placed) placed++;
    }
  }
  if (dropCap) return WORD;
  if (spacing >= APART_EM) return APART;
  if (spacing >= SPACE_EM) return SPACE;
  if (!boxed) return drawnBetween(a, b, block, boxes) ? APART : WORD;
  const ra = charBox(a, false);
  const rb = charBox(b, true);
  if (!ra || !rb) return APART;
  const height = Math.min(ra.height, rb.height);
  const overlap = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
  // Runs the page placed one by one (a text layer) are words of a line; other boxes (chips in a flex row, grid
  // cells) stay apart as cells unless they touch.
  const runs = placed === 2;
  if (overlap < 0.5 * height) return runs ? SPACE : APART;
  const gap = Math.abs(rb.left >= ra.left ? rb.left - ra.right : ra.left - rb.right);
  return gap <= WORD_GAP * height ? WORD : runs && gap <= SPACE_GAP * height ? SPACE : APART;
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

/** The box of a text's last (or first) character that is not a space; undefined when it has none or is not laid out. */
function charBox(t: Text, first: boolean): DOMRect | undefined {
  const data = t.data;
  let i = first ? 0 : data.length - 1;
  while (i >= 0 && i < data.length && /\s/.test(data[i]!)) i += first ? 1 : -1;
  if (i < 0 || i >= data.length) return undefined;
  const range = t.ownerDocument.createRange();
  range.setStart(t, i);
  range.setEnd(t, i + 1);
  const r = range.getBoundingClientRect();
  return r.width || r.height ? r : undefined;
}
