/**
 * Round 3 rules: one sense per text (possible actors at their bare mentions, the reading of a ransomware name, RAT as
 * a descriptor), capitalised crew words in spans, initialisms and look-back cues for possible actors — and ordinary
 * prose that must stay free of highlights.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, compilePrefilter, createMatcher, createPrefilter, createTextMemory, hasSecurityContext, type Match } from '../../../src/core/matcher/index';
import type { Entity } from '../../../src/core/model/entity';
import { rng } from '../../../scripts/lib/rng';
import { ENTITIES } from './fixtures';

const ent = (id: string, kind: Entity['kind'], name: string, aliases: string[] = []): Entity => ({ id, kind, name, aliases: aliases.map((a) => ({ name: a })), provenance: ['test'] });
const EXTRA: Entity[] = [
  ent('revil', 'ransomware', 'REvil'),
  ent('nanocore', 'malware', 'NanoCore', ['Nanocore RAT']),
  ent('minebridge', 'malware', 'MineBridge'),
  ent('palewing', 'actor', 'Palewing'),
];
const matcher = createMatcher(compileDictionary([...ENTITIES, ...EXTRA], { version: 't3' }));
const SEC = 'The threat actor used malware, a backdoor and phishing in this intrusion. ';
/** Each ransomware mention of a text with security context, and the reading it got. */
const sense = (t: string) => matcher.match(SEC + t).filter((m) => m.kind === 'ransomware').map((m) => [m.text, m.sense ?? null]);
const found = (t: string) => matcher.match(t).map((m) => m.text);
const possible = (ms: Match[]) => ms.filter((m) => m.possible).map((m) => [m.text, m.rule]);

describe('one sense per text: possible actors', () => {
  it('a possible actor confirmed by a cue is spotted at its bare mentions', () => {
    const ms = matcher.match(SEC + 'Tarnwick said on Monday that the Tarnwick gang is back. Later, Tarnwick posted again (see tarnwick.example).');
    expect(possible(ms)).toEqual([
      ['Tarnwick', 'same-text'],
      ['Tarnwick gang', 'gang'],
      ['Tarnwick', 'same-text'],
    ]);
    // ordered, non-overlapping
    for (let k = 1; k < ms.length; k++) expect(ms[k]!.start).toBeGreaterThanOrEqual(ms[k - 1]!.end);
  });
  it('bare mentions need the exact written form and word boundaries', () => {
    const ms = matcher.match(SEC + 'the threat actor Quillpen; QUILLPEN, Quillpens, Quillpen_x and Quillpen.dll are not it; Quillpen is.');
    expect(possible(ms)).toEqual([
      ['Quillpen', 'threat-actor'],
      ['Quillpen', 'same-text'],
    ]);
  });
  it('nothing is propagated when possible actors are off or the cue lacks page context', () => {
    expect(found('The Tarnwick gang played. Tarnwick toured.')).toEqual([]);
    expect(matcher.match(SEC + 'the Tarnwick gang; Tarnwick again', { possibleActors: false })).toEqual([]);
  });
  it('a capitalised Gang is part of the name; its bare name is then spotted too', () => {
    const ms = matcher.match(SEC + 'The Tarnwick Gang runs a forum. Tarnwick recruits.');
    expect(possible(ms)).toEqual([
      ['Tarnwick Gang', 'gang'],
      ['Tarnwick', 'same-text'],
    ]);
  });
});

describe('one sense per text: ransomware names', () => {
  it('the majority of the cues decides the reading at every mention', () => {
    expect(sense('Darkside operators and Darkside affiliates rose fast; the Darkside ransomware spread; Darkside stopped.')).toEqual([
      ['Darkside', 'actor'],
      ['Darkside', 'actor'],
      ['Darkside', 'actor'],
      ['Darkside', 'actor'],
    ]);
  });
  it('ties read the software', () => {
    expect(sense('The REvil gang hit again; the REvil payload spread; REvil returned.')).toEqual([
      ['REvil', 'software'],
      ['REvil', 'software'],
      ['REvil', 'software'],
    ]);
  });
  it('without any cue there is no sense', () => {
    expect(sense('REvil returned.')).toEqual([['REvil', null]]);
  });
});

describe('one sense per text: RAT as a descriptor', () => {
  it('drops RAT from the span when the text also writes the name alone', () => {
    expect(found(SEC + 'NanoCore RAT is sold on forums. NanoCore includes plugins. Both NanoCore RAT and NetWire RAT spread.')).toEqual([
      'NanoCore',
      'NanoCore',
      'NanoCore',
      'NetWire RAT',
    ]);
  });
  it('keeps RAT when the name is always written with it', () => {
    expect(found(SEC + 'MineBridge RAT spread; the MineBridge RAT campaign.')).toEqual(['MineBridge RAT', 'MineBridge RAT']);
  });
});

