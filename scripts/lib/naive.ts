/**
 * Naive baseline matchers for eval and bench (not shipped):
 *  - NaiveGazetteer: every name and alias, case-sensitive, "plain word boundaries" (no letter, digit or underscore
 *    directly before or after), leftmost-longest, no overlaps. A simple case-sensitive trie over the raw text.
 *  - buildCombinedRegex: all names escaped in one alternation (longest first) with word boundaries.
 */
import { allNames, type Entity, type EntityKind } from '../../src/core/model/entity';
import { KIND_PRIORITY } from '../../src/core/matcher/index';

export interface NaiveHit {
  start: number;
  end: number;
  text: string;
  kind: EntityKind;
  entityId: string;
}

interface TNode {
  c: Map<number, TNode>;
  v?: { kind: EntityKind; id: string };
}

const WORDISH = /[\p{L}\p{N}_]/u;
function isWordish(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return WORDISH.test(s[i] as string);
}

/** Entities ordered the same way as the matcher resolves shared names: bundled, then kind priority, then input. */
export function prioritised(entities: readonly Entity[]): Entity[] {
  return entities
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      const ab = a.e.provenance.includes('bundled') ? 0 : 1;
      const bb = b.e.provenance.includes('bundled') ? 0 : 1;
      if (ab !== bb) return ab - bb;
      const d = KIND_PRIORITY.indexOf(a.e.kind) - KIND_PRIORITY.indexOf(b.e.kind);
      return d || a.i - b.i;
    })
    .map((x) => x.e);
}

export function distinctNames(entities: readonly Entity[]): string[] {
  const s = new Set<string>();
  for (const e of entities) for (const a of allNames(e)) if (a.name.trim()) s.add(a.name.trim());
  return [...s];
}

export class NaiveGazetteer {
  private root: TNode = { c: new Map() };
  readonly size: number;
  constructor(entities: readonly Entity[]) {
    let size = 0;
    for (const e of prioritised(entities)) {
      for (const a of allNames(e)) {
        const name = a.name.trim();
        if (!name) continue;
        let node = this.root;
        for (let i = 0; i < name.length; i++) {
          const ch = name.charCodeAt(i);
          let nx = node.c.get(ch);
          if (!nx) node.c.set(ch, (nx = { c: new Map() }));
          node = nx;
        }
        if (!node.v) {
          node.v = { kind: e.kind, id: e.id };
          size++;
        }
      }
    }
    this.size = size;
  }

  match(text: string): NaiveHit[] {
    const out: NaiveHit[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (i > 0 && isWordish(text, i - 1)) {
        i++;
        continue;
      }
      let node: TNode | undefined = this.root;
      let best = -1;
      let bestV: TNode['v'];
      for (let j = i; j < n && node; j++) {
        node = node.c.get(text.charCodeAt(j));
        if (node?.v && (j + 1 >= n || !isWordish(text, j + 1))) {
          best = j + 1;
          bestV = node.v;
        }
      }
      if (best > 0 && bestV) {
        out.push({ start: i, end: best, text: text.slice(i, best), kind: bestV.kind, entityId: bestV.id });
        i = best;
      } else i++;
    }
    return out;
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One RegExp: all names escaped, longest first, with Unicode-aware word boundaries. */
export function buildCombinedRegex(names: readonly string[]): RegExp {
  const alts = [...names].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alts.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
}
