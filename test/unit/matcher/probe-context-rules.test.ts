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
  e('turla', 'actor', 'Turla', [{ name: 'Snake', ambiguous: true }]),
  e('turla-tool', 'tool', 'Turla'),
  { ...e('uroburos', 'malware', 'Uroburos', [{ name: 'Snake', ambiguous: true }]) },
  { ...e('vidar', 'malware', 'Vidar'), nameAmbiguous: true },
  e('stealc', 'malware', 'StealC'),
  e('silence', 'actor', 'Silence'),
  e('ta505', 'actor', 'TA505'),
  { ...e('lumma', 'malware', 'Lumma'), nameAmbiguous: true },
  e('qakbot', 'malware', 'QakBot'),
  e('darkgate', 'malware', 'DarkGate'),
  { ...e('latrodectus', 'malware', 'Latrodectus'), nameAmbiguous: true },
  { ...e('medusa', 'ransomware', 'Medusa'), nameAmbiguous: true },
  e('lockbit', 'ransomware', 'LockBit'),
  { ...e('sliver', 'tool', 'Sliver'), nameAmbiguous: true },
  { ...e('royal', 'ransomware', 'Royal'), nameAmbiguous: true },
];
// the data links the group to its malware (two entities sharing the alias Snake)
const LINKS = [{ from: 'turla', to: 'uroburos' }];
const matcher = createMatcher(compileDictionary(DICT, { version: 'probe-f', links: LINKS }));
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

describe('a threat named by a distinctive name later in the paragraph vouches for an ordinary-word name before it', () => {
  // a long paragraph with no security word, on a page whose other paragraph has them
  const tail = ' The counts come from the cases we processed over the spring and summer, across eleven customers in four countries, and they changed little from month to month.';
  it('"the final payload was Vidar in 131 cases, StealC in 58"', () => {
    expect(names(`${REPORT}\n\n${pad(14)}\n\nIn the cases we processed, the final payload was Vidar in 131 cases, StealC in 58.${tail}`)).toEqual(['Vidar:malware', 'StealC:malware']);
  });
  it('"a group called Silence that robbed banks … linked to TA505" in a long paragraph', () => {
    expect(names(`${REPORT}\n\n${pad(14)}\n\nSilence is next. There was a minute of silence before the match, and the crowd kept it well. In 2018 researchers described a group called Silence that robbed banks in several countries; later campaigns were linked to TA505.${tail}`)).toEqual(['Silence:actor', 'TA505:actor']);
  });
  it('not from the next paragraph', () => {
    expect(names(`${REPORT}\n\n${pad(14)}\n\nIn the cases we processed, the final payload was Vidar in 131 cases, and it changed little.${tail}\n\nStealC was rare.`)).toEqual(['StealC:malware']);
  });
  it('not at a sentence start, where an ordinary word is capitalised anyway', () => {
    expect(names(`${REPORT}\n\n${pad(14)}\n\nVidar was the god we read about, and then StealC came up in the cases.${tail}`)).toEqual(['StealC:malware']);
  });
  it('not on a page without security context', () => {
    expect(names(`In the cases we processed, the final payload was Vidar in 131 cases, StealC in 58.${tail}`)).not.toContain('Vidar:malware');
  });
});

describe('an item of a list of spotted names of its kind', () => {
  it('"Lumma,StealC,DarkGate" at the start of a log line', () => {
    expect(names('08-22 — Lumma,StealC,DarkGate top the chart again.')).toEqual(['Lumma:malware', 'StealC:malware', 'DarkGate:malware']);
  });
  it('"QakBot→DarkGate→Latrodectus" and "QakBot -> DarkGate -> Latrodectus"', () => {
    expect(names('QakBot→DarkGate→Latrodectus: the same affiliates moving on.')).toEqual(['QakBot:malware', 'DarkGate:malware', 'Latrodectus:malware']);
    expect(names('QakBot -> DarkGate -> Latrodectus: the same affiliates moving on.')).toEqual(['QakBot:malware', 'DarkGate:malware', 'Latrodectus:malware']);
  });
  it('not with one spotted name beside it', () => {
    expect(names('Medusa, Latrodectus, StealC: three words from a biology quiz.')).toEqual(['StealC:malware']);
  });
  it('not where words stand between the items', () => {
    expect(names('Medusa was the myth we read, then StealC, DarkGate were in the news.')).toEqual(['StealC:malware', 'DarkGate:malware']);
  });
  it('not beside names of the other kind', () => {
    expect(names('Lumma, TA505, Turla were in the list.')).not.toContain('Lumma:malware');
  });
});

describe('which entity a name shared by an actor and software is', () => {
  it('"a Turla implant" is the group (whose implant), "the Turla implant" the software', () => {
    expect(matcher.match(`${REPORT} A write-up of a Turla implant that hides its traffic.`).find((m) => m.text === 'Turla')?.entityId).toBe('turla');
    expect(matcher.match(`${REPORT} The write-up of the Turla implant that hides its traffic.`).find((m) => m.text === 'Turla')?.entityId).toBe('turla-tool');
  });
  it('"the Snake implant" after the group was named is its malware, in a paragraph without security words', () => {
    const t = `${REPORT} The Turla group ran the intrusion.\n\n${pad(14)}\n\nTurla, the old group from the east, is known for hiding its servers behind satellite links and for the Snake implant that the police took apart in spring, which the papers followed for weeks and which the courts discussed at length in the spring and again in the autumn of that year.`;
    expect(matcher.match(t).find((m) => m.text === 'Snake')?.entityId).toBe('uroburos');
  });
});

describe('a name a table confirmed holds at its later mentions', () => {
  const table = `${REPORT}\n\n| gang | status |\n|---|---|\n| LockBit | degraded |\n| Medusa | active |\n\n${pad(14)}\n\n`;
  it('"Links: LockBit advisory · Medusa notes" under the tracker', () => {
    const ms = matcher.match(`${table}Links: LockBit advisory · Medusa notes`).filter((m) => m.text === 'Medusa');
    expect(ms.length).toBe(2);
  });
  it('not above the table', () => {
    const ms = matcher.match(`Links: LockBit advisory · Medusa notes\n\n${pad(14)}\n\n${table}`).filter((m) => m.text === 'Medusa');
    expect(ms.length).toBe(1);
  });
});

describe('a threat spotted earlier in the paragraph is a security word for the names after it', () => {
  const reply = 'Thanks. We pulled memory from one host and found a cracked Cobalt Strike 4.9 beacon there, but the second host is different: the process is a signed binary from a printer driver package with an unsigned library beside it, and the strings name a few Go package paths, so I am now leaning towards Sliver for that one. We will know more after the weekend.';
  const quiet = 'Thanks. We pulled memory from one host and found nothing there, and the second host is no different: the process is a signed binary from a printer driver package with an unsigned library beside it, and the strings name a few Go package paths, so I am now leaning towards Sliver for that one. We will know more after the weekend.';
  it('"… Cobalt Strike 4.9 beacon … leaning towards Sliver" in a reply without security words', () => {
    expect(names(`${REPORT}\n\n${pad(14)}\n\n${reply}`)).toEqual(['Cobalt Strike:tool', 'Sliver:tool']);
  });
  it('not without a threat spotted before it in the paragraph', () => {
    expect(names(`${REPORT}\n\n${pad(14)}\n\n${quiet}`)).toEqual([]);
  });
  it('not from the paragraph before', () => {
    expect(names(`${REPORT}\n\n${pad(14)}\n\nIt was a cracked Cobalt Strike 4.9 beacon.\n\n${quiet}`)).toEqual(['Cobalt Strike:tool']);
  });
});
