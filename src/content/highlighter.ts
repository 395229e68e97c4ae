/**
 * Paints matches without touching the page: one CSS Custom Highlight per kind (and one for possible actors),
 * registered only once something is spotted, so a page with no matches sees no trace of ActorLens.
 * Where the API is missing, the fallback wraps text in <actorlens-mark> and unwrapping restores the DOM exactly.
 */

export const HIGHLIGHT_NAMES = ['actorlens-actor', 'actorlens-malware', 'actorlens-tool', 'actorlens-ransomware', 'actorlens-possible'] as const;
export type HighlightName = (typeof HIGHLIGHT_NAMES)[number];

export interface Painter {
  add(name: HighlightName, range: Range): void;
  /** Removes every range whose text nodes are no longer in the document. */
  prune(): void;
  clear(): void;
  readonly size: number;
}

export function hasHighlightApi(win: Window & typeof globalThis = window): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

export function createPainter(win: Window & typeof globalThis = window): Painter {
  return hasHighlightApi(win) ? highlightPainter(win) : wrapPainter(win.document);
}

function highlightPainter(win: Window & typeof globalThis): Painter {
  const highlights = new Map<HighlightName, Highlight>();
  let count = 0;
  return {
    add(name, range) {
      let h = highlights.get(name);
      if (!h) {
        h = new win.Highlight();
        // Possible actors sit under known entities when ranges overlap.
        h.priority = name === 'actorlens-possible' ? 0 : 1;
        highlights.set(name, h);
        win.CSS.highlights.set(name, h);
      }
      h.add(range);
      count++;
    },
    prune() {
      count = 0;
      for (const h of highlights.values()) {
        for (const r of h) {
          if (!(r as Range).startContainer.isConnected || (r as Range).collapsed) h.delete(r);
        }
        count += h.size;
      }
    },
    clear() {
      for (const name of highlights.keys()) win.CSS.highlights.delete(name);
      highlights.clear();
      count = 0;
    },
    get size() {
      return count;
    },
  };
}

export const MARK_TAG = 'actorlens-mark';

function wrapPainter(doc: Document): Painter {
  const marks: HTMLElement[] = [];
  return {
    add(name, range) {
      // Only single-node ranges are wrapped: splitting across markup would reshape the page.
      if (range.startContainer !== range.endContainer || range.startContainer.nodeType !== 3) return;
      const mark = doc.createElement(MARK_TAG);
      mark.className = name;
      try {
        range.surroundContents(mark);
        marks.push(mark);
      } catch {
        // The range no longer fits the DOM: skip it.
      }
    },
    prune() {
      for (let i = marks.length - 1; i >= 0; i--) if (!marks[i]!.isConnected) marks.splice(i, 1);
    },
    clear() {
      for (const mark of marks.splice(0)) {
        const parent = mark.parentNode;
        if (!parent) continue;
        while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
        parent.removeChild(mark);
        parent.normalize();
      }
    },
    get size() {
      return marks.length;
    },
  };
}
