/**
 * Ordinary words that feeds use as names (audit B, findings 1–3, 6, 7): an ordinary sentence gets no match, the same
 * names written as a threat report writes them still match. Small authored entities, not the feeds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AMBIGUITY, CASE, ambiguityLevel, caseMode, compileDictionary, createMatcher, type Match } from '../../../src/core/matcher/index';
import type { Alias, Entity } from '../../../src/core/model/entity';

const e = (id: string, kind: Entity['kind'], name: string, aliases: (string | Alias)[] = [], more: Partial<Entity> = {}): Entity => ({
  id,
  kind,
  name,
  aliases: aliases.map((a) => (typeof a === 'string' ? { name: a } : a)),
  provenance: ['misp:test'],
  ...more,
});

const ENTITIES: Entity[] = [
  // Title Case words
  e('velvet-kettle', 'actor', 'Velvet Kettle', ['Hidden Lynx']),
  e('more-spoons', 'malware', 'More Spoons'),
  e('quiet-orchard', 'actor', 'The Quiet Orchard'),
  e('c-minor', 'actor', 'Operation C-Minor'),
  // capitals only
  e('teapot', 'malware', 'TEAPOT'),
  e('lantern-river', 'actor', 'LANTERN RIVER'),
  // inner capitals
  e('wildgarden', 'actor', 'WildGarden'),
  e('zpack', 'malware', 'ZPack'),
  e('trickbot', 'malware', 'TrickBot'),
  // dictionary words only, in Title Case (how films, games, dishes and clubs are named too)
  e('gentlemen', 'actor', 'The Gentlemen'),
  e('rising-sun', 'malware', 'Rising Sun'),
  e('golden-axe', 'ransomware', 'Golden Axe'),
  e('harbour-club', 'actor', 'Harbour Rowing Association'),
  // lower case words
  e('good-morning', 'ransomware', 'good morning'),
  e('rabbit-burrow', 'ransomware', 'rabbit burrow'),
  // a malware-category word
  e('trojan', 'ransomware', 'Trojan'),
  // digits
  e('storm-0999', 'actor', 'Storm-0999'),
  // short initialisms and codes
  e('parcel-crew', 'actor', 'Parcel Crew', ['UPS', 'GOP']),
  e('quip', 'ransomware', 'QUIP'),
  e('dawn', 'ransomware', '3am'),
  e('fsx', 'malware', 'ext4'),
  e('kx9', 'actor', 'KX9'),
  // words and a number
  e('g-eight', 'actor', 'Kestrel Crew', ['Group 8', 'Unit 4242']),
  e('sanctions', 'ransomware', 'Sanctions 2017'),
  // a curator's flags (bundled) against a feed that lists the same names unflagged
  e('heron', 'actor', 'Heron Group', [{ name: 'MarshFox', ambiguous: true }], { provenance: ['bundled'] }),
  e('copperhead', 'actor', 'Copperhead', [], { provenance: ['bundled'], nameAmbiguous: true }),
  e('feed-marshfox', 'actor', 'Slate Cluster', ['MarshFox']),
  e('feed-copperhead', 'malware', 'Copperhead'),
];

const matcher = createMatcher(compileDictionary(ENTITIES, { version: 'ow1' }));
const spotted = (t: string) => matcher.match(t).map((m: Match) => m.text);
const ids = (t: string) => matcher.match(t).map((m: Match) => [m.text, m.entityId]);
/** Security prose: gives the page context without naming anything. */
const SEC = 'The threat actor used malware, a backdoor and phishing in this intrusion. ';

