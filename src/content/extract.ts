/**
 * Reads a page's visible text the way a reader sees it: one string per scan with a map back to text nodes,
 * so a name split across inline markup ("Lazarus <b>Group</b>") is still one match, while block boundaries
 * become line breaks. The reader's own work (inputs, editable areas) and code blocks are never read (a <pre> holding
 * prose, or a plain-text document's, is not code: see page-text.ts).
 */

import { isWordCode } from '../core/matcher/normalize';
import { APART, joinOf, outOfFlow, SPACE, type Box } from './joins';
import { EDITOR_CLASSES, isEditorWidget, preReadsAsProse, SKIPPED_ELEMENTS, SKIPPED_IN_PLAIN_TEXT, unwrapLinesIn } from '../core/page-text';

/**
 * The elements that may host a shadow root (DOM standard, attachShadow), besides autonomous custom elements: the
 * walk asks only these for one, saving a call into the browser for every other element.
 */
const SHADOW_HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

/**
 * Inline elements: text on both sides of them flows together. Not <sup> and <sub>: a footnote mark glued to a name
 * ("Lazarus Group<sup>1</sup>") would make it a longer word; they end a word as a block does.
 */
export const INLINE: ReadonlySet<string> = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'dfn', 'em', 'font', 'i', 'ins', 'del', 'label', 'mark', 'q', 's', 'small', 'span', 'strong', 'time', 'u', 'var', 'wbr', 'actorlens-mark', 'tspan', 'textPath']);

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * SVG elements whose content is never drawn where it stands (definitions, paint servers, metadata): an inline SVG is
 * read for its drawn text only (<text>, <tspan>, <textPath>: a chart's labels, an attack-flow diagram), which the
 * highlight API paints like any other. Its <title> (a tooltip) is skipped with HTML's.
 */
const SVG_UNDRAWN: ReadonlySet<string> = new Set(['desc', 'metadata', 'defs', 'symbol', 'clipPath', 'mask', 'pattern', 'marker', 'linearGradient', 'radialGradient', 'filter']);

/** Is `el` read as an inline SVG (not skipped as `svg` is by name in SKIPPED_ELEMENTS)? */
function isReadSvg(el: Element): boolean {
  return el.localName === 'svg' && el.namespaceURI === SVG_NS;
}

function isUndrawnSvg(el: Element): boolean {
  return SVG_UNDRAWN.has(el.localName) && el.namespaceURI === SVG_NS;
}

export interface TextChunk {
  /** Text nodes in document order. */
  nodes: Text[];
  /** starts[i] = offset of nodes[i] in `text` (negative for a first node read from inside: a later piece of it). */
  starts: number[];
  text: string;
  /** Set when the chunk ends inside its last node (a long text node read in pieces): the rest is the next chunk's. */
  cutInLast?: true;
  /**
   * Where the chunk's own text begins and ends, when it was cut inside a block: the text before `ownFrom` is the end
   * of the previous chunk and the text from `ownTo` on the start of the next, both read again so that a name running
   * over the cut is seen whole, with the words around it. A match is the chunk's only where it starts in
   * [ownFrom, ownTo) (`ownsMatchAt`): each name is taken from one chunk.
   */
  ownFrom?: number;
  ownTo?: number;
}

/** Does a match starting at `start` in the chunk's text belong to this chunk (not to the one before or after)? */
export function ownsMatchAt(chunk: TextChunk, start: number): boolean {
  return start >= (chunk.ownFrom ?? 0) && (chunk.ownTo === undefined || start < chunk.ownTo);
}

/**
 * Characters read again on each side of a cut inside a block. The longest name of the public feeds has 58 characters;
 * the rest lets the matcher see the words around a name near the cut (a cue before it, "group" after it) as it would in
 * the whole text.
 */
export const CUT_OVERLAP = 256;

/** Our own UI host carries this attribute only while it exists; its subtree is never scanned. */
export const OWN_UI_ATTR = 'data-actorlens-ui';

/** The elements never read in `doc` (see page-text.ts). */
export function skippedIn(doc: Document | null): ReadonlySet<string> {
  return doc?.contentType === 'text/plain' ? SKIPPED_IN_PLAIN_TEXT : SKIPPED_ELEMENTS;
}

/**
 * The reader's work and our own UI: editable areas (contenteditable=true / plaintext-only / empty), code editors,
 * form fields, code.
 */
export function isSkipped(el: Element): boolean {
  const name = el.localName;
  if (isReadSvg(el)) return skippedByAttribute(el);
  return (skippedIn(el.ownerDocument).has(name) && !(name === 'pre' && isProsePre(el))) || isUndrawnSvg(el) || skippedByAttribute(el) || (name === 'table' && isCodeTable(el));
}

const MONOSPACE = /mono|courier|consolas|menlo|monaco/i;

/**
 * A table of code lines (a code host's file view: a line-number column and a column of code, with no <pre> or <code>
 * around it) is code: told by how its last cell is shown, whitespace kept and a monospace font. One style read per
 * table; an indicator table shown in a monospace font still wraps its cells, and is read.
 */
function isCodeTable(table: Element): boolean {
  // Kept per table: a live table's changes are checked upwards (insideSkipped) at every flush.
  let code = codeTables.get(table);
  if (code === undefined) {
    const cell = (table as HTMLTableElement).rows?.[0]?.lastElementChild;
    const style = cell ? table.ownerDocument.defaultView?.getComputedStyle(cell) : undefined;
    code = !!style && /^(pre|pre-wrap|break-spaces)$/.test(style.whiteSpace) && MONOSPACE.test(style.fontFamily);
    // An empty table (rows still to come) is asked again.
    if (cell) codeTables.set(table, code);
  }
  return code;
}
const codeTables = new WeakMap<Element, boolean>();

/**
 * Chromium's XML viewer (a feed or a sitemap opened in a tab) shows a tree it builds from the document and keeps the
 * source itself, hidden, in this element: read too, every name would be counted twice. The reader sees the tree.
 */
const XML_VIEWER_SOURCE = 'webkit-xml-viewer-source-xml';

function skippedByAttribute(el: Element): boolean {
  if (el.hasAttribute(OWN_UI_ATTR)) return true;
  if (el.id === XML_VIEWER_SOURCE && !el.ownerDocument.contentType.includes('html')) return true;
  // The attribute, not isContentEditable: that getter forces a style recalculation of the whole page. Descendants
  // of an editable element are skipped with it (the walk rejects the subtree; insideSkipped looks upwards).
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return isEditorWidget(el.getAttribute('class'), el.getAttribute('role'));
}

/**
 * What `skippedByAttribute` looks for, as queries: the attributes in one, each class and the id on its own, as
 * Chromium answers a query of one class or one id without matching a list of selectors against every element (on
 * the news-like page of bench:page, 1.7 ms against 3.2 ms for one query of the whole list).
 */
const SKIPPED_BY_ATTRIBUTE = `[contenteditable]:not([contenteditable="false" i]), [${OWN_UI_ATTR}], [role="textbox" i]`;

/**
 * Does anything under `root` carry an attribute that makes it skipped? Most pages have no editable region and
 * none of our UI: one native query then spares the walk two attribute reads per element (on the news-like page
 * of bench:page, a walk from an isolated world took 29 ms instead of 37, the query included; medians of 15).
 * An element made editable while the walk waits between chunks is read; typing there is never re-read, as the
 * scanner checks `insideSkipped` before reading a changed block again.
 */
function hasSkippedByAttribute(root: Node): boolean {
  try {
    const parent = root as ParentNode;
    if (parent.querySelector(SKIPPED_BY_ATTRIBUTE) !== null) return true;
    if (EDITOR_CLASSES.some((name) => parent.querySelector(`.${name}`) !== null)) return true;
    // Only outside HTML is that id Chromium's XML viewer's (skippedByAttribute).
    const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
    return !doc?.contentType.includes('html') && parent.querySelector(`#${XML_VIEWER_SOURCE}`) !== null;
  } catch {
    return true;
  }
}

/** True when `node` sits inside something never scanned (checked upwards, across shadow boundaries). */
export function insideSkipped(node: Node): boolean {
  for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n; ) {
    if (n.nodeType === 1) {
      if (isSkipped(n as Element)) return true;
      n = n.parentNode;
    } else if (n.nodeType === 11) {
      n = (n as ShadowRoot).host ?? null;
    } else {
      return false;
    }
  }
  return false;
}

