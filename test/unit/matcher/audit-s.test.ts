/**
 * Audit S: findings on texts written for the audit (a ransomware tracker, data-engineering prose, loader news, an
 * Active Directory intrusion) and on the AnnoCTR dev split. Each test failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher, type Match } from '../../../src/core/matcher/index';
import type { Entity } from '../../../src/core/model/entity';
import { e } from './fixtures';
import { detectAndParse } from '../../../src/core/importers/index';

const DICT: Entity[] = [
  // a ransomware operation and the group ATT&CK lists under the same name (Akira, Play, RansomHub)
  { ...e('marlin-rw', 'ransomware', 'Marlin'), nameAmbiguous: true },
  e('marlin-group', 'actor', 'Marlin'),
  e('lockbit', 'ransomware', 'LockBit'),
  e('8base', 'ransomware', '8Base'),
  e('cobalt-strike', 'tool', 'Cobalt Strike'),
];
const matcher = createMatcher(compileDictionary(DICT, { version: 'audit-s' }));
const ids = (ms: Match[], text: string) => ms.filter((m) => m.text.startsWith(text)).map((m) => m.entityId);

describe('a name an actor and a ransomware share reads as one entity per text', () => {
  const tracker = [
    'Ransomware tracker',
    'Gang\tVictims\tTop sector',
    'LockBit\t41\tManufacturing',
    'Marlin\t19\tEducation',
    '8Base\t8\tRetail',
    '',
    'The Marlin gang listed a law firm, and Marlin operators posted a university. Marlin ransomware encrypts ESXi hosts.',
  ].join('\n');
  it('the majority of its cues decides (here the operators: two crew cues and a header against one software cue)', () => {
    const ms = matcher.match(tracker);
    const marlin = ms.filter((m) => m.name === 'Marlin');
    expect(marlin.length).toBe(4);
    expect(new Set(marlin.map((m) => m.entityId))).toEqual(new Set(['marlin-group']));
  });
  it('a text about the software reads it as the software at every mention', () => {
    const ms = matcher.match('Marlin ransomware appends .marlin to files; the Marlin encryptor skips system folders. The Marlin group has been active since March, per the leak site. Marlin ransomware also deletes shadow copies.');
    expect(ids(ms, 'Marlin')).toEqual(['marlin-rw', 'marlin-rw', 'marlin-rw', 'marlin-rw']);
    expect(ms.filter((m) => m.name === 'Marlin').every((m) => m.sense === 'software')).toBe(true);
  });
  it('a mention right before a word for a file stays the software where the text reads the operators', () => {
    const ms = matcher.match('Ransomware news: The Marlin gang is back with phishing and malware. Marlin operators hit two hospitals and Marlin affiliates a school; the Marlin payload is unchanged.');
    expect(ids(ms, 'Marlin')).toEqual(['marlin-group', 'marlin-group', 'marlin-group', 'marlin-rw']);
  });
});

describe('a word-like name listed with another product name is that product, in the whole text', () => {
  const m2 = createMatcher(
    compileDictionary([{ ...e('sparkdoor', 'malware', 'Spark'), nameAmbiguous: true }, e('emotet', 'malware', 'Emotet'), e('molerats', 'actor', 'Molerats'), e('mimikatz', 'tool', 'Mimikatz'), e('trickbot', 'malware', 'TrickBot')], { version: 'audit-s-2' }),
  );
  const SEC = 'Our security operations team scores endpoint telemetry for malware, phishing and lateral movement, and pushes ransomware alerts to incident response. ';
  it('"Kafka and Spark" on a security page is the data tool, at each of its mentions', () => {
    expect(m2.match(SEC + 'Events land in Kafka and Spark jobs score them. Spark keeps state per host.')).toEqual([]);
    expect(m2.match(SEC + 'We replaced the batch with Spark, Flink and Kafka. Spark reads the topics.')).toEqual([]);
  });
  it('listed with threat names, or with a cue of its kind, it stays the malware', () => {
    const t = (s: string) => m2.match(SEC + s).map((m) => m.text);
    expect(t('Molerats deployed Emotet and Spark against journalists.')).toEqual(['Molerats', 'Emotet', 'Spark']);
    expect(t('Molerats used Spark in 2020. Kafka and Spark pipelines were also seen, and the Spark backdoor beacons hourly.')).toEqual(['Molerats', 'Spark', 'Spark', 'Spark']);
    // a coined name (not an ordinary word) in a list of other software is the threat's tool
    expect(t('Observed tools include PDQ Deploy, ConnectWise ScreenControl, Mimikatz and Advanced IP Scanner.')).toEqual(['Mimikatz']);
    expect(t('Analysts saw Spark in Gaza, and Spark, Hamas said, was not theirs.')).toEqual(['Spark', 'Spark']);
  });
});

describe('an ordinary-noun cue and a distinctive name after it in the sentence confirm a flagged name', () => {
  const m3 = createMatcher(
    compileDictionary([{ ...e('widow', 'malware', 'Latrodectus'), nameAmbiguous: true }, e('lumma', 'malware', 'Lumma Stealer', ['LummaC2']), e('brc4', 'tool', 'Brute Ratel C4', ['BRc4'])], { version: 'audit-s-3' }),
  );
  it('"Latrodectus loader campaigns surged, delivering LummaC2" (the mirror of a cue right after a distinctive name)', () => {
    expect(m3.match('Weekly roundup: Latrodectus loader campaigns surged, delivering LummaC2. The Latrodectus payload now decrypts its strings.').map((m) => m.text)).toEqual(['Latrodectus', 'LummaC2', 'Latrodectus']);
  });
  it('not without a cue of its kind, nor across sentences, nor a spider on a nature page', () => {
    const t = (s: string) => m3.match(s).map((m) => m.text);
    expect(t('Weekly roundup: Latrodectus surged, delivering LummaC2.')).toEqual(['LummaC2']);
    expect(t('The Latrodectus loader was seen. LummaC2 followed.')).toEqual(['LummaC2']);
    expect(t('Latrodectus spiders are venomous; the Latrodectus family includes the black widow.')).toEqual([]);
  });
});

describe('a malpedia family described as a tester\'s tool is imported as a tool', () => {
  const galaxy = (description: string) =>
    JSON.stringify({ type: 'malpedia', name: 'Malpedia', uuid: '1d1c9af9-37fa-4deb-a928-f9b0abc7354c', values: [{ value: 'GrabHound', uuid: '0b9f2c6e-3a0e-4f7a-9b55-7d7b3c1f2a10', description }] });
  it('"according to its GitHub repository … a data collector" → tool, and the matcher says so', () => {
    const plan = detectAndParse(galaxy('According to its GitHub repository, GrabHound is a C# data collector for a graph tool.'), 'malpedia.json');
    expect(plan.entities.map((x) => x.kind)).toEqual(['tool']);
    const m = createMatcher(compileDictionary(plan.entities, { version: 'audit-s-4' }));
    expect(m.match('Operators then ran GrabHound to map the domain.').map((x) => x.kind)).toEqual(['tool']);
  });
  it('a family whose description speaks of malware or an implant stays malware', () => {
    expect(detectAndParse(galaxy('A red team framework whose implant was seen in intrusions.'), 'malpedia.json').entities.map((x) => x.kind)).toEqual(['malware']);
    expect(detectAndParse(galaxy('A backdoor that beacons hourly.'), 'malpedia.json').entities.map((x) => x.kind)).toEqual(['malware']);
  });
});

describe('an alias introduced by "tracks as" names a thing of the clause\'s kind', () => {
  const m5 = createMatcher(compileDictionary([e('salty', 'actor', 'Salt Typhoon', ['GhostEmperor', 'FamousSparrow']), e('ghostemperor-rk', 'malware', 'GhostEmperor')], { version: 'audit-s-5' }));
  it('"The group, which Microsoft also tracks as GhostEmperor" is the actor', () => {
    const ms = m5.match('Salt Typhoon, a hacking group tied to China, breached carriers. The group, which Microsoft also tracks as GhostEmperor and FamousSparrow, used a rootkit.');
    expect(ms.map((m) => `${m.text}=${m.entityId}`)).toEqual(['Salt Typhoon=salty', 'GhostEmperor=salty', 'FamousSparrow=salty']);
  });
});

describe('a family named with and without its kind word in one text is one entity', () => {
  const m6 = createMatcher(compileDictionary([{ ...e('medusa', 'ransomware', 'Medusa'), nameAmbiguous: true }, e('medusa-rw', 'ransomware', 'Medusa Ransomware')], { version: 'audit-s-6' }));
  it('"Medusa ransomware indicators … Medusa operators … Medusa affiliates"', () => {
    const ms = m6.match('#StopRansomware: Medusa. This lists known Medusa ransomware indicators. Medusa operators use phishing; Medusa affiliates buy access.');
    expect(new Set(ms.map((m) => m.entityId))).toEqual(new Set(['medusa']));
    // the kind word the second entity's name holds is no part of the highlight since session 25 (ransomware-tails.ts)
    expect(ms.map((m) => m.text)).toEqual(['Medusa', 'Medusa', 'Medusa', 'Medusa']);
  });
});
