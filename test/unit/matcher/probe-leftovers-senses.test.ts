/**
 * Session 24, helper L: misses the three probe sets still showed, on sentences written here (names partly made up).
 * A name two linked entities share, beside the group's own name; a sentence calling a name an older name of a group;
 * a crew-scheme name cut to its first word beside another name of the scheme.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';
import type { Entity } from '../../../src/core/model/entity';
import { e } from './fixtures';

await loadEnglishWords();
const DICT: Entity[] = [
  e('turla', 'actor', 'Turla', [{ name: 'Snake', ambiguous: true }]),
  e('uroburos', 'malware', 'Uroburos', [{ name: 'Snake', ambiguous: true }]),
  e('kazuar', 'malware', 'Kazuar'),
  e('pallid-heron', 'actor', 'Pallid Heron', ['Duskwarden']),
  e('duskwarden-malware', 'malware', 'Duskwarden'),
  e('volt-typhoon', 'actor', 'Volt Typhoon'),
  e('flax-typhoon', 'actor', 'Flax Typhoon'),
];
const m = createMatcher(compileDictionary(DICT, { version: 'probe-leftovers-l', links: [{ from: 'turla', to: 'uroburos' }] }));
const kinds = (text: string) => m.match(text).map((x: Match) => `${x.text}:${x.entityId}`);

const SECURITY = 'The intruders used phishing to install a backdoor, stole credentials and exfiltrated mail from the ministry.\n\n';

describe('a shared name beside the group named by its own name in the sentence', () => {
  it('is what the group is linked to, whichever comes first', () => {
    expect(kinds(SECURITY + 'Snake went quiet after the takedown, and Turla now relies on Kazuar instead.')).toEqual(['Snake:uroburos', 'Turla:turla', 'Kazuar:kazuar']);
  });
  it('an alias statement keeps both names on the group', () => {
    expect(kinds(SECURITY + 'Snake, also known as Turla, spied on several embassies.')).toEqual(['Snake:turla', 'Turla:turla']);
    expect(kinds(SECURITY + 'Snake (or Turla, as most vendors write) spied on several embassies.')).toEqual(['Snake:turla', 'Turla:turla']);
  });
});

describe('"X is an older name …" says what X names by the noun that follows', () => {
  it('a group', () => {
    expect(kinds(SECURITY + 'Duskwarden is an older name that few analysts still use for this group.')).toEqual(['Duskwarden:pallid-heron']);
  });
  it('a family', () => {
    expect(kinds(SECURITY + 'Duskwarden is another name for the backdoor they install.')).toEqual(['Duskwarden:duskwarden-malware']);
  });
});

describe('a crew-scheme name cut to its first word beside another name of its scheme', () => {
  const LEAD = SECURITY + 'Volt Typhoon has been hiding in utility networks for years.\n\n';
  it('is the full name\'s crew once the text gave it whole', () => {
    expect(kinds(LEAD + 'The router botnet was run by Flax Typhoon, not Volt.')).toEqual(['Volt Typhoon:volt-typhoon', 'Flax Typhoon:flax-typhoon', 'Volt:volt-typhoon']);
    expect(kinds(LEAD + 'Both Flax Typhoon and Volt relied on hijacked routers.')).toEqual(['Volt Typhoon:volt-typhoon', 'Flax Typhoon:flax-typhoon', 'Volt:volt-typhoon']);
  });
  it('not a longer name, not without the partner, not before the full name', () => {
    expect(kinds(LEAD + 'Flax Typhoon and Volt Energy are not related at all.')).toEqual(['Volt Typhoon:volt-typhoon', 'Flax Typhoon:flax-typhoon']);
    expect(kinds(LEAD + 'He drove a Chevy Volt to the office, not a Tesla.')).toEqual(['Volt Typhoon:volt-typhoon']);
    expect(kinds(SECURITY + 'Flax Typhoon, not Volt, ran it. Later Volt Typhoon came back.')).toEqual(['Flax Typhoon:flax-typhoon', 'Volt Typhoon:volt-typhoon']);
  });
});