describe('capitalised crew words belong to an actor name', () => {
  it('Group, Team and Gang after a known actor extend the span; a lower-case group does not', () => {
    expect(found(SEC + 'The Palewing Group and the Palewing group; Palewing Team; Palewing Gang; Palewing Groups.')).toEqual(['Palewing Group', 'Palewing', 'Palewing Team', 'Palewing Gang', 'Palewing']);
  });
  it('not after software, and a ransomware name only when the cue reads it as the crew', () => {
    expect(found(SEC + 'TrickBot Team and the Emotet Group.')).toEqual(['TrickBot', 'Emotet']);
    expect(found(SEC + 'the Darkside Gang')).toEqual(['Darkside Gang']);
  });
});

describe('a lower-case "gang" is part of a crew\'s highlight; other crew words are not', () => {
  const shown = (t: string) => matcher.match(SEC + t).map((m) => [m.text, m.kind, m.sense ?? null]);
  it('after a known actor: "gang" is highlighted with the name, "group", "actors", "operators" are not', () => {
    expect(found(SEC + 'the TA505 gang; the TA505 group; TA505 actors; TA505 operators; the Palewing gang.')).toEqual(['TA505 gang', 'TA505', 'TA505', 'TA505', 'Palewing gang']);
  });
  it('only a separate "gang" on the same line: not "gangs", "gang-related", a line break or a possessive', () => {
    expect(found(SEC + 'TA505 gangs; TA505 gang-related fraud; TA505\ngang; TA505’s gang.')).toEqual(['TA505', 'TA505', 'TA505', 'TA505']);
  });
  it('after a possible actor: "the Tarnwick gang" highlights "Tarnwick gang", and later bare mentions "Tarnwick"', () => {
    const ms = matcher.match(SEC + 'The Tarnwick gang sells access. Tarnwick also runs a leak site; the Tarnwick gang’s forum.');
    expect(ms.map((m) => [m.text, m.rule, m.cue?.word ?? null])).toEqual([
      ['Tarnwick gang', 'gang', 'gang'],
      ['Tarnwick', 'same-text', null],
      ['Tarnwick gang', 'gang', 'gang'],
    ]);
  });
  it('after a ransomware name read as its operators, at each "gang"; the bare mentions stay the name', () => {
    expect(shown('Darkside operators hit a pipeline; the Darkside gang then vanished, and Darkside affiliates moved on.')).toEqual([
      ['Darkside', 'ransomware', 'actor'],
      ['Darkside gang', 'ransomware', 'actor'],
      ['Darkside', 'ransomware', 'actor'],
    ]);
  });
  it('not after a ransomware name the text reads as the software', () => {
    expect(shown('The REvil gang struck; the REvil payload and a REvil sample were found.')).toEqual([
      ['REvil', 'ransomware', 'software'],
      ['REvil', 'ransomware', 'software'],
      ['REvil', 'ransomware', 'software'],
    ]);
  });
  it('"<name> ransomware gang" highlights the name only, read as the crew', () => {
    expect(shown('the Darkside ransomware gang and the REvil ransomware operators.')).toEqual([
      ['Darkside', 'ransomware', 'actor'],
      ['REvil', 'ransomware', 'actor'],
    ]);
    expect(possible(matcher.match(SEC + 'the Vortex ransomware gang; Vortex returned.'))).toEqual([
      ['Vortex', 'ransomware-gang'],
      ['Vortex', 'same-text'],
    ]);
  });
  it('not after software, nor without page context for a possible actor', () => {
    expect(found(SEC + 'the TrickBot gang and the Emotet gang.')).toEqual(['TrickBot', 'Emotet']);
    expect(found('The Tarnwick gang played on.')).toEqual([]);
  });
});

describe('one sense per text: a file of the software stays the software', () => {
  it('a mention before payload, sample, binary or encryptor reads the software in a text about the operators', () => {
    expect(sense('Darkside operators, Darkside affiliates and Darkside hackers chose targets; the Darkside payload, the Darkside encryptor; Darkside stopped.')).toEqual([
      ['Darkside', 'actor'],
      ['Darkside', 'actor'],
      ['Darkside', 'actor'],
      ['Darkside', 'software'],
      ['Darkside', 'software'],
      ['Darkside', 'actor'],
    ]);
  });
  it('but not "<name> ransomware" (the field names the operation so too), nor the crew\'s payload', () => {
    expect(sense('Darkside operators, Darkside affiliates and Darkside hackers chose targets; the Darkside ransomware spread; Darkside’s payload too.')).toEqual([
      ['Darkside', 'actor'],
      ['Darkside', 'actor'],
      ['Darkside', 'actor'],
      ['Darkside', 'actor'],
      ['Darkside', 'actor'],
    ]);
  });
});