/**
 * Collects text under `root` (an element, document or shadow root). `maxChars` cuts the walk into
 * chunks so the caller can yield between them; a chunk ends at a block boundary, or, in a block far longer than
 * `maxChars`, between sentences. Open shadow roots under
 * `root` are handed to `onShadowRoot` as the walk meets their hosts (the walk does not enter them); the caller
 * scans them as roots. Elements skipped for an attribute (editable regions, code editors, our UI) are handed to
 * `onSkipped`: text painted before may have been moved into one since.
 *
 * A text node longer than `maxChars` (a plain-text document is one) is read in pieces, cut after a paragraph break, a
 * sentence or a line break where there is one (`cutPoint`): its pieces sit in successive chunks, each starting inside
 * the node (a negative start). Wherever a chunk is cut inside a block (a long node's piece, a block of thousands of
 * elements), it reads `overlap` characters on past the cut and the next chunk starts as many before it, so a name over
 * the cut ("Cobalt | Strike" in a one-line log) is read whole: `ownFrom`/`ownTo` say which matches are whose.
 * In a <pre> that is read, lines wrapped by hand are joined (page-text.ts `unwrapLinesIn`).
 *
 * Speed: the walk steps through the tree itself (firstChild, nextSibling, and parentNode on the way up) rather than
 * with a TreeWalker: it then knows each text node's block from the elements it has entered, never enters a skipped
 * subtree, and meets every element once, where the open shadow roots are looked for. From an isolated world on the
 * 1 MB benchmark page, 18.8 ms against 27.8 ms with a TreeWalker, a map of parents to blocks and the same checks
 * (medians of 9 fresh pages, interleaved). Should the page remove the node the walk stands on while it waits between
 * chunks, the walk ends there, as a TreeWalker's would; the page's mutations are followed anyway.
 */