describe('ordinary sentences get no match', () => {
  it('multi-word Title Case names in lower case, on any page', () => {
    expect(spotted('Whisk in two more spoons of flour. My velvet kettle has a hidden lynx on it.')).toEqual([]);
    // (Written in Title Case they are read as the name, as in short security news: see compile.ts wordLevel.)
    expect(spotted('A Prelude in C minor, then the c-minor fugue.')).toEqual([]);
    // Lower case stays ordinary on a security page too.
    expect(spotted(SEC + 'We added more spoons to the velvet kettle.')).toEqual([]);
  });
  it('names made only of dictionary words, as written, on a page without context', () => {
    expect(
      spotted(
        'Tickets for The Gentlemen and Rising Sun are on sale; Golden Axe is back on the arcade floor, and the Harbour ' +
          'Rowing Association meets at seven. Velvet Kettle, the band, plays More Spoons.',
      ),
    ).toEqual([]);
  });
  it('all-capitals names, in lower or Title Case, or in capitals on a page without context', () => {
    expect(spotted('Serve tea from the teapot. Teapot lids break. We walked along the lantern river.')).toEqual([]);
    expect(spotted('HOW TO WARM A TEAPOT\nPress BACKSPACE, then TEAPOT.')).toEqual([]);
    expect(spotted(SEC + 'The teapot whistled by the lantern river.')).toEqual([]);
  });
  it('names with inner capitals, in lower case', () => {
    expect(spotted('Link with zpack, plant a wildgarden, read about trickbot.')).toEqual([]);
    expect(spotted(SEC + 'Link with zpack, plant a wildgarden.')).toEqual([]);
    // Other writings than the name's own need the page's context.
    expect(spotted('ZPACK 1.2 released. Wildgarden tips.')).toEqual([]);
  });
  it('lower-case multi-word names, even on a security page', () => {
    expect(spotted('Have a good morning! We went down the rabbit burrow.')).toEqual([]);
    expect(spotted(SEC + 'Good morning, and a good morning to the team down the rabbit burrow.')).toEqual([]);
  });
  it('Trojan, the malware category, on a security page', () => {
    expect(spotted(SEC + 'A banking Trojan was delivered. This Trojan drops a backdoor; the remote access Trojan beacons.')).toEqual([]);
  });
  it('short initialisms and codes, off security pages; codes led by a digit or lower case anywhere without a cue', () => {
    expect(spotted('Ship it by UPS. The GOP convention opened. QUIP: a quick quip. Wake up at 3am to format the disk as ext4.')).toEqual([]);
    expect(spotted(SEC + 'At 3am the disk was formatted as ext4.')).toEqual([]);
  });
  it('words and a number: in lower case anywhere, as written off security pages', () => {
    expect(spotted('They drew group 8 in the cup; Group 8 plays on Sunday. Sanctions 2017: the full list. Unit 4242 moved.')).toEqual([]);
  });
  it('a name a curator flagged stays flagged when a feed lists it too', () => {
    expect(spotted('The dog barked at the MarshFox toy truck. A Copperhead is a snake.')).toEqual([]);
    expect(spotted(SEC + 'Copperhead snakes were seen near the camp.')).toEqual([]);
  });
});

describe('real names in security sentences still match', () => {
  it('Title Case multi-word names on a security page', () => {
    expect(spotted(SEC + 'Velvet Kettle deployed More Spoons. The Quiet Orchard and Hidden Lynx followed.')).toEqual(['Velvet Kettle', 'More Spoons', 'The Quiet Orchard', 'Hidden Lynx']);
    expect(spotted(SEC + 'VELVET KETTLE and Operation C-Minor.')).toEqual(['VELVET KETTLE', 'Operation C-Minor']);
  });
  it('dictionary-word names on a page whose other names need no context (a table, a list of tools)', () => {
    // No security vocabulary, but two names that need none say what the page is about.
    expect(spotted('Group | Victims\nGolden Axe | 40\nWildGarden | 12\nStorm-0999 | 9\n')).toEqual(['Golden Axe', 'WildGarden', 'Storm-0999']);
    // One such name is not enough: a page may mention one threat in passing.
    expect(spotted('Golden Axe | 40\nWildGarden | 12\n')).toEqual(['WildGarden']);
  });
  it('or next to a cue that says security, on any page', () => {
    expect(spotted('the Velvet Kettle hackers')).toEqual(['Velvet Kettle']);
    expect(spotted('a report on the threat actor Velvet Kettle')).toEqual(['Velvet Kettle']);
    // an ordinary noun after dictionary words is a band or a club as well
    expect(spotted('the Velvet Kettle group played on Sunday')).toEqual([]);
  });
  it('all-capitals names as written, and in Title Case, on a security page', () => {
    expect(spotted(SEC + 'TEAPOT beacons to LANTERN RIVER infrastructure. Later Teapot and Lantern River returned.')).toEqual(['TEAPOT', 'LANTERN RIVER', 'Teapot', 'Lantern River']);
  });
  it('names with inner capitals as written anywhere, in other capitalisations on a security page', () => {
    expect(spotted('WildGarden used ZPack and TrickBot.')).toEqual(['WildGarden', 'ZPack', 'TrickBot']);
    expect(spotted(SEC + 'WILDGARDEN used Zpack and Trickbot.')).toEqual(['WILDGARDEN', 'Zpack', 'Trickbot']);
  });
  it('digit names in any case', () => {
    expect(spotted('storm-0999 and STORM 0999')).toEqual(['storm-0999', 'STORM 0999']);
  });
  it('short initialisms on a security page or after a distinctive name; short codes with a cue; designations anywhere', () => {
    expect(spotted(SEC + 'The QUIP payload and the GOP servers.')).toEqual(['QUIP', 'GOP']);
    expect(spotted('Analysts linked TrickBot and the UPS crew to the 3am ransomware, and KX9 to ext4 malware.')).toEqual(['TrickBot', 'UPS', '3am', 'KX9', 'ext4']);
  });
  it('words and a number as written on a security page; hyphenated codes in any case anywhere', () => {
    expect(spotted(SEC + 'Unit 4242 and GROUP 8 deployed the Sanctions 2017 ransomware; group 8 did not.')).toEqual(['Unit 4242', 'GROUP 8', 'Sanctions 2017']);
    expect(spotted('storm-0999 and STORM 0999')).toEqual(['storm-0999', 'STORM 0999']);
  });
  it('lower-case names in their case with a cue of their kind', () => {
    expect(spotted(SEC + 'The good morning ransomware hit a hospital.')).toEqual(['good morning']);
  });
  it('Trojan with a cue of its kind', () => {
    expect(spotted(SEC + 'The Trojan ransomware encrypted the share.')).toEqual(['Trojan']);
  });
  it('a flagged name with a cue is the curator’s entity', () => {
    // ("group" is an ordinary noun: as a cue it counts on a security page, context-rules.test.ts)
    expect(ids(SEC + 'the MarshFox group')).toEqual([['MarshFox', 'heron']]);
    expect(ids(SEC + 'the Copperhead group')).toEqual([['Copperhead', 'copperhead']]);
  });
});

