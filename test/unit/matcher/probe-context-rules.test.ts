/**
 * Session 22, helper F: the context rules' misses and false finds on the blind probe's whole documents
 * (test/fixtures/probe), on texts written here. Each test failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import type { Entity } from '../../../src/core/model/entity';
import { e } from './fixtures';

const DICT: Entity[] = [
  e('cobalt-strike', 'tool', 'Cobalt Strike'),
  { ...e('sandworm', 'actor', 'Sandworm Team', [{ name: 'Sandworm', ambiguous: true }]) },
  e('turla', 'actor', 'Turla'),
  { ...e('royal', 'ransomware', 'Royal'), nameAmbiguous: true },
];
const matcher = createMatcher(compileDictionary(DICT, { version: 'probe-f' }));
const names = (t: string) => matcher.match(t).map((m) => `${m.text}:${m.kind}`);

// A paragraph that gives a text security context, far from the names tested after it.
const REPORT = 'The intrusion began with a phishing mail that dropped a backdoor; the malware then moved laterally and the ransomware encrypted the file servers. Our threat intelligence team shared the indicators of compromise with the other victims.';
const pad = (n: number) => ' The weather was mild and the office stayed open.'.repeat(n);

describe('a release number between a software name and its own noun', () => {
  it('"Cobalt Strike 4.9 beacon" is the tool, in a post with no word of attack', () => {
    expect(names('It turned out to be a cracked Cobalt Strike 4.9 beacon.')).toEqual(['Cobalt Strike:tool']);
  });
  it('"Cobalt Strike v4 beacons" too', () => {
    expect(names('We found Cobalt Strike v4 beacons on two hosts.')).toEqual(['Cobalt Strike:tool']);
  });
  it('a number that is no release (no dot, no "v") is not skipped', () => {
    expect(names('It turned out to be a cracked Cobalt Strike 49 beacon.')).toEqual([]);
  });
});

describe('"-linked" before a threat noun names who is behind it', () => {
  it('"Sandworm-linked wiper" at the start of a log line on a security page', () => {
    expect(names(`${REPORT}${pad(2)}\n08-05 — Sandworm-linked wiper at a grain exporter.`)).toContain('Sandworm:actor');
  });
  it('not before an ordinary noun', () => {
    expect(names(`${REPORT}${pad(2)}\n08-05 — Sandworm-linked fan club at a cinema.`)).not.toContain('Sandworm:actor');
  });
});

describe('a place defined with its article', () => {
  it('"The Turla is a river in eastern Europe" is not the group, even on a security page', () => {
    expect(names(`${REPORT} The Turla is a river in eastern Europe that flows into the sea.`)).toEqual([]);
  });
  it('"Turla is a group" still is', () => {
    expect(names(`${REPORT} Turla is a group that hides its servers behind satellite links.`)).toEqual(['Turla:actor']);
  });
});

describe('a family of people at a sentence start', () => {
  it('"The Royal family" is not confirmed by "Royal ransomware" later in the sentence', () => {
    expect(names(`${REPORT} The Royal family spent the weekend at the castle; Royal ransomware, by contrast, hit a city.`)).toEqual(['Royal:ransomware']);
  });
});