export function* textChunks(
  root: Node,
  maxChars = 200_000,
  onShadowRoot?: (root: ShadowRoot) => void,
  onSkipped?: (el: Element) => void,
  overlap = CUT_OVERLAP,
): Generator<TextChunk> {
  let nodes: Text[] = [];
  let starts: number[] = [];
  let parts: string[] = [];
  let length = 0;
  /** Where this chunk's own text starts (past the end of the previous chunk, read again). */
  let ownFrom = 0;
  /** Where a cut inside the block was decided, while the text after it is read ahead (−1: none). */
  let cutAt = -1;
  let lastBlock: Node | null = null;
  /** The last text node read, and whether it ended in a letter or digit. */
  let lastText: Text | null = null;
  let lastWordEnd = false;
  /** The block of the text met now: the nearest entered element that is not inline, or the root. */
  let block: Node = root;
  /** The blocks to return to, one per element entered. */
  const outer: Node[] = [];
  let node: Node | null = root.firstChild;
  let name = '';
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  const skip = skippedIn(doc);
  const checkAttributes = hasSkippedByAttribute(root);
  /** What joinOf read of the elements it asked about (each is asked twice: after its text and before). */
  const boxes = new Map<Element, Box>();
  /** Whether an element's style shows its text's line breaks (showsBreaks), asked once per element. */
  const breaksShown = new Map<Element, boolean>();
  /**
   * A line break taken out of the flow (absolutely placed, as a PDF viewer's text layer ends each line with one)
   * came since the last text: it breaks no line, so where the next run is placed decides (joinOf).
   */
  let placedBreak = false;
  // A shadow host added after load is itself the root re-read (a web component appended by a framework).
  if (onShadowRoot && root.nodeType === 1) {
    const own = (root as Element).shadowRoot;
    if (own) onShadowRoot(own);
  }
  /** The chunk read so far; the next one starts empty. */
  const take = (): TextChunk => {
    const done: TextChunk = { nodes, starts, text: parts.join('') };
    if (ownFrom > 0) done.ownFrom = ownFrom;
    nodes = [];
    starts = [];
    parts = [];
    length = 0;
    ownFrom = 0;
    cutAt = -1;
    return done;
  };
  /**
   * Ends the chunk at `cutAt` inside a block, the text read past it included: the next chunk starts with the last
   * `overlap` characters before the cut (the nodes holding them, the first read from inside as a piece is).
   */
  const takeAtCut = (): TextChunk => {
    const at = cutAt;
    const done = take();
    if (at >= done.text.length && !done.ownFrom) return done;
    done.ownTo = at;
    const leadFrom = Math.max(0, at - overlap);
    if (at - leadFrom > 0) {
      let i = done.starts.length - 1;
      while (i > 0 && done.starts[i]! > leadFrom) i--;
      nodes = done.nodes.slice(i);
      starts = done.starts.slice(i).map((s) => s - leadFrom);
      const lead = done.text.slice(leadFrom);
      parts = [lead];
      length = lead.length;
      ownFrom = at - leadFrom;
    }
    return done;
  };
  while (node) {
    const type = node.nodeType;
    if (type === 3) {
      const value = (node as Text).data;
      if (value) {
        // Two elements side by side with no space between, laid out apart (tag chips in a flex row, spans shown as
        // blocks, cells of a row spaced by margins): their words are not one word ("EmotetTrickBot"); runs placed
        // one by one (a PDF viewer's text layer) join as the reader sees them placed. Asked of the style, and the
        // layout, only where a letter meets a letter across elements, or after a line break out of the flow.
        // The parents last: each is a call into the browser, and from an isolated world a look-up of the node's wrapper.
        if (block === lastBlock && lastText && (placedBreak || (lastWordEnd && isWordCode(value.charCodeAt(0)))) && lastText.parentNode !== node.parentNode) {
          const join = joinOf(lastText, node as Text, block, boxes, placedBreak);
          if (join === APART) {
            lastBlock = null;
          } else if (join === SPACE) {
            parts.push(' ');
            length += 1;
          }
        }
        placedBreak = false;
        if (block !== lastBlock && length > 0) {
          // A cut waiting inside the block before is made here, where the block ends: no name runs over this one.
          if (length >= maxChars || cutAt >= 0) {
            yield take();
          } else {
            parts.push('\n');
            length += 1;
          }
        } else {
          if (
            cutAt < 0 &&
            (length >= 2 * maxChars || nodes.length >= CUT_NODES) &&
            (nodes.length >= 4 * CUT_NODES || endsSentence(parts[parts.length - 1]!, value, length >= 8 * maxChars || nodes.length >= 2 * CUT_NODES))
          ) {
            // One block holding a whole page (every word in its own <span>): cut it between sentences, so the
            // caller can still yield, rather than read it in one piece. Counted in text nodes too, as each costs the
            // walk a few microseconds whatever its length, and at any space or, past 4 × CUT_NODES, anywhere: 100,000
            // one-word <span>s glued with no space made one chunk, read in a 440–780 ms task. Where it is cut, a name
            // may run over ("Wizard <b>Spider</b>"): the chunk reads on `overlap` characters first (takeAtCut).
            cutAt = length;
          }
          if (cutAt >= 0 && length - cutAt >= overlap) yield takeAtCut();
        }
        lastBlock = block;
        // A line break in an HTML page's text is rendered as a space: it must not end a name ("Wizard\nSpider").
        // In a <pre> that is read (a plain-text document's, or one holding prose), lines wrapped by hand are
        // joined and blank lines kept. Where the style shows line breaks (white-space: pre-wrap, pre-line: a post, a
        // comment), a break after a short line is one the writer made and stays one, as a <br> does: a list of names
        // one a line reads as a list, not as a sentence of names (showsBreaks, breaksAfterShortLines).
        // A node read in pieces has each piece's lines joined as it is read, not the whole node at its first piece.
        // The style is asked only where its answer changes the text: where no line is short, every break reads as a
        // space either way (source lines wrapped by hand inside a paragraph, as Markdown-made pages have them).
        const hasBreak = value.indexOf('\n') >= 0;
        const lineBefore = hasBreak ? lineLengthAtEnd(parts) : 0;
        const lines = !hasBreak
          ? NO_BREAKS
          : (block as Element).localName === 'pre'
            ? WRAPPED
            : breakBetweenWords(value) && breakAfterShortLine(value, lineBefore) && showsBreaks((node as Text).parentElement, breaksShown)
              ? SHOWN
              : FLOWING;
        /** Where the node's text not yet owned by a chunk starts, and where the text read of it starts (`overlap` before). */
        let from = 0;
        let readFrom = 0;
        // A node read in pieces makes its own cuts: one waiting before it is dropped (the chunk ends in this node).
        if (value.length > maxChars) cutAt = -1;
        while (value.length - from > maxChars) {
          const cut = cutPoint(value, from, maxChars);
          // Each piece reads on past its cut, and the next one starts before it: a name over the cut is read whole by
          // the piece where it starts (ownsMatchAt), with the words around it.
          const to = Math.min(value.length, cut + overlap);
          nodes.push(node as Text);
          starts.push(length - readFrom);
          parts.push(readPart(value, lines, readFrom, to, lineBefore));
          const ownTo = length + cut - readFrom;
          const piece = take();
          piece.cutInLast = true;
          if (to > cut) piece.ownTo = ownTo;
          from = cut;
          readFrom = Math.max(0, cut - overlap);
          ownFrom = from - readFrom;
          yield piece;
        }
        nodes.push(node as Text);
        starts.push(length - readFrom);
        parts.push(readPart(value, lines, readFrom, value.length, lineBefore));
        length += value.length - readFrom;
        lastText = node as Text;
        lastWordEnd = isWordCode(value.charCodeAt(value.length - 1));
      }
    } else if (type === 1 && (name = (node as Element).localName) === 'br') {
      // A line break ends a word as a block does ("TrickBot<br>Emotet" is two names, not "TrickBotEmotet"), unless it
      // is taken out of the flow and breaks nothing (asked only of a <br> beside the last text's element, not of
      // one in the same paragraph as its text).
      if (lastText && block === lastBlock && lastText.parentNode !== node.parentNode && outOfFlow(node as Element, boxes)) placedBreak = true;
      else lastBlock = null;
    } else if (
      type === 1 &&
      (!skip.has(name) || (name === 'pre' && isProsePre(node as Element)) || isReadSvg(node as Element)) &&
      !(SVG_UNDRAWN.has(name) && isUndrawnSvg(node as Element)) &&
      !(name === 'table' && isCodeTable(node as Element))
    ) {
      if (checkAttributes && skippedByAttribute(node as Element)) {
        // Not entered: the reader's work or our UI (the caller lets go of what it painted there before).
        onSkipped?.(node as Element);
      } else {
        if (onShadowRoot && (SHADOW_HOSTS.has(name) || name.includes('-'))) {
          const shadow = (node as Element).shadowRoot;
          if (shadow) onShadowRoot(shadow);
        }
        const first = node.firstChild;
        if (first) {
          outer.push(block);
          if (!INLINE.has(name)) block = node;
          node = first;
          continue;
        }
      }
    }
    // The next node: a sibling, or the sibling of the nearest entered element that has one.
    let next: Node | null = node.nextSibling;
    while (!next) {
      const up: Node | null = node!.parentNode;
      if (!up || up === root || !outer.length) break;
      block = outer.pop()!;
      node = up;
      next = up.nextSibling;
    }
    node = next;
  }
  if (nodes.length) yield take();
}

