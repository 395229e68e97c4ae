/**
 * Session 18, helper A: threat names used for something else on pages that do have security context, so the
 * page-level gate cannot refuse them — a game's patch notes with a security notice, a security product's settings,
 * a conference programme, a product comparison, an engineering blog, a sermon page with a phishing warning. Each
 * wrong reading is tested with a true mention of the same name in report prose next to it. Texts written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, type Match } from '../../../src/core/matcher/index';
import { e } from './fixtures';

// the bundled dataset, and two feed-style software entries whose names are words: a Linux rootkit a person wrote and
// a ransomware family
const m = createMatcher(
  compileDictionary([...bundledDataset().entities, e('singularity-rootkit', 'malware', 'Singularity'), e('phoenix-ransomware', 'ransomware', 'Phoenix')], { version: 'namesakes-s18' }),
);
const spotted = (text: string) => m.match(text).map((x: Match) => `${x.text}=${x.entityId}`);

/** A security notice as patch notes, release notes and event pages carry one. */
const NOTICE = 'Security notice: attackers are sending phishing links that install malware and ransomware; never run files from strangers. ';

describe('a game item in patch notes with a security notice', () => {
  it('an emote, a skin or gear whose damage changed is not the threat', () => {
    const text = 'Patch 7.3\n' + NOTICE + 'Balance: the old Machete now deals 10% less damage. New Kimsuky emote in the shop. The Lazarus skin returns next week.';
    expect(spotted(text)).toEqual([]);
  });
  it('the same names in report sentences are still spotted', () => {
    const text = NOTICE + 'The Kimsuky group sent spear-phishing mails to think tanks. Analysts say Lazarus does serious damage to every exchange it robs. The Machete group stole military documents.';
    expect(spotted(text).map((x) => x.split('=')[0])).toEqual(['Kimsuky', 'Lazarus', 'Machete']);
  });
});

describe('a setting value in a security product\'s help page', () => {
  it('a colour or a theme chosen in the settings is not the threat', () => {
    expect(spotted(NOTICE + 'Appearance: you can pick Cobalt as the accent colour, or choose Cobalt, Silence or Phoenix as the colour scheme.')).toEqual([]);
  });
  it('a name chosen as a threat is still spotted', () => {
    expect(spotted(NOTICE + 'Researchers identified Cobalt as the group behind the ATM thefts.')).toEqual(['Cobalt=cobalt-group']);
  });
});

describe('a conference programme', () => {
  const AGENDA = 'Ransomware Defence Summit\n' + NOTICE + '\nDay 1 Agenda\n09:00 Opening\nAgenda\n10:30 Workshop on incident response\nAgenda for Monday: talks on phishing.';
  it('"Agenda" as the programme is not the ransomware of that old name', () => {
    expect(spotted(AGENDA).filter((x) => x.startsWith('Agenda'))).toEqual([]);
  });
  it('the ransomware called Agenda is still spotted', () => {
    const found = spotted(NOTICE + 'Agenda ransomware encrypted the hypervisors on day 1 of the intrusion.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^Agenda/);
  });
  it('a talk titled with a set phrase is not the group', () => {
    expect(spotted(NOTICE + 'Talk: Silence is golden - why attackers go quiet.')).toEqual([]);
    expect(spotted(NOTICE + 'Silence is a financially motivated group that robs banks.')).toEqual(['Silence=silence']);
  });
});

describe("a vendor's product line and a prototype", () => {
  it('a vendor\'s product after its name is not the threat of that name', () => {
    expect(spotted(NOTICE + 'In our test, SentinelOne Singularity blocked every sample and Check Point Harmony missed one.')).toEqual([]);
  });
  it('a vendor\'s research on the threat is still the threat', () => {
    expect(spotted(NOTICE + 'The ESET Singularity analysis shows the rootkit hiding processes on Linux servers.')).toEqual(['Singularity=singularity-rootkit']);
  });
  it('a students\' prototype named after a word is not the ransomware', () => {
    expect(spotted(NOTICE + 'The demo track ends with the Phoenix C2 prototype built by students.')).toEqual([]);
    expect(spotted(NOTICE + 'An early Phoenix ransomware prototype was uploaded in May.')).toEqual(['Phoenix=phoenix-ransomware']);
  });
});

describe("the writer's software stack", () => {
  it('what "we use for our …" is a product, not the threat', () => {
    expect(spotted('Engineering blog. ' + NOTICE + 'We use Phoenix for our API and Hive for the analytics warehouse.')).toEqual([]);
  });
  it('what the attackers use for their stage is still the threat', () => {
    expect(spotted(NOTICE + 'The affiliates use Hive for the encryption stage.')).toEqual(['Hive=hive']);
  });
});

describe('a person named by a place', () => {
  it('"Lazarus of Bethany" on a parish page with a phishing warning is not the group', () => {
    expect(spotted(NOTICE + 'This week\'s reading: Lazarus of Bethany and his sisters.')).toEqual([]);
  });
  it('"Lazarus of North Korea" is still the group', () => {
    expect(spotted(NOTICE + 'Analysts tied the heist to Lazarus of North Korea.')).toEqual(['Lazarus=lazarus-group']);
  });
});

describe('a software name with a capital inside written in Title case', () => {
  it('"the Redline infostealer" and "Redline stealer" are RedLine Stealer', () => {
    expect(spotted(NOTICE + 'The Redline infostealer took browser passwords.')).toEqual(['Redline=redline-stealer']);
    expect(spotted(NOTICE + 'A Redline stealer build was sold on a forum.')).toEqual(['Redline stealer=redline-stealer']);
  });
  it('"Redline" with no software word next to it stays a word, as in a contract', () => {
    expect(spotted(NOTICE + 'Please return the Redline version of the contract by Friday.')).toEqual([]);
  });
});

describe('a name before an irregular past tense', () => {
  it('"Lazarus dealt serious damage" is the group doing it, not a compound noun "Lazarus dealt"', () => {
    expect(spotted(NOTICE + 'Analysts say Lazarus dealt serious damage to the exchange.')).toEqual(['Lazarus=lazarus-group']);
  });
});
