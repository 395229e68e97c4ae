/**
 * A leak-site report introduces a newcomer as "a new brand, X," or "a new ransomware brand called X" with no malware
 * kind noun: the name is possible malware there, and at its later mentions. The same words about shoes, cars or a
 * police operation spot nothing. Texts written for these tests; the names are made up.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const matcher = createMatcher(compileDictionary([e('lockbit', 'ransomware', 'LockBit')], { version: 'new-ransomware-brands' }));
const possible = (text: string) =>
  matcher
    .match(text, { securityContext: true })
    .filter((m) => m.possible)
    .map((m) => `${m.text}/${m.kind}`);

describe('a new brand in a ransomware report', () => {
  it('finds the name set off by commas or after a naming verb, and its later mentions', () => {
    const report = 'Ransomware leak sites listed 900 victims this month. LockBit posted the most. A new brand, Tessaly, joined the top ten. Tessaly posts in Spanish.';
    expect(possible(report)).toEqual(['Tessaly/malware', 'Tessaly/malware']);
    expect(possible('In March the affiliates moved to a new ransomware brand called Oxbrine after the takedown.')).toEqual(['Oxbrine/malware']);
    expect(possible('Several former affiliates started a new extortion operation dubbed Corvanth in June.')).toEqual(['Corvanth/malware']);
  });
  it('spots nothing for a brand or an operation with no ransomware near, nor without "new"', () => {
    expect(possible('The retailer signed a new brand, Tessaly, for its autumn shoe range. Sales rose by a third.')).toEqual([]);
    expect(possible('Police began a new operation called Corvanth against car thieves in the port.')).toEqual([]);
    expect(possible('Ransomware posts fell, and the brand, Tessaly, kept its leak site offline.')).toEqual([]);
    expect(possible('Ransomware crews favour a new brand, however, when the old one is burnt.')).toEqual([]);
  });
});
