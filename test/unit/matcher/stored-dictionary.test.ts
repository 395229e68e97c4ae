/** The dictionary as content scripts read it from storage: a round trip keeps every match; damage is refused. */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher, parseDictionary } from '../../../src/core/matcher/index';
import { ENTITIES } from './fixtures';

const dict = compileDictionary(ENTITIES, { version: 'v7' });
const TEXT = 'The threat actor used malware and phishing. The Lazarus Group and APT 29 used TrickBot; Cobalt Strike beacons followed. UNC2452 too.';

describe('parseDictionary', () => {
  it('round-trips through JSON with the same matches', () => {
    const back = parseDictionary(JSON.stringify(dict));
    expect(back?.version).toBe('v7');
    expect(createMatcher(back!).match(TEXT)).toEqual(createMatcher(dict).match(TEXT));
    expect(createMatcher(dict).match(TEXT).length).toBeGreaterThan(3);
  });

  it('refuses truncated, foreign or inconsistent values', () => {
    const json = JSON.stringify(dict);
    expect(parseDictionary(json.slice(0, json.length / 2))).toBeUndefined();
    expect(parseDictionary('{"format":2}')).toBeUndefined();
    expect(parseDictionary('null')).toBeUndefined();
    expect(parseDictionary(JSON.stringify({ ...dict, names: dict.names.slice(1) }))).toBeUndefined();
    expect(parseDictionary(JSON.stringify({ ...dict, edges: dict.edges.slice(1) }))).toBeUndefined();
    expect(parseDictionary(JSON.stringify({ ...dict, aliasFlags: 'x' }))).toBeUndefined();
  });
});
