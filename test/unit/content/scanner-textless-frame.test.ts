// @vitest-environment happy-dom
/**
 * A frame with no text (an ad's, a widget's: images, scripts, nested frames) never receives the prefilter: it is
 * asked for with the first piece of text, and every frame pays for its arrival.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_KINDS, COLORS } from './happy-dom-highlights';

const asked = { prefilter: 0, matcher: 0 };
vi.mock('../../../src/content/knowledge', () => ({
  buildMs: 0,
  releasePrefetched: () => undefined,
  loadPrefilter: async () => {
    asked.prefilter++;
    return { mayMatch: (text: string) => text.includes('TrickBot') };
  },
  loadMatcher: async () => {
    asked.matcher++;
    return { match: () => [] };
  },
}));

const { Scanner } = await import('../../../src/content/scanner');
const options = { suppressed: [], kinds: ALL_KINDS, possibleActors: true, colors: COLORS };

afterEach(() => {
  document.body.replaceChildren();
  asked.prefilter = asked.matcher = 0;
});

describe('a frame without text', () => {
  it('finishes its scan without asking for the prefilter', async () => {
    document.body.innerHTML = '<img alt="" src="data:,"><div><canvas></canvas></div><script>void 0</script>';
    const report = await new Scanner(document).start(options, performance.now());
    expect(report).toMatchObject({ done: true, matches: [] });
    expect(asked).toEqual({ prefilter: 0, matcher: 0 });
  });

  it('asks for it once text comes, and for the matcher only when the prefilter lets text through', async () => {
    document.body.innerHTML = '<p>Sponsored: garden chairs at half price.</p>';
    await new Scanner(document).start(options, performance.now());
    expect(asked).toEqual({ prefilter: 1, matcher: 0 });
    document.body.innerHTML = '<p>Analysts saw TrickBot again.</p>';
    await new Scanner(document).start(options, performance.now());
    expect(asked).toEqual({ prefilter: 2, matcher: 1 });
  });
});
