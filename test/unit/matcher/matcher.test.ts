import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher, type Match } from '../../../src/core/matcher/index';
import type { Entity } from '../../../src/core/model/entity';
import { ENTITIES } from './fixtures';

const matcher = createMatcher(compileDictionary(ENTITIES, { version: 't1' }));
const names = (ms: Match[]) => ms.map((m) => m.text);
/** Security prose to give a page context. */
const SEC = 'The threat actor used malware, a backdoor and phishing in this intrusion. ';

describe('compiled dictionary', () => {
  it('is plain JSON and survives a round trip', () => {
    const d = compileDictionary(ENTITIES, { version: 'v9' });
    const back = JSON.parse(JSON.stringify(d));
    expect(back).toEqual(d);
    expect(d.version).toBe('v9');
    expect(createMatcher(back).match('TrickBot')[0]?.entityId).toBe('trickbot');
    expect(createMatcher(structuredClone(d)).match('TrickBot')[0]?.entityId).toBe('trickbot');
  });
});

describe('matching and offsets', () => {
  it('reports entity, alias, reason and exact offsets', () => {
    const text = SEC + 'Yesterday TrickBot and TRICKBOT were seen.';
    const ms = matcher.match(text);
    expect(ms.map((m) => [m.text, m.entityId, m.alias, m.reason])).toEqual([
      ['TrickBot', 'trickbot', 'TrickBot', 'exact'],
      ['TRICKBOT', 'trickbot', 'Trickbot', 'case-folded'],
    ]);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
  it('maps offsets back through zero-width characters, soft hyphens and NBSP', () => {
    const text = SEC + 'Report: Trick\u00adBot and Lazarus\u00a0Group and Tri\u200bck\u200bBot.';
    const ms = matcher.match(text);
    expect(ms.map((m) => m.entityId)).toEqual(['trickbot', 'lazarus', 'trickbot']);
    expect(ms.map((m) => text.slice(m.start, m.end))).toEqual(['Trick\u00adBot', 'Lazarus\u00a0Group', 'Tri\u200bck\u200bBot']);
    // …and reports each as the reader sees it, so the popup lists one surface, not three look-alikes
    expect(ms.map((m) => m.text)).toEqual(['TrickBot', 'Lazarus Group', 'TrickBot']);
  });
  it('matches APT 29 variants', () => {
    const ms = matcher.match('APT29, APT 29 and APT-29 and APT‑29 but not APT29x.');
    expect(names(ms)).toEqual(['APT29', 'APT 29', 'APT-29', 'APT‑29']);
    expect(ms.every((m) => m.entityId === 'apt29')).toBe(true);
  });
  it('a long run of spaces between the words is still one name (indented page source), a line break is not', () => {
    // The span covers the written text; the surface reads as shown on screen.
    const spans = matcher.match(SEC + 'tracked as Lazarus          Group today').map((m) => [m.text, m.end - m.start]);
    expect(spans).toEqual([['Lazarus Group', 22]]);
    expect(names(matcher.match('tracked as Lazarus\nGroup today'))).not.toContain('Lazarus\nGroup');
  });
  it('keeps possessives out of the span', () => {
    const ms = matcher.match('TrickBot’s loader and TA505\'s spam and APT29s.');
    expect(names(ms)).toEqual(['TrickBot', 'TA505']);
  });
  it('longest match wins', () => {
    const ms = matcher.match(SEC + 'Operators deployed Cobalt Strike. The Lazarus Group struck.');
    expect(ms.map((m) => [m.text, m.entityId])).toEqual([
      ['Cobalt Strike', 'cobalt-strike'],
      ['Lazarus Group', 'lazarus'],
    ]);
  });
});

describe('boundaries', () => {
  const cases: [string, string][] = [
    ['inside a word', 'The TrickBotnet and preTrickBot words.'],
    ['identifier', 'A symbol Lazarus_Loader and TrickBot_main and x_TrickBot.'],
    ['file name', 'Dropped trickbot.dll and TrickBot.exe to disk.'],
    ['URL', 'See https://example.com/TrickBot/report and www.trickbot-info.example/TA505 now.'],
    ['e-mail', 'Write to trickbot@example.com or ta505@example.org.'],
    ['Windows path', 'Found C:\\Users\\Public\\TrickBot\\x.bin on disk.'],
    ['Unix path', 'Found /opt/TrickBot/bin here.'],
    ['hash', 'Hash d41d8cd98f00b204e9800998ecf8427e TrickBot'.slice(0, 37) + ' done.'],
    ['domain', 'Beacon to trickbot.example.com and emotet[.]xyz today.'],
  ];
  for (const [what, text] of cases) {
    it(`no match: ${what}`, () => {
      expect(names(matcher.match(text))).toEqual([]);
    });
  }
  it('a hash that contains a name-like hex string is not matched', () => {
    expect(matcher.match('sha256 ab12cdef34567890ab12cdef34567890ab12cdef34567890ab12cdef34567890')).toEqual([]);
  });
  it('punctuation, hyphenated suffixes and slash pairs are fine', () => {
    // Emotet, a word-like name, is read in the company of the TrickBot before it (neighbours.test.ts)
    expect(names(matcher.match('(TrickBot), "TrickBot" TrickBot-infected hosts; TrickBot/Emotet.'))).toEqual(['TrickBot', 'TrickBot', 'TrickBot', 'TrickBot', 'Emotet']);
  });
  it('a glued RAT suffix is part of the span', () => {
    const ms = matcher.match('NetWireRAT and NetwireRAT samples');
    expect(names(ms)).toEqual(['NetWireRAT', 'NetwireRAT']);
    expect(ms[0]?.entityId).toBe('netwire');
  });
});

describe('RAT written glued or apart', () => {
  const rats = createMatcher(
    compileDictionary([
      { id: 'crimson', kind: 'malware', name: 'Crimson RAT', aliases: [], provenance: ['test'] },
      { id: 'limerat', kind: 'malware', name: 'LimeRAT', aliases: [], provenance: ['test'] },
      { id: 'lime', kind: 'ransomware', name: 'Lime', aliases: [], provenance: ['test'] },
    ]),
  );
  const found = (t: string) => rats.match(SEC + t).map((m) => [m.text, m.entityId]);
  it('finds a family listed with RAT apart when the page glues it, and the other way round', () => {
    expect(found('The loader fetched CrimsonRAT.')).toEqual([['CrimsonRAT', 'crimson']]);
    expect(found('The loader fetched Lime RAT and Lime-RAT.')).toEqual([
      ['Lime RAT', 'limerat'],
      ['Lime-RAT', 'limerat'],
    ]);
  });
  it('leaves a shorter family name alone where no RAT follows', () => {
    expect(found('Lime ransomware encrypted the share.')).toEqual([['Lime', 'lime']]);
  });
});

describe('case rules', () => {
  it('short all-caps names need exact case', () => {
    expect(names(matcher.match(SEC + 'The GRU and the gru and Gru.'))).toEqual(['GRU']);
    expect(names(matcher.match('ta505 and Ta505 and TA505'))).toEqual(['TA505']);
  });
  it('title-case names accept their case, all caps and camel case, not lower case', () => {
    expect(names(matcher.match(SEC + 'Emotet, EMOTET, emotet. DarkSide, Darkside, darkside.'))).toEqual(['Emotet', 'EMOTET', 'DarkSide', 'Darkside']);
  });
  it('digit names match in any case', () => {
    expect(names(matcher.match('storm-0558 STORM 0558'))).toEqual(['storm-0558', 'STORM 0558']);
  });
  it('mixed-case names match as written anywhere, other writings on a security page only, lower case never', () => {
    expect(names(matcher.match('NETWIRE Netwire netwire'))).toEqual([]);
    // once the page has written the name as the name, its other writings are the same entity (entitySeen)
    expect(names(matcher.match('NetWire NETWIRE Netwire netwire'))).toEqual(['NetWire', 'NETWIRE', 'Netwire']);
    expect(names(matcher.match(SEC + 'NetWire NETWIRE Netwire netwire'))).toEqual(['NetWire', 'NETWIRE', 'Netwire']);
  });
});

describe('suppression', () => {
  it('suppressed terms never match, whatever their writing', () => {
    const text = SEC + 'TrickBot and APT 29 and Emotet.';
    expect(names(matcher.match(text, { suppressed: ['trickbot', 'APT-29'] }))).toEqual(['Emotet']);
  });
  it('suppressing a long name does not fall back to a shorter one', () => {
    expect(names(matcher.match(SEC + 'They ran Cobalt Strike.', { suppressed: ['Cobalt Strike'] }))).toEqual([]);
  });
});

describe('possible actors', () => {
  it('a name after a naming cue runs over its Title Case words, not over a crew word or into the next phrase', () => {
    const possible = (t: string) => matcher.match(SEC + t).filter((m) => m.possible).map((m) => m.text);
    expect(possible('Google said a threat actor dubbed Cold River targeted NGOs.')).toEqual(['Cold River']);
    expect(possible('The threat actor Brazen Bamboo used a new implant.')).toEqual(['Brazen Bamboo']);
    expect(possible('A crew known as Tarnwick Group In Spring struck.')).toEqual(['Tarnwick']);
    expect(possible('A crew known as Tarnwick by Google struck.')).toEqual(['Tarnwick']);
  });
  it('reports naming-scheme names not in the dictionary', () => {
    const ms = matcher.match(SEC + 'Proofpoint tracks TA2722 and Mandiant tracks UNC3890; Microsoft calls it Storm-1234 (was DEV-0537); FIN13 too.');
    expect(ms.map((m) => [m.text, m.entityId, m.possible, m.reason, m.kind])).toEqual([
      ['TA2722', null, true, 'pattern', 'actor'],
      ['UNC3890', null, true, 'pattern', 'actor'],
      ['Storm-1234', null, true, 'pattern', 'actor'],
      ['DEV-0537', null, true, 'pattern', 'actor'],
      ['FIN13', null, true, 'pattern', 'actor'],
    ]);
  });
  it('word schemes need security context', () => {
    expect(matcher.match('The zoo welcomed a Wicked Panda and a Snowy Bear.')).toEqual([]);
    const ms = matcher.match(SEC + 'Wicked Panda hackers and the Tarnwick gang and the threat actor Fancyname were seen.');
    expect(ms.filter((m) => m.possible).map((m) => m.text)).toEqual(['Wicked Panda', 'Tarnwick gang', 'Fancyname']);
  });
  it('dictionary names are not repeated as possible actors; ATT&CK tactic ids are not actors', () => {
    const ms = matcher.match('TA505 used TA0001 Initial Access.');
    expect(ms.map((m) => [m.text, m.possible ?? false])).toEqual([['TA505', false]]);
  });
  it('can be switched off', () => {
    expect(matcher.match('TA2722 again', { possibleActors: false })).toEqual([]);
  });
});

describe('golden', () => {
  it('a short security paragraph', () => {
    const text =
      'In March the Lazarus Group (tracked by Microsoft as Diamond Sleet, formerly ZINC) bought access from TrickBot’s ' +
      'operators. Analysts linked TA505 and the GRU to other intrusions, and saw Cobalt Strike beacons. ' +
      'A new cluster, UNC4899, overlaps with APT 38.';
    const got = matcher.match(text).map((m) => `${m.text}|${m.entityId ?? '?'}|${m.reason}`);
    expect(got).toEqual([
      'Lazarus Group|lazarus|exact',
      'Diamond Sleet|lazarus|exact',
      'ZINC|lazarus|context-confirmed',
      'TrickBot|trickbot|exact',
      'TA505|ta505|exact',
      'GRU|gru|exact',
      'Cobalt Strike|cobalt-strike|exact',
      'UNC4899|?|pattern',
      'APT 38|lazarus|exact',
    ]);
  });
});

describe('round 2: span rules and the one-pass scanner', () => {
  it('a separate RAT after a software name is part of the span; a lower-case group after a known name is not', () => {
    expect(names(matcher.match(SEC + 'NetWire RAT was dropped.'))).toEqual(['NetWire RAT']);
    expect(names(matcher.match(SEC + 'Lazarus Group and the Lazarus group.'))).toEqual(['Lazarus Group', 'Lazarus']);
  });
  it('emoji and other astral characters do not disturb offsets; a ligature forces a normalised copy', () => {
    const text = '🔥 TrickBot 𝐀 and TA505 \ufb01le';
    const ms = matcher.match(text);
    expect(ms.map((m) => text.slice(m.start, m.end))).toEqual(['TrickBot', 'TA505']);
  });
  it('possible actors from trigger words: look-back and look-ahead', () => {
    const ms = matcher.match(SEC + 'The Vortex ransomware gang and the threat actor Quillpen returned.');
    expect(ms.filter((m) => m.possible).map((m) => [m.text, m.rule])).toEqual([
      ['Vortex', 'ransomware-gang'],
      ['Quillpen', 'threat-actor'],
    ]);
  });
});

describe('rules added with the importer-merged feeds (decided on the AnnoCTR dev split)', () => {
  const ent = (id: string, kind: Entity['kind'], name: string, aliases: string[] = [], provenance = ['misp:malpedia']): Entity => ({ id, kind, name, aliases: aliases.map((a) => ({ name: a })), provenance });
  const m = createMatcher(
    compileDictionary([
      ent('joker', 'malware', 'Joker'),
      ent('raccoon-stealer', 'malware', 'Raccoon Stealer', [], ['bundled']),
      ent('netwire', 'malware', 'NetWire'),
      ent('net', 'tool', 'Net', [], ['attack']),
      ent('defender', 'ransomware', 'Defender', [], ['misp:ransomware']),
      ent('crypter', 'malware', 'Crypter'),
      ent('ramp', 'ransomware', 'RAMP', [], ['misp:ransomware']),
      ent('winnti-group', 'actor', 'Winnti Group', ['Winnti'], ['attack']),
      ent('n40', 'malware', 'N40'),
    ]),
  );
  const found = (t: string) => m.match(SEC + t).map((x) => x.text);
  it('an ordinary-word name before a possessive and a capitalised word is part of another name', () => {
    expect(found("The carding shop Joker's Stash closed, and the Joker malware spread.")).toEqual(['Joker']);
  });
  it('a kind word ending a software name may be written in lower case', () => {
    expect(found('It dropped the Raccoon stealer and the Raccoon Stealer again.')).toEqual(['Raccoon stealer', 'Raccoon Stealer']);
  });
  it('a dot glued before a name blocks it, except a list number', () => {
    expect(found('See the .Net binary and foo.NetWire here.\n4.NetWire was the payload.')).toEqual(['NetWire']);
  });
  it('a frequent-word name needs a strong cue of its kind', () => {
    expect(found('They ran an older MS Defender executable and then Defender ransomware.')).toEqual(['Defender']);
    expect(found('The actor used a Crypter and posted on RAMP, then the RAMP ransomware hit.')).toEqual(['RAMP']);
  });
  it('treats a no-break space like a space in the "<name> group" span rule', () => {
    expect(found('such as the Winnti\u00a0group, have')).toEqual(['Winnti']);
  });
  it('never matches inside a base64 blob', () => {
    expect(found('key JeS4nYcQ26szO7n5UXgZOK6j9iv9i+7+C2q6x8RfiHqsfjP41+N40/t7XSmIdPgB3R6 and N40 here')).toEqual(['N40']);
  });
});
