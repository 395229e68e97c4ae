/**
 * htmlparser2 keeps its open elements (and its SVG/MathML context) in arrays with the innermost first: it opens with
 * unshift and closes with shift, so every open moves every element already open, and a document nested N deep costs
 * N²/2 moves. 200,000 nested <div>s took 26 s to read and 2,000,000 (10 MB, well under the size limit) did not end in
 * 15 minutes. Browsers read such a page at once, so `npm run scan` must too.
 *
 * `linearStacks` swaps those two arrays, once a page is found to nest deep, for stand-ins that answer the same reads (index 0 is the innermost, `length`,
 * `indexOf`/`includes` counted from the innermost, `length = 0`) from an array kept innermost-last, so an open and a
 * close cost the same at any depth. A name not open at all is answered from a tally, so a stray end tag does not walk
 * the whole stack either. A method they lack fails when called, and setting anything but `length = 0` throws, rather than
 * answer wrongly.
 */
import type { Parser } from 'htmlparser2';

/**
 * An array-like stack, innermost first, with the operations htmlparser2 uses, each O(1) (indexOf: O(distance)), holding
 * `initial` (innermost first) to begin with. Each read goes through a Proxy, which makes a page of a million
 * elements read twice as slowly as with the array: hence only for pages that nest deep.
 */
export function topFirstStack<T>(initial: readonly T[] = []): T[] {
  const items: T[] = [];
  const open = new Map<T, number>();
  const ops = {
    unshift(v: T): number {
      items.push(v);
      open.set(v, (open.get(v) ?? 0) + 1);
      return items.length;
    },
    shift(): T | undefined {
      if (!items.length) return undefined;
      const v = items.pop() as T;
      const n = (open.get(v) ?? 1) - 1;
      if (n) open.set(v, n);
      else open.delete(v);
      return v;
    },
    indexOf(v: T): number {
      if (!open.has(v)) return -1;
      for (let i = items.length - 1; i >= 0; i--) if (items[i] === v) return items.length - 1 - i;
      return -1;
    },
    includes(v: T): boolean {
      return open.has(v);
    },
  };
  for (let i = initial.length - 1; i >= 0; i--) ops.unshift(initial[i] as T);
  return new Proxy(ops, {
    get(target, key) {
      if (key === 'length') return items.length;
      if (typeof key === 'string' && key.length && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) {
        const i = Number(key);
        return Number.isInteger(i) ? items[items.length - 1 - i] : undefined;
      }
      return Reflect.get(target, key) as unknown;
    },
    set(_target, key, value) {
      if (key === 'length' && value === 0) {
        items.length = 0;
        open.clear();
        return true;
      }
      throw new TypeError(`parser stack: cannot set ${String(key)}`);
    },
  }) as unknown as T[];
}

/**
 * Gives a parser the linear stacks, holding what it has open; a no-op once done. Only an htmlparser2 laid out as
 * expected is changed (arrays named `stack` and `foreignContext`, as in 12.x): another version is left as it is,
 * slower on deep pages but correct.
 */
export function linearStacks(parser: Parser): void {
  const p = parser as unknown as { stack?: unknown; foreignContext?: unknown };
  if (!Array.isArray(p.stack) || !Array.isArray(p.foreignContext) || !p.foreignContext.length) return;
  p.stack = topFirstStack<unknown>(p.stack);
  p.foreignContext = topFirstStack<unknown>(p.foreignContext);
}