describe('initialisms and look-back cues', () => {
  it('an initialism next to a strong cue is a possible actor, then spotted at its bare mentions', () => {
    const ms = matcher.match(SEC + 'A threat actor R.T.V sent invoices. R.T.V also used mules. The R.T.V. name is odd.');
    expect(possible(ms)).toEqual([
      ['R.T.V', 'threat-actor'],
      ['R.T.V', 'same-text'],
      ['R.T.V', 'same-text'],
    ]);
    expect(possible(matcher.match(SEC + 'the R.T.V gang struck; the A.B group too'))).toEqual([
      ['R.T.V gang', 'gang'],
      ['A.B', 'gang'],
    ]);
  });
  it('ordinary initialisms are never spotted on their own', () => {
    expect(found(SEC + 'The U.S. group met E.U. officials; the U.S. gang laws changed.')).toEqual([]);
  });
  it('"<Name> APT" looks back to the name; "<Name> threat actors" does not (often said of malware)', () => {
    expect(possible(matcher.match(SEC + 'We saw the Quillpen threat actors and the ReconCat threat group; the Lumafox APT too.'))).toEqual([['Lumafox', 'apt']]);
  });
  it('look-back cues ignore sentence-initial words, categories and nationalities', () => {
    expect(possible(matcher.match(SEC + 'Sophisticated threat actors struck. We saw BEC threat actors, Chinese APT groups and a Russian threat actor.'))).toEqual([]);
    expect(possible(matcher.match(SEC + 'Threat Actors Distribute Fake Apps'))).toEqual([]);
  });
  it('a word after an indefinite article describes the APT, it does not name it', () => {
    expect(possible(matcher.match(SEC + 'It was a Baltic APT, or an Andean APT; the Lumafox APT denied it.'))).toEqual([['Lumafox', 'apt']]);
  });
  it('"aka" and "also known as" after an actor name', () => {
    expect(possible(matcher.match(SEC + 'TA505 (aka Hive0065) and Lazarus Group, also known as Blackfly, struck; TrickBot aka Spindle did not.'))).toEqual([
      ['Hive0065', 'threat-actor'],
      ['Blackfly', 'threat-actor'],
    ]);
  });
  it('plural crew words introduce names too', () => {
    expect(possible(matcher.match(SEC + 'a loose set of actors known as Quillpen'))).toEqual([['Quillpen', 'threat-actor']]);
  });
});

describe('cues that read a name as a crew', () => {
  const cueOf = (t: string) => matcher.match(SEC + t).map((m) => [m.text, m.cue?.word ?? null, m.cue?.kind ?? null]);
  it('a list introduced by a plural kind noun, carried over to its next items', () => {
    expect(cueOf('used by state groups such as APT29 and Darkside, or REvil. Ransomware families like REvil, TrickBot and Emotet.')).toEqual([
      ['APT29', 'groups', 'actor'],
      ['Darkside', 'groups', 'actor'],
      ['REvil', 'groups', 'actor'],
      ['REvil', 'families', 'software'],
      ['TrickBot', 'families', 'software'],
      ['Emotet', 'families', 'software'],
    ]);
    // a list ends at other words
    expect(cueOf('groups such as APT29 were seen; later Emotet returned.')).toEqual([
      ['APT29', 'groups', 'actor'],
      ['Emotet', null, null],
    ]);
    // the intro is read on the name's own line only (a heading ending "groups such as" does not reach the next line)
    expect(cueOf('Ransomware families like\nAPT29 and others.')).toEqual([['APT29', null, null]]);
    expect(cueOf('Ransomware families like APT29 and others.')).toEqual([['APT29', 'families', 'software']]);
  });
  it('"X RaaS", "X Ransomware-as-a-Service" and "the operators of the X" name the crew', () => {
    expect(cueOf('the Darkside RaaS program; the REvil Ransomware-as-a-Service; the operators of the Darkside site.')).toEqual([
      ['Darkside', 'raas', 'actor'],
      ['REvil', 'raas', 'actor'],
      ['Darkside', 'operators', 'actor'],
    ]);
  });
  it('the Title-case writing of an all-capitals flagged actor alias needs an actor cue and a security page', () => {
    expect(found(SEC + 'They linked it to the Zinc group and to ZINC; Zinc was quiet.')).toEqual(['Zinc', 'ZINC']);
    expect(found('They blamed the Zinc group.')).toEqual([]);
    expect(found(SEC + 'The Zinc malware and Zinc prices.')).toEqual([]);
  });
});

