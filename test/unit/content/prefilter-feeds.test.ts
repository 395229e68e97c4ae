/**
 * The prefilter against the real dictionary (bundled + MISP + ATT&CK from ../shared/data) and real report text
 * (the AnnoCTR dev and test splits), as written and in lower case: a line the matcher finds something in is never cleared.
 * Ordinary prose in lower case is cleared although ≈10,000 names include many everyday words.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDictionary, compilePrefilter, createMatcher, createPrefilter, hasSecurityContext } from '../../../src/core/matcher/index';
import { loadKnowledgeBase } from '../../../scripts/lib/feeds';
import { HAS_SHARED, SHARED_DATA, warnIfNoShared } from '../importers/helpers';
import { withNativeBase64 } from './native-base64';

const DEV = resolve(SHARED_DATA, '../eval/annoctr-dev.jsonl');
const TEST = resolve(SHARED_DATA, '../eval/annoctr-test.jsonl');
const READY = HAS_SHARED && existsSync(DEV);
if (!READY) console.warn(`../shared (feeds and ${DEV}) absent: skipping the prefilter test on real data.`);
warnIfNoShared('the prefilter test on real data');

describe.skipIf(!READY)('prefilter with the public feeds', () => {
  it('never clears a line of a real report that the matcher finds something in, and clears lower-case prose', async () => {
    const kb = await loadKnowledgeBase({ feedDir: SHARED_DATA });
    const dict = compileDictionary(kb.entities);
    const matcher = createMatcher(dict);
    // As hashed from the signatures, and as a browser with a native base64 decoder reads it: packed tables alone.
    const prefilters = [
      createPrefilter(JSON.parse(JSON.stringify(compilePrefilter(dict)))),
      withNativeBase64(() => createPrefilter(JSON.parse(JSON.stringify(compilePrefilter(dict, { signatures: false }))))),
    ];
    const lines = [DEV, TEST]
      .filter((file) => existsSync(file))
      .flatMap((file) => readFileSync(file, 'utf8').split('\n'))
      .filter(Boolean)
      .flatMap((l) => (JSON.parse(l) as { text: string }).text.split(/\n+/))
      .filter((l) => l.trim());
    let found = 0;
    for (const line of [...lines, ...lines.map((l) => l.toLowerCase())]) {
      for (const securityContext of [true, false]) {
        const matches = matcher.match(line, { securityContext });
        if (!matches.length) continue;
        found++;
        for (const prefilter of prefilters) {
          if (!prefilter.mayMatch(line, { securityContext })) throw new Error(`cleared ${JSON.stringify(line)} → ${matches.map((m) => m.text).join(', ')}`);
        }
      }
    }
    // The lower-cased copies find digit names only (apt29, ta505): names of letters never match in lower case. A line
    // alone often lacks the security words that a name needing context needs near it, whatever the caller says.
    expect(found).toBeGreaterThan(700);
    const prose = 'the winter orchard was quiet; a crate of copper kettles and the old lighthouse keeper collected apples while the fog lifted from the harbour office';
    expect(hasSecurityContext(prose)).toBe(false);
    expect(matcher.match(prose)).toEqual([]);
    for (const prefilter of prefilters) expect(prefilter.mayMatch(prose, { securityContext: false })).toBe(false);
  }, 60_000);
});
