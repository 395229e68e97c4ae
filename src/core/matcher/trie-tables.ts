/**
 * The trie's lookup tables, which createMatcher builds from the dictionary's `fanout` and `edges`: one pass over every
 * node for where its children start, one over every edge for its character, its parent's direct table and whether a
 * word can go on past its parent. A content script builds a matcher cold, so each pass runs interpreted: in fresh
 * Chromium pages a loop over the ≈ 60,000 nodes took 2–3 ms even with an empty body, the two passes 8–17 ms together.
 *
 * So the background, which compiles the dictionary once, also writes these tables into the stored text (`trie`:
 * base64 of the typed arrays), and a content script decodes them natively (Uint8Array.fromBase64) instead of running
 * the passes. A dictionary without them (compiled in Node, or stored by an earlier release), or a browser without the
 * decoder, builds them as before. The typed arrays are written in the platform's byte order; the reader is a content
 * script of the same browser profile (storage.local), so the order is the same.
 */
import type { CompiledDictionary } from './compile';

/** A node's number of children is stored in `fanout` as the code unit FANOUT_BASE + that number. */
export const FANOUT_BASE = 0x100;

/** Nodes with at least this many children get a direct child table (over the folded ASCII code units 32–127). */
export const DENSE_FANOUT = 6;
/** Layout of the packed tables; a stored string of another layout is not read. */
const LAYOUT = 't1';

export interface TrieTables {
  /** Children of node k are childStart[k] … childStart[k+1]-1 (breadth-first order, sorted by code unit). */
  childStart: Int32Array;
  /** The character on the edge into node k (0 for the root). */
  edgeChar: Uint16Array;
  /**
   * 1 where no edge out of the node can follow the end of a word: it has no child, or only children on an ASCII
   * letter (a–z). Terminals are not counted here: createMatcher clears their nodes itself.
   */
  endInert: Uint8Array;
  /** Offset of the node's direct table in `dense`, or -1. */
  denseBase: Int32Array;
  /** Per dense node, 96 children by code unit − 32 (-1: none). */
  dense: Int32Array;
}

/** The tables, built from the dictionary's strings (the two passes). */
export function buildTrieTables(dict: Pick<CompiledDictionary, 'fanout' | 'edges'>): TrieTables {
  const nodeCount = dict.fanout.length;
  const fanout = dict.fanout;
  const edges = dict.edges;
  const childStart = new Int32Array(nodeCount + 1);
  const denseBase = new Int32Array(nodeCount).fill(-1);
  childStart[0] = 1;
  let denseCount = 0;
  for (let k = 0; k < nodeCount; k++) {
    const f = fanout.charCodeAt(k) - FANOUT_BASE;
    childStart[k + 1] = (childStart[k] as number) + f;
    if (k > 0 && f >= DENSE_FANOUT) denseBase[k] = 96 * denseCount++;
  }
  const dense = new Int32Array(96 * denseCount).fill(-1);
  const edgeChar = new Uint16Array(nodeCount);
  const endInert = new Uint8Array(nodeCount).fill(1);
  let parent = 0;
  for (let ch = 1; ch < nodeCount; ch++) {
    while (ch >= (childStart[parent + 1] as number)) parent++;
    const e = edges.charCodeAt(ch - 1);
    edgeChar[ch] = e;
    if (e < 97 || e > 122) endInert[parent] = 0;
    const base = denseBase[parent] as number;
    if (base >= 0 && e >= 32 && e < 128) dense[base + e - 32] = ch;
  }
  return { childStart, edgeChar, endInert, denseBase, dense };
}

/**
 * The tables as one string, to be stored with the dictionary: the layout and the number of dense nodes, then base64 of
 * childStart, the dense nodes in order, edgeChar and endInert (each array at an offset its element size divides). The dense tables themselves are rebuilt from the dense nodes'
 * children (≈ 5,600 edges with the public feeds), which is cheap.
 */
export function packTrieTables(t: TrieTables): string {
  const nodeCount = t.edgeChar.length;
  const denseNodes: number[] = [];
  for (let k = 0; k < nodeCount; k++) if ((t.denseBase[k] as number) >= 0) denseNodes.push(k);
  const bytes = new Uint8Array(4 * (nodeCount + 1) + 4 * denseNodes.length + 2 * nodeCount + nodeCount);
  let at = 0;
  const put = (a: ArrayBufferView) => {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += a.byteLength;
  };
  put(t.childStart);
  put(Int32Array.from(denseNodes));
  put(t.edgeChar);
  put(t.endInert);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `${LAYOUT}:${denseNodes.length}:${btoa(binary)}`;
}

