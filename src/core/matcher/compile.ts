/**
 * compileDictionary: entities → a compact, JSON-only dictionary (word-start trie + alias table).
 * Built once per dictionary version (background or build time) and structured-cloned to content scripts.
 *
 * Layout (format 1):
 *  - `ids`, `names`: per entity; `kinds`: one letter per entity (a actor, m malware, t tool, r ransomware).
 *  - `aliases`: written alias; `aliasEntity`: entity index; `aliasFlags`: caseMode | ambiguity << 2.
 *  - trie in breadth-first order: node 0 is the root; `edges` is one string, edges[k-1] is the character on the
 *    edge into node k; `fanout` is one string, fanout charCode − FANOUT_BASE = number of children of node k.
 *    Children of a node are contiguous and in order, so no pointers are stored.
 *  - `terminals`: flat [node, aliasIndex, node, aliasIndex, …], sorted by node; aliases of a node in priority order.
 */
import { allNames, type Entity, type EntityKind } from '../model/entity';
import { AMBIGUITY, type AmbiguityLevel } from './ambiguity';
import { caseSignature, isWordCode, normalizeKey } from './normalize';
import { commonWordTier } from './stoplist';

export interface CompiledDictionary {
  version: string;
  format: 1;
  ids: string[];
  names: string[];
  kinds: string;
  /** 1 = bundled entity (preferred when several entities share a name). */
  aliases: string[];
  aliasEntity: number[];
  aliasFlags: number[];
  edges: string;
  fanout: string;
  terminals: number[];
  /** Names left out (empty, shorter than 3 characters, or not starting with a letter or digit). */
  skipped: number;
}

export const FANOUT_BASE = 0x100;

/** How the written case must agree with the alias. */
export const CASE = {
  /** any case (distinctive names: TrickBot, NetWire, Storm-0558) */
  any: 0,
  /** exactly as written (GRU, APT29, TA505, ambiguous names) */
  exact: 1,
  /** as written, or all capitals (Emotet / EMOTET, Lazarus Group / LAZARUS GROUP) */
  title: 2,
} as const;
export type CaseMode = (typeof CASE)[keyof typeof CASE];

const KIND_LETTER: Record<EntityKind, string> = { actor: 'a', malware: 'm', tool: 't', ransomware: 'r' };
export const LETTER_KIND: Record<string, EntityKind> = { a: 'actor', m: 'malware', t: 'tool', r: 'ransomware' };

/** When several entities share a name and no cue decides: bundled first, then this kind order, then input order. */
export const KIND_PRIORITY: readonly EntityKind[] = ['actor', 'malware', 'ransomware', 'tool'];

export function ambiguityLevel(name: string, flagged: boolean | undefined): AmbiguityLevel {
  const key = normalizeKey(name);
  if (flagged) return AMBIGUITY.flagged;
  const sig = caseSignature(name);
  // A feed name written all in lower case ("payload", "template", "schtasks") is spelled like an ordinary word.
  if (!key.includes(' ') && /^\p{Ll}+$/u.test(sig)) return AMBIGUITY.common;
  const tier = commonWordTier(key);
  if (tier === 'frequent') return AMBIGUITY.common;
  if (tier === 'common') return AMBIGUITY.flagged;
  if (!key.includes(' ') && /^\p{Lu}\p{Ll}+$/u.test(sig)) return AMBIGUITY.wordlike;
  return AMBIGUITY.distinct;
}

export function caseMode(name: string, level: AmbiguityLevel): CaseMode {
  const sig = caseSignature(name);
  const letters = sig.replace(/[^\p{L}]/gu, '');
  if (level === AMBIGUITY.common || level === AMBIGUITY.flagged) return CASE.exact;
  if (letters.length <= 2) return CASE.exact;
  const allCaps = letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  if (allCaps && letters.length <= 4) return CASE.exact;
  if (level === AMBIGUITY.wordlike) return CASE.title;
  if (/\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}/u.test(sig) || /\p{N}/u.test(sig) || allCaps) return CASE.any;
  return CASE.title;
}

interface BuildNode {
  children: Map<number, BuildNode>;
  aliases: number[];
  id: number;
}

export function compileDictionary(entities: readonly Entity[], opts: { version?: string } = {}): CompiledDictionary {
  const order = entities
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      const ab = a.e.provenance.includes('bundled') ? 0 : 1;
      const bb = b.e.provenance.includes('bundled') ? 0 : 1;
      if (ab !== bb) return ab - bb;
      const ak = KIND_PRIORITY.indexOf(a.e.kind);
      const bk = KIND_PRIORITY.indexOf(b.e.kind);
      return ak !== bk ? ak - bk : a.i - b.i;
    });
  const ids: string[] = [];
  const names: string[] = [];
  let kinds = '';
  const aliases: string[] = [];
  const aliasEntity: number[] = [];
  const aliasFlags: number[] = [];
  const root: BuildNode = { children: new Map(), aliases: [], id: 0 };
  let skipped = 0;
  const seenEntityIds = new Set<string>();
  for (const { e } of order) {
    if (seenEntityIds.has(e.id)) continue;
    seenEntityIds.add(e.id);
    const ei = ids.length;
    ids.push(e.id);
    names.push(e.name);
    kinds += KIND_LETTER[e.kind] ?? 'a';
    const seenKeys = new Set<string>();
    for (const alias of allNames(e)) {
      const key = normalizeKey(alias.name);
      if (key.length < 3 || !isWordCode(key.charCodeAt(0))) {
        skipped++;
        continue;
      }
      const dedupe = `${key}\u0000${caseSignature(alias.name)}`;
      if (seenKeys.has(dedupe)) continue;
      seenKeys.add(dedupe);
      const level = ambiguityLevel(alias.name, alias.ambiguous);
      const ai = aliases.length;
      aliases.push(alias.name.trim());
      aliasEntity.push(ei);
      aliasFlags.push(caseMode(alias.name, level) | (level << 2));
      let node = root;
      for (let k = 0; k < key.length; k++) {
        const c = key.charCodeAt(k);
        let next = node.children.get(c);
        if (!next) {
          next = { children: new Map(), aliases: [], id: -1 };
          node.children.set(c, next);
        }
        node = next;
      }
      node.aliases.push(ai);
    }
  }
  // Breadth-first flattening.
  const edges: string[] = [];
  const fanout: string[] = [];
  const terminals: number[] = [];
  const queue: BuildNode[] = [root];
  let nextId = 1;
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q] as BuildNode;
    const kids = [...node.children.entries()].sort((a, b) => a[0] - b[0]);
    fanout.push(String.fromCharCode(FANOUT_BASE + kids.length));
    for (const [c, child] of kids) {
      child.id = nextId++;
      edges.push(String.fromCharCode(c));
      queue.push(child);
    }
    for (const a of node.aliases) terminals.push(node.id, a);
  }
  return {
    version: opts.version ?? `dict-${ids.length}-${aliases.length}`,
    format: 1,
    ids,
    names,
    kinds,
    aliases,
    aliasEntity,
    aliasFlags,
    edges: edges.join(''),
    fanout: fanout.join(''),
    terminals,
    skipped,
  };
}