const NEWLINES = /\n/g;

/** How a text node's line breaks read: it has none; hand-wrapped lines of a <pre> (joined); flowing text (spaces). */
const NO_BREAKS = 0;
const WRAPPED = 1;
const FLOWING = 2;
/** Shown by the style (white-space: pre-wrap, pre-line…): a post or a message whose lines the writer ended. */
const SHOWN = 3;

/** value[from, to) as read, the same length (offsets into it are offsets into the node). */
function readPart(value: string, lines: number, from: number, to: number, lineBefore = 0): string {
  if (lines === WRAPPED) return unwrapLinesIn(value, from, to);
  if (lines === SHOWN) return breaksAfterShortLines(value, from, to, lineBefore);
  const part = from === 0 && to === value.length ? value : value.slice(from, to);
  return lines === FLOWING ? part.replace(NEWLINES, ' ') : part;
}

/**
 * Has `value` a line break with a word on each side (not only the indentation of the page's source)? As
 * /\S[^\S\n]*\n\s*\S/ would say, by character codes from each break rather than trying the expression at every
 * start (on a 1 MB article whose source lines are wrapped inside its paragraphs, the walk took 24.1 ms of main-thread
 * CPU against 27.7 ms).
 */
function breakBetweenWords(value: string): boolean {
  for (let at = value.indexOf('\n'); at >= 0; at = value.indexOf('\n', at + 1)) {
    let after = at + 1;
    while (after < value.length && isSpaceCode(value.charCodeAt(after))) after++;
    // Only white space after it: after any later break too.
    if (after === value.length) return false;
    let before = at - 1;
    while (before >= 0 && value.charCodeAt(before) !== 10 && isSpaceCode(value.charCodeAt(before))) before--;
    if (before >= 0 && value.charCodeAt(before) !== 10) return true;
  }
  return false;
}