describe('ordinary pages stay free of highlights with the round 3 rules', () => {
  const MUSIC =
    'The Marlow Gang played the harbour festival on Friday. Marlow, as fans call the band, opened with a slow ballad; ' +
    'the drummer, also known as Big Lou, took a solo. The Harbour Team of rowers watched. A U.S. group of students, ' +
    'the A.B.C. choir and the R.T.V society sang. Critics called it a triumph, and compared it to groups such as ' +
    'Silence and Equation.';
  const NEWS =
    'Sophisticated threat models are discussed by engineers. The Parisian Team won the cup; the city group (aka the ' +
    'Committee) met. Apple released a phone; Apple fans queued. Metals such as Zinc and Cobalt rose; the operators of ' +
    'the Zinc Group mine and Zinc RaaS (Rails as a Service) were named.';
  it('a music review', () => {
    expect(hasSecurityContext(MUSIC)).toBe(false);
    expect(matcher.match(MUSIC)).toEqual([]);
  });
  it('a news digest', () => {
    expect(matcher.match(NEWS)).toEqual([]);
  });
});

describe('prefilter stays a safe over-approximation with the round 3 rules', () => {
  const dict = compileDictionary([...ENTITIES, ...EXTRA], { version: 't3' });
  const m = createMatcher(dict);
  const pf = createPrefilter(compilePrefilter(dict));
  const WORDS = [
    'Tarnwick', 'gang', 'Gang', 'Group', 'Team', 'group', 'threat', 'actor', 'actors', 'APT', 'aka', 'also', 'known', 'as', 'R.T.V', 'R.T.V.', 'U.S.',
    'Palewing', 'REvil', 'Darkside', 'operators', 'affiliates', 'ransomware', 'NanoCore', 'NanoCore RAT', 'RAT', 'MineBridge', 'TA505', 'Quillpen',
    'ReconCat', 'malware', 'backdoor', 'phishing', 'payload', 'encryptor', 'the', 'river', 'kettle', 'and', 'a',
  ];
  const GLUE = [' ', ' ', ' ', ', ', '. ', '\n', ' (', ') ', '.', '’s '];
  it('never clears a text the matcher finds something in', () => {
    const r = rng(7);
    let found = 0;
    for (let t = 0; t < 3000; t++) {
      const parts: string[] = [];
      const len = 2 + Math.floor(r() * 14);
      for (let w = 0; w < len; w++) parts.push(WORDS[Math.floor(r() * WORDS.length)]!, GLUE[Math.floor(r() * GLUE.length)]!);
      const text = parts.join('');
      for (const possibleActors of [true, false]) {
        for (const ctx of [undefined, true, false]) {
          const securityContext = ctx ?? hasSecurityContext(text);
          const ms = m.match(text, { possibleActors, ...(ctx === undefined ? {} : { securityContext: ctx }) });
          if (!ms.length) continue;
          found++;
          if (!pf.mayMatch(text, { possibleActors, securityContext })) throw new Error(`cleared: ${JSON.stringify(text)}`);
          for (let k = 1; k < ms.length; k++) if (ms[k]!.start < ms[k - 1]!.end) throw new Error(`overlap in ${JSON.stringify(text)}`);
        }
      }
    }
    expect(found).toBeGreaterThan(1000);
  });
});

describe('one sense across the pieces of a long text (MatchOptions.memory)', () => {
  const pieces = [SEC + 'Analysts named the threat actor Quillpen last week.', 'Quillpen returned in March.', 'Nothing else here.'];
  it('a possible actor confirmed in an earlier piece is spotted at its bare mentions in later ones', () => {
    const memory = createTextMemory();
    const seen = pieces.map((p) => possible(matcher.match(p, { memory })));
    expect(seen).toEqual([[['Quillpen', 'threat-actor']], [['Quillpen', 'same-text']], []]);
    // without memory each piece stands alone
    expect(possible(matcher.match(pieces[1]!))).toEqual([]);
  });
  it('a ransomware name keeps the reading earlier pieces gave it', () => {
    const memory = createTextMemory();
    matcher.match(SEC + 'REvil operators and REvil affiliates went quiet.', { memory });
    const later = matcher.match('In July REvil came back.', { memory });
    expect(later.map((m) => [m.text, m.sense])).toEqual([['REvil', 'actor']]);
    expect(matcher.match('In July REvil came back.').map((m) => m.sense)).toEqual([undefined]);
  });
});
