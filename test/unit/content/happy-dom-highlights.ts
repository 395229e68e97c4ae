/**
 * Just enough of the CSS Custom Highlight API and of StaticRange (happy-dom has neither) for the scanner to paint as
 * in the browsers it runs in, where painting changes nothing in the page. Call in beforeAll of a happy-dom test.
 */
export function installHighlightApi(): void {
  class Highlight extends Set<AbstractRange> {}
  class StaticRange {
    startContainer: Node;
    startOffset: number;
    endContainer: Node;
    endOffset: number;
    constructor(init: StaticRangeInit) {
      ({ startContainer: this.startContainer, startOffset: this.startOffset, endContainer: this.endContainer, endOffset: this.endOffset } = init);
    }
    get collapsed() {
      return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
    }
  }
  Object.assign(window, { Highlight, StaticRange });
  Object.assign(globalThis, { StaticRange });
  Object.defineProperty(window, 'CSS', { configurable: true, value: Object.assign(Object.create(window.CSS ?? null) as object, { highlights: new Map() }) });
}

/** Scanner options with every kind shown. */
export const ALL_KINDS = ['actor' as const, 'malware' as const, 'tool' as const, 'ransomware' as const];
export const COLORS = { actor: '#ff0000', malware: '#0000ff', tool: '#00ff00', ransomware: '#aa00ff' };

/**
 * The content script's knowledge module for a happy-dom scanner test: the matcher fixtures plus Wizard Spider, every
 * text let through the prefilter. `lateMs`: the matcher arrives that long after it is asked for (the walk goes on
 * meanwhile, as while a page's matcher is built from storage). Return it from a vi.mock factory.
 */
export async function fixtureKnowledge(version: string, lateMs = 0) {
  const { compileDictionary, createMatcher } = await import('../../../src/core/matcher/index');
  const { e, ENTITIES } = await import('../matcher/fixtures');
  return {
    buildMs: 0,
    releasePrefetched: () => undefined,
    loadPrefilter: async () => ({ mayMatch: () => true }),
    loadMatcher: async () => {
      if (lateMs) await new Promise((r) => setTimeout(r, lateMs));
      return createMatcher(compileDictionary([...ENTITIES, e('wizard-spider', 'actor', 'Wizard Spider')], { version }));
    },
  };
}