/**
 * A line from this length on, in a text whose line breaks are shown, is taken for a line wrapped by hand (a mail's
 * body at 72 columns): the break after it reads as a space, so a name over it is one ("Wizard\nSpider"). A shorter
 * line is one the writer ended (a list of names, one a line, in a post): the break stays a line break, as a <br> is.
 */
const WRAPPED_LINE = 40;

/**
 * value[from, to) with each line break after a line shorter than WRAPPED_LINE kept and the others read as spaces.
 * `lineBefore`: the length of the line the node starts in, before the node (text of earlier inline elements).
 */
function breaksAfterShortLines(value: string, from: number, to: number, lineBefore: number): string {
  let out = '';
  let last = from;
  for (let i = value.indexOf('\n', from); i >= 0 && i < to; i = value.indexOf('\n', i + 1)) {
    const start = i === 0 ? 0 : value.lastIndexOf('\n', i - 1) + 1;
    if (i - start + (start === 0 ? lineBefore : 0) < WRAPPED_LINE) continue;
    out += `${value.slice(last, i)} `;
    last = i + 1;
  }
  return last === from ? value.slice(from, to) : out + value.slice(last, to);
}

/**
 * Would a line break of `value` stay one where the style shows breaks (`breaksAfterShortLines`: a line shorter than
 * WRAPPED_LINE before it)? If none would, the text reads the same whether the style shows them or not.
 */
