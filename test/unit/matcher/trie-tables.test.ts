/**
 * The trie's tables packed by the background (trie-tables.ts) and decoded by a content script give the matcher it
 * would have built from the dictionary's strings: same tables, same matches. Node 20 has no Uint8Array.fromBase64,
 * so the decoder the browsers have is stood in for here.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, parseDictionary } from '../../../src/core/matcher/index';
import { buildTrieTables, packTrieTables, trieTables, unpackTrieTables } from '../../../src/core/matcher/trie-tables';

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

  it('give a matcher that finds what the built one finds', () => {
    const stored = parseDictionary(JSON.stringify({ ...dict, trie: packTrieTables(buildTrieTables(dict)) }))!;
    expect(stored.trie).toBeDefined();
    const text =
      'The intrusion began with a phishing mail. Analysts tied the backdoor to Lazarus Group, also known as HIDDEN COBRA, and found TrickBot, Emotet and Cobalt Strike beacons; the ransomware affiliates of Wizard Spider used Conti. A new loader dubbed Quillfeather appeared too.';
    const fromStrings = createMatcher(dict).match(text);
    expect(fromStrings.length).toBeGreaterThan(5);
    expect(createMatcher(stored).match(text)).toEqual(fromStrings);
  });

  it('are built as before where they cannot be read: no decoder, another layout, or cut short', () => {
    const packed = packTrieTables(buildTrieTables(dict));
    expect(unpackTrieTables(packed.slice(0, -8), dict.fanout.length)).toBeUndefined();
    expect(unpackTrieTables(packed.replace(/^t1:/, 't0:'), dict.fanout.length)).toBeUndefined();
    expect(unpackTrieTables(packed.replace(/^t1:(\d+)/, (_, n: string) => `t1:${Number(n) + 1}`), dict.fanout.length)).toBeUndefined();
    expect(unpackTrieTables(packed, dict.fanout.length + 1)).toBeUndefined();
    delete holder.fromBase64;
    expect(unpackTrieTables(packed, dict.fanout.length)).toBeUndefined();
    expect([...trieTables({ ...dict, trie: packed }).childStart]).toEqual([...buildTrieTables(dict).childStart]);
  });
});
