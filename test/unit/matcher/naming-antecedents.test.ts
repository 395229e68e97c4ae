/**
 * Session 23, helper M: two ways reports give a new family its name that the naming rules missed (malware-namings.ts).
 * A relative naming clause whose antecedent stands earlier in the sentence ("a new credential-stealing tool on three
 * servers, which it named X"), and a headline that defines the name ("X: a compact backdoor for NAS boxes"). Texts
 * written for these tests; the names are made up.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const matcher = createMatcher(compileDictionary([e('trickbot', 'malware', 'TrickBot')], { version: 'naming-antecedents' }));
/** Possible names as "text/kind/rule". */
const possible = (text: string, ctx = true) =>
  matcher
    .match(text, { securityContext: ctx })
    .filter((m) => m.possible)
    .map((m) => `${m.text}/${m.kind}/${m.rule}`);

describe('a relative naming clause after its antecedent', () => {
  it('a generic noun that a malicious word describes, a place between it and the clause, and the later mentions', () => {
    expect(possible('The firm said it found a new credential-stealing tool on three mail servers, which it named Quorrelin. Quorrelin hides in a scheduled task.')).toEqual([
      'Quorrelin/malware/malware-named',
      'Quorrelin/malware/same-text',
    ]);
  });
  it('a kind noun with a place after it, and a present-tense verb with a noun phrase as the namer', () => {
    expect(possible('They planted a backdoor in the router firmware, which researchers dubbed Fenwright.')).toEqual(['Fenwright/malware/malware-named']);
    expect(possible('The crew relied on an exfiltration utility, which the advisory calls Drossmere, to move archives out.')).toEqual(['Drossmere/malware/malware-named']);
  });
  it('a tool that no malicious word describes is no family', () => {
    expect(possible('The vendor shipped a new diagnostic tool to its customers, which it named Pathlight.')).toEqual([]);
    expect(possible('The team released a tool for managing printers, which it named Inkwell.')).toEqual([]);
  });
  it('a weak kind noun with an ordinary modifier, and a clause with no relative word', () => {
    expect(possible('The board has a boot loader on its flash chip, which the maker calls Stepwise.')).toEqual([]);
    expect(possible('They described a new data-theft tool on three servers. Analysts named Harvel the lead on the case.')).toEqual([]);
  });
  it('not on a page without security context', () => {
    expect(possible('The firm said it found a new credential-stealing tool on three mail servers, which it named Quorrelin.', false)).toEqual([]);
  });
});

describe('a headline that defines a name', () => {
  const body = '\n\nThe first sample arrived in a phishing mail in May.\nPellucor reads its server list from the registry.';
  it('the name at the line start, a colon, an article, a kind noun; then the later mentions', () => {
    expect(possible(`Pellucor: a compact backdoor for NAS devices${body}`)).toEqual(['Pellucor/malware/malware-appositive', 'Pellucor/malware/same-text']);
    expect(possible(`## Pellucor: a small loader with many payloads${body}`)).toEqual(['Pellucor/malware/malware-appositive', 'Pellucor/malware/same-text']);
  });
  it('a label before the colon, a word inside a line, a module loader, or no security context: nothing', () => {
    expect(possible(`Update: a small loader was found on the same hosts${body}`)).toEqual([]);
    expect(possible(`We also saw Pellucor: a small loader with many payloads${body}`)).toEqual([]);
    expect(possible(`Grintask: a module loader for browser scripts${body}`)).toEqual([]);
    expect(possible(`Pellucor: a compact backdoor for NAS devices${body}`, false)).toEqual([]);
  });
});