function breakAfterShortLine(value: string, lineBefore: number): boolean {
  let start = 0;
  for (let at = value.indexOf('\n'); at >= 0; start = at + 1, at = value.indexOf('\n', at + 1)) {
    if (at - start + (start === 0 ? lineBefore : 0) < WRAPPED_LINE) return true;
  }
  return false;
}

/** How long the last line of the text read so far is (up to WRAPPED_LINE). */
function lineLengthAtEnd(parts: readonly string[]): number {
  let n = 0;
  for (let i = parts.length - 1; i >= 0 && n < WRAPPED_LINE; i--) {
    const part = parts[i]!;
    const k = part.lastIndexOf('\n');
    if (k >= 0) return n + part.length - k - 1;
    n += part.length;
  }
  return n;
}

const KEEPS_BREAKS = /^(preserve|preserve-breaks|break-spaces)$/;
const SHOWS_BREAKS = /^(pre|pre-wrap|pre-line|break-spaces)$/;

/**
 * Does `el`'s style show its text's line breaks (white-space pre-wrap or pre-line: a social post, a comment, a chat
 * message)? Asked only of an element whose text has a line break between two words, once per element of the walk.
 */
function showsBreaks(el: Element | null, cache: Map<Element, boolean>): boolean {
  if (!el) return false;
  let shown = cache.get(el);
  if (shown === undefined) {
    const style = el.ownerDocument.defaultView?.getComputedStyle(el);
    const collapse = style?.getPropertyValue('white-space-collapse');
    shown = collapse ? KEEPS_BREAKS.test(collapse) : !!style && SHOWS_BREAKS.test(style.whiteSpace);
    if (cache.size > 1_000) cache.clear();
    cache.set(el, shown);
  }
  return shown;
}

/**
 * Text nodes in a chunk past which a block is cut at a sentence end (at any space from 2 ×, anywhere between two
 * nodes from 4 ×): the walk's cost goes by nodes, not characters (≈ 4 µs each with a layout check, laidOutApart).
 */
const CUT_NODES = 2_000;

/** A <pre> of an HTML page that reads as prose (a message in a mail archive), see page-text.ts. */
function isProsePre(el: Element): boolean {
  return preReadsAsProse(() => el.textContent ?? '', `${el.className} ${el.firstElementChild?.className ?? ''}`, el.querySelector('code') !== null);
}

