/**
 * Reads a page's visible text the way a reader sees it: one string per scan with a map back to text nodes,
 * so a name split across inline markup ("Lazarus <b>Group</b>") is still one match, while block boundaries
 * become line breaks. The reader's own work (inputs, editable areas) and code blocks are never read.
 */

/** Elements whose text is never scanned. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE']);

/** Inline elements: text on both sides of them flows together. */
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'INS', 'DEL', 'LABEL', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'ACTORLENS-MARK']);

export interface TextChunk {
  /** Text nodes in document order. */
  nodes: Text[];
  /** starts[i] = offset of nodes[i] in `text`. */
  starts: number[];
  text: string;
}

/** Our own UI host carries this attribute only while it exists; its subtree is never scanned. */
export const OWN_UI_ATTR = 'data-actorlens-ui';

/** The reader's work and our own UI: editable areas (contenteditable=true / plaintext-only / empty), form fields, code. */
export function isSkipped(el: Element): boolean {
  if (SKIP.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute(OWN_UI_ATTR)) return true;
  if ((el as HTMLElement).isContentEditable) return true;
  // Engines without isContentEditable (and detached trees) still carry the attribute.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return false;
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
 * chunks so the caller can yield between them; a chunk ends only at a block boundary. Open shadow roots met on
 * the way are handed to `onShadowRoot` (a TreeWalker does not enter them); the caller scans them as roots.
 */
export function* textChunks(root: Node, maxChars = 200_000, onShadowRoot?: (root: ShadowRoot) => void): Generator<TextChunk> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType !== 1) return NodeFilter.FILTER_ACCEPT;
      if (isSkipped(node as Element)) return NodeFilter.FILTER_REJECT;
      const shadow = (node as Element).shadowRoot;
      if (shadow && onShadowRoot) onShadowRoot(shadow);
      return NodeFilter.FILTER_SKIP;
    },
  });
  let nodes: Text[] = [];
  let starts: number[] = [];
  let parts: string[] = [];
  let length = 0;
  let lastBlock: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const value = text.data;
    if (!value) continue;
    const block = blockOf(text);
    if (block !== lastBlock && length > 0) {
      if (length >= maxChars) {
        yield { nodes, starts, text: parts.join('') };
        nodes = [];
        starts = [];
        parts = [];
        length = 0;
      } else {
        parts.push('\n');
        length += 1;
      }
    }
    lastBlock = block;
    nodes.push(text);
    starts.push(length);
    parts.push(value);
    length += value.length;
  }
  if (nodes.length) yield { nodes, starts, text: parts.join('') };
}

const blockCache = new WeakMap<Node, Node>();

/** The nearest ancestor that is not inline: the unit of text a name cannot cross. */
export function blockOf(node: Node): Node {
  const parent = node.parentNode;
  if (!parent) return node;
  const cached = blockCache.get(parent);
  if (cached) return cached;
  let el: Node | null = parent;
  while (el && el.nodeType === 1 && INLINE.has((el as Element).tagName.toUpperCase())) el = el.parentNode;
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
  if (within < 0 || within > node.data.length) return undefined;
  return { node, offset: within };
}