describe('compile-time levels', () => {
  it('decides the case per word, not on the joined signature', () => {
    expect(ambiguityLevel('More Eggs', false)).toBe(AMBIGUITY.wordlike);
    expect(caseMode('More Eggs', AMBIGUITY.wordlike)).toBe(CASE.title);
    expect(ambiguityLevel('TrickBot', false)).toBe(AMBIGUITY.distinct);
    expect(caseMode('TrickBot', AMBIGUITY.distinct)).toBe(CASE.exact);
    expect(ambiguityLevel('BISCUIT', false)).toBe(AMBIGUITY.wordlike);
    expect(ambiguityLevel('GRU', false)).toBe(AMBIGUITY.wordlike);
    expect(ambiguityLevel('3am', false)).toBe(AMBIGUITY.common);
    expect(ambiguityLevel('APT1', false)).toBe(AMBIGUITY.distinct);
    // a dictionary word with a short number glued on reads like words and a number; a designation does not
    expect(ambiguityLevel('Get2', false)).toBe(AMBIGUITY.wordlike);
    expect(caseMode('Get2', AMBIGUITY.wordlike)).toBe(CASE.title);
    expect(ambiguityLevel('Windows10', false)).toBe(AMBIGUITY.common);
    expect(ambiguityLevel('Hive0137', false)).toBe(AMBIGUITY.distinct);
    expect(ambiguityLevel('Cicada3301', false)).toBe(AMBIGUITY.distinct);
    expect(ambiguityLevel('Group 8', false)).toBe(AMBIGUITY.wordlike);
    expect(caseMode('Group 8', AMBIGUITY.wordlike)).toBe(CASE.title);
    expect(ambiguityLevel('good day', false)).toBe(AMBIGUITY.common);
    expect(ambiguityLevel('Trojan', false)).toBe(AMBIGUITY.common);
    expect(caseMode('Storm-0558', AMBIGUITY.distinct)).toBe(CASE.any);
  });
});

/**
 * The rule on a few hundred English words (Debian's word list, read at test time only, never shipped): whatever
 * shape a feed gives a word — capitals, Title Case, inner capitals, one word or two — the word written in lower case
 * in a sentence is never matched, with or without security context.
 */
const WORDS_FILE = '/usr/share/dict/words';
const HAS_WORDS = existsSync(WORDS_FILE);
if (!HAS_WORDS) console.warn(`${WORDS_FILE} absent (Debian package wamerican): the English word-list test is SKIPPED, not passed.`);

describe('English words under every feed shape', () => {
  it.skipIf(!HAS_WORDS)(`never match in lower case (${WORDS_FILE})`, () => {
    const all = readFileSync(WORDS_FILE, 'utf8')
      .split('\n')
      .filter((w) => /^[a-z]{5,12}$/.test(w));
    const words = all.filter((_, i) => i % Math.max(1, Math.floor(all.length / 400)) === 0);
    expect(words.length).toBeGreaterThan(300);
    const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
    const inner = (w: string) => cap(w.slice(0, 3)) + cap(w.slice(3));
    const entities: Entity[] = words.flatMap((w, i) => {
      const next = words[(i + 1) % words.length]!;
      return [
        e(`caps-${w}`, 'malware', w.toUpperCase()),
        e(`title-${w}`, 'actor', cap(w), [`${cap(w)} ${cap(next)}`, `${w.toUpperCase()} ${next.toUpperCase()}`]),
        e(`inner-${w}`, 'tool', inner(w), [`${w} ${next}`]),
      ];
    });
    const m = createMatcher(compileDictionary(entities, { version: 'words' }));
    for (const [i, w] of words.entries()) {
      const next = words[(i + 1) % words.length]!;
      const sentence = `we saw the ${w} and a ${w} ${next} today.`;
      expect(m.match(sentence), sentence).toEqual([]);
      expect(m.match(SEC + sentence), SEC + sentence).toEqual([]);
    }
  });
});