/**
 * May a chunk end between the text `before` and `next` of one block? After a sentence (a name does not run over
 * one), or, when `anySpace`, at any space. Asked of every text node of a block past CUT_NODES until it says yes
 * (a long navigation list, where no text ends a sentence): by character codes, as regular expressions ending in `$`
 * try every start in `before`.
 */
function endsSentence(before: string, next: string, anySpace: boolean): boolean {
  let i = before.length - 1;
  if (!(i >= 0 && isSpaceCode(before.charCodeAt(i))) && !(next.length > 0 && isSpaceCode(next.charCodeAt(0)))) return false;
  if (anySpace) return true;
  // [.!?], then closing quotes or brackets, then white space, at the end of `before`.
  while (i >= 0 && isSpaceCode(before.charCodeAt(i))) i--;
  while (i >= 0 && SENTENCE_CLOSERS.has(before.charCodeAt(i))) i--;
  return i >= 0 && SENTENCE_STOPS.has(before.charCodeAt(i));
}

/** " ' ” ’ ) ] */
const SENTENCE_CLOSERS = new Set([34, 39, 0x201d, 0x2019, 41, 93]);

/** Is `c` white space as a regular expression's \s is (ECMAScript WhiteSpace and LineTerminator)? */
function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Where to end a piece of a long text that starts at `from`: after a paragraph break, else after a sentence, else a
 * line break or a space. Pieces overlap (`CUT_OVERLAP`), so a name running over the cut is still read whole; a cut
 * between sentences keeps a name's sentence in the piece that owns the name (in text wrapped by hand a line break is
 * read as a space and lines break inside names, "Wizard\nSpider").
 */
function cutPoint(value: string, from: number, maxChars: number): number {
  const limit = from + maxChars;
  const half = from + (maxChars >> 1);
  const paragraph = value.lastIndexOf('\n\n', limit - 2);
  if (paragraph > half) return paragraph + 2;
  for (let at = limit - 1; at > half; at--) {
    const c = value.charCodeAt(at);
    if ((c === 32 || c === 10) && SENTENCE_STOPS.has(value.charCodeAt(at - 1))) return at + 1;
  }
  for (const sep of ['\n', ' ']) {
    const at = value.lastIndexOf(sep, limit - sep.length);
    if (at > half) return at + sep.length;
  }
  return limit;
}

/** . ! ? */
const SENTENCE_STOPS = new Set([46, 33, 63]);

const blockCache = new WeakMap<Node, Node>();

/** The nearest ancestor that is not inline: the unit of text a name cannot cross. */
export function blockOf(node: Node): Node {
  const parent = node.parentNode;
  if (!parent) return node;
  const cached = blockCache.get(parent);
  if (cached) return cached;
  let el: Node | null = parent;
  while (el && el.nodeType === 1 && INLINE.has((el as Element).localName)) el = el.parentNode;
  const block = el ?? parent;
  blockCache.set(parent, block);
  return block;
}

/** Finds the text node and offset of a position in a chunk (binary search over starts). */
export function locate(chunk: TextChunk, offset: number, preferEnd = false): { node: Text; offset: number } | undefined {
  const { starts, nodes } = chunk;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (s < offset || (s === offset && !preferEnd)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  if (!node) return undefined;
  const within = offset - starts[lo]!;
  if (within < 0 || within > node.length) return undefined;
  return { node, offset: within };
}

/**
 * Like `locate`, but steps from `hint` (the node index of a nearby earlier answer) instead of searching: painting
 * a chunk's sorted matches then walks its nodes once. Returns the node index too, as the next hint. Gives the
 * same answer as `locate` for any hint (the condition is monotone over the ascending starts).
 */
export function locateFrom(chunk: TextChunk, offset: number, preferEnd: boolean, hint: number): { node: Text; offset: number; index: number } | undefined {
  const { starts, nodes } = chunk;
  const before = (s: number) => s < offset || (s === offset && !preferEnd);
  let i = Math.min(Math.max(hint, 0), starts.length - 1);
  if (i < 0) return undefined;
  while (i + 1 < starts.length && before(starts[i + 1]!)) i++;
  while (i > 0 && !before(starts[i]!)) i--;
  const node = nodes[i];
  if (!node) return undefined;
  const within = offset - starts[i]!;
  if (within < 0 || within > node.length) return undefined;
  return { node, offset: within, index: i };
}