const fromBase64 = () => (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;

/**
 * Whether `packed` has this layout and the length of the tables of `nodeCount` nodes, and this browser can decode it
 * (without decoding it: createMatcher does, once).
 */
function fits(packed: string, nodeCount: number): boolean {
  const head = /^(\w+):(\d{1,7}):/.exec(packed);
  if (typeof fromBase64() !== 'function' || !head || head[1] !== LAYOUT || nodeCount < 1) return false;
  return packed.length - head[0].length === 4 * Math.ceil((7 * nodeCount + 4 + 4 * Number(head[2])) / 3);
}

/** The packed tables of a dictionary of `nodeCount` nodes, when this browser decodes base64 natively and they are whole. */
export function unpackTrieTables(packed: string, nodeCount: number): TrieTables | undefined {
  const decode = fromBase64();
  const head = /^(\w+):(\d{1,7}):/.exec(packed);
  if (typeof decode !== 'function' || !head || head[1] !== LAYOUT) return undefined;
  const denseCount = Number(head[2]);
  let bytes: Uint8Array;
  try {
    bytes = decode(packed.slice(head[0].length));
  } catch {
    return undefined;
  }
  if (nodeCount < 1 || bytes.length !== 7 * nodeCount + 4 + 4 * denseCount || bytes.byteOffset !== 0) return undefined;
  const buffer = bytes.buffer;
  let at = 0;
  const childStart = new Int32Array(buffer, at, nodeCount + 1);
  at += 4 * (nodeCount + 1);
  const denseNodes = new Int32Array(buffer, at, denseCount);
  at += 4 * denseCount;
  const edgeChar = new Uint16Array(buffer, at, nodeCount);
  at += 2 * nodeCount;
  const endInert = new Uint8Array(buffer, at, nodeCount);
  if (childStart[0] !== 1 || childStart[nodeCount] !== nodeCount) return undefined;
  const denseBase = new Int32Array(nodeCount).fill(-1);
  const dense = new Int32Array(96 * denseCount).fill(-1);
  for (let i = 0; i < denseCount; i++) {
    const node = denseNodes[i] as number;
    if (node < 1 || node >= nodeCount) return undefined;
    const base = 96 * i;
    denseBase[node] = base;
    for (let ch = childStart[node] as number; ch < (childStart[node + 1] as number); ch++) {
      const e = edgeChar[ch] as number;
      if (e >= 32 && e < 128) dense[base + e - 32] = ch;
    }
  }
  return { childStart, edgeChar, endInert, denseBase, dense };
}

/**
 * The dictionary as stored for content scripts: with its tables packed, and without `fanout` (60,000 code units above
 * U+00FF, 363 KB of the ASCII text as escapes, each decoded by JSON.parse: in traces the parse took ≈ 2 ms more with
 * them), where this browser decodes the tables natively, as its content scripts then do; else as compiled.
 */
export function storedForm(dict: CompiledDictionary): Omit<CompiledDictionary, 'fanout'> & { fanout?: string } {
  if (typeof fromBase64() !== 'function') return dict;
  const { fanout, ...rest } = dict;
  void fanout;
  return { ...rest, trie: packTrieTables(buildTrieTables(dict)) };
}

/**
 * Gives a dictionary stored without `fanout` one again, worked out from its packed tables when first read (createMatcher
 * does not: it decodes the tables themselves); false when the tables cannot fit its trie (the dictionary is then not
 * read).
 */
export function packedFanout(dict: Pick<CompiledDictionary, 'edges'> & { fanout?: string }, packed: string): boolean {
  const nodeCount = dict.edges.length + 1;
  if (!fits(packed, nodeCount)) return false;
  let fanout: string | undefined;
  Object.defineProperty(dict, 'fanout', {
    enumerable: true,
    configurable: true,
    get(): string {
      if (fanout === undefined) {
        const { childStart } = unpackTrieTables(packed, nodeCount)!;
        const codes = new Uint16Array(nodeCount);
        for (let k = 0; k < nodeCount; k++) codes[k] = FANOUT_BASE + (childStart[k + 1] as number) - (childStart[k] as number);
        let text = '';
        for (let i = 0; i < nodeCount; i += 0x8000) text += String.fromCharCode(...codes.subarray(i, i + 0x8000));
        fanout = text;
      }
      return fanout;
    },
  });
  return true;
}

/** The dictionary's tables: decoded from its stored `trie` where it has one this browser can read, else built. */
export function trieTables(dict: Pick<CompiledDictionary, 'fanout' | 'edges' | 'trie'>): TrieTables {
  return (typeof dict.trie === 'string' ? unpackTrieTables(dict.trie, dict.edges.length + 1) : undefined) ?? buildTrieTables(dict);
}
