/**
 * The trie's tables packed by the background (trie-tables.ts) and decoded by a content script give the matcher it
 * would have built from the dictionary's strings: same tables, same matches. Node 20 has no Uint8Array.fromBase64,
 * so the decoder the browsers have is stood in for here.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, parseDictionary } from '../../../src/core/matcher/index';
import { buildTrieTables, packTrieTables, storedForm, trieTables, unpackTrieTables } from '../../../src/core/matcher/trie-tables';

const holder = Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array };
const native = holder.fromBase64;
beforeEach(() => {
  holder.fromBase64 ??= (s: string) => Uint8Array.from(Buffer.from(s, 'base64'));
});
afterEach(() => {
  if (native) holder.fromBase64 = native;
  else delete holder.fromBase64;
});

const dict = compileDictionary(bundledDataset().entities, { version: 'trie-tables' });

describe('packed trie tables', () => {
  it('decode to the tables built from the dictionary', () => {
    const built = buildTrieTables(dict);
    const decoded = unpackTrieTables(packTrieTables(built), dict.fanout.length);
    expect(decoded).toBeDefined();
    for (const key of ['childStart', 'edgeChar', 'endInert', 'denseBase', 'dense'] as const) expect([...decoded![key]], key).toEqual([...built[key]]);
  });

  it('give a matcher that finds what the built one finds, from a stored text without the fanout they replace', () => {
    const text = JSON.stringify(storedForm(dict));
    expect(JSON.parse(text)).not.toHaveProperty('fanout');
    const stored = parseDictionary(text)!;
    expect(stored.trie).toBeDefined();
    // read by nothing on the way to a matcher, it is worked out from the tables when asked for
    expect(stored.fanout).toBe(dict.fanout);
    const article =
      'The intrusion began with a phishing mail. Analysts tied the backdoor to Lazarus Group, also known as HIDDEN COBRA, and found TrickBot, Emotet and Cobalt Strike beacons; the ransomware affiliates of Wizard Spider used Conti. A new loader dubbed Quillfeather appeared too.';
    const fromStrings = createMatcher(dict).match(article);
    expect(fromStrings.length).toBeGreaterThan(5);
    expect(createMatcher(parseDictionary(text)!).match(article)).toEqual(fromStrings);
  });

  it('are built as before where they cannot be read: no decoder, another layout, or cut short', () => {
    const packed = packTrieTables(buildTrieTables(dict));
    expect(unpackTrieTables(packed.slice(0, -8), dict.fanout.length)).toBeUndefined();
    expect(unpackTrieTables(packed.replace(/^t1:/, 't0:'), dict.fanout.length)).toBeUndefined();
    expect(unpackTrieTables(packed.replace(/^t1:(\d+)/, (_, n: string) => `t1:${Number(n) + 1}`), dict.fanout.length)).toBeUndefined();
    expect(unpackTrieTables(packed, dict.fanout.length + 1)).toBeUndefined();
    // a stored text whose tables do not fit is not read at all: it has no fanout to build them from
    const rest: Partial<typeof dict> = { ...dict };
    delete rest.fanout;
    expect(parseDictionary(JSON.stringify({ ...rest, trie: packed.slice(0, -8) }))).toBeUndefined();
    delete holder.fromBase64;
    expect(unpackTrieTables(packed, dict.fanout.length)).toBeUndefined();
    // a background without the decoder stores the dictionary as compiled, for content scripts as unable as itself
    expect(storedForm(dict)).toBe(dict);
    expect([...trieTables({ ...dict, trie: packed }).childStart]).toEqual([...buildTrieTables(dict).childStart]);
  });
});
