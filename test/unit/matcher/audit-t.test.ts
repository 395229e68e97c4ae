/**
 * Audit T: a name that is an ordinary word, or looks like one, read as a word of another proper name or of a compound
 * noun ("Google Play", "the Play Store", "Microsoft Equation Editor", "the company's Equation editor", "Royal Mail") on
 * a page with security context — against true mentions next to capitalised words and nouns, which stay. Sentences
 * written for the audit, matched with the bundled dataset (Play, Royal, Hive, Conti, Akira, Maui and Snake are
 * flagged ransomware and malware names there; Equation, Lazarus, Sandworm, OilRig and Cobalt flagged actor names).
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const matcher = createMatcher(compileDictionary(bundledDataset().entities, { version: 'audit-t' }));
/** Each sentence stands on a page whose other sentences give it security context, as a report or a news page would. */
const SEC = 'Our analysts track ransomware crews, phishing kits and the malware they deploy, from backdoors to infostealers. ';
const spotted = (sentence: string) => matcher.match(SEC + sentence).map((m) => `${m.text}=${m.entityId}`);

describe('a word of another proper name or compound noun is not the threat', () => {
  it.each([
    // Google's app store and its parts
    ['Play', 'The app was removed from the Play Store two days after our report on the banking trojan.'],
    ['Play', 'The phishing kit cloned the Play Console login page to harvest developer credentials.'],
    ['Play', 'Sideloaded installers skip the checks of the official Play marketplace and carry the backdoor.'],
    ['Play', 'Clicking the Play button on the fake video page downloaded the malware.'],
    // Microsoft's Equation Editor (CVE-2017-11882, CVE-2018-0802), however it is written
    ['Equation', "The attackers exploited the company's Equation editor in CVE-2017-11882 to drop a backdoor."],
    ['Equation', 'The RTF lure triggers a memory corruption in Equation Editor (CVE-2018-0802) and runs shellcode.'],
    ['Equation', 'Admins should remove the legacy Equation editor component, since phishing documents still target it.'],
    ['Equation', 'Microsoft Equation Editor has been abused by many threat actors since 2017.'],
    ['Equation', "The attackers overflowed the Equation editor's font buffer to run shellcode."],
    // institutions, places, people
    ['Royal', 'The Royal family visited a hospital hit by a cyberattack last week.'],
    ['Royal', 'Customers of the Royal Bank received phishing texts that led to a credential stealer.'],
    ['Royal', 'Staff at the Royal Navy base were warned about a new spyware campaign.'],
    ['Royal', 'Emails spoofing the Royal household were used to spread a remote access trojan.'],
    ['Royal', 'In a statement, Royal Mail said the ransomware attack disrupted overseas deliveries for weeks.'],
    ['Akira', 'The lure was a pirated copy of a film by Akira Kurosawa that installed a backdoor.'],
    ['Cobalt', 'The phishing site copied the Cobalt blue logo of the bank to steal credentials.'],
    ['Maui', 'Hackers breached the water utility of Maui County and deployed ransomware.'],
    ['Snake', 'The botnet hit hotels along the Snake River with credential phishing.'],
    ['Lazarus', 'Ransomware took the payroll of the Lazarus Foundation offline for a week.'],
  ])('%s in "%s"', (name, sentence) => {
    expect(spotted(sentence).filter((s) => s.startsWith(`${name}=`))).toEqual([]);
  });

  it('a name spotted earlier in the text does not vouch for a later word of another name', () => {
    expect(spotted('Hive ransomware hit a clinic in May. Weeks later the same crew queried Apache Hive tables from a compromised server.')).toEqual(['Hive=hive']);
    expect(spotted('Play ransomware posted a retailer on its leak site. The crew then pushed a trojanised app to Google Play.')).toEqual(['Play=play']);
    expect(spotted('Conti ransomware was behind the breach, researcher Marco Conti said after the phishing wave.')).toEqual(['Conti=conti']);
  });

  it('nor does one such word vouch for another in the same sentence ("Google Play … the Play Store")', () => {
    expect(spotted('Victims downloaded the dropper from Google Play before it was removed from the Play Store.')).toEqual([]);
  });

  it('a word-like name after the first word of another proper name is that name too ("Google Gemini")', () => {
    const m = createMatcher(compileDictionary([e('gemini', 'malware', 'Gemini'), e('emotet', 'malware', 'Emotet')], { version: 'audit-t-2' }));
    const t = (s: string) => m.match(SEC + s).map((x) => x.text);
    expect(t('The lure promised free access to Google Gemini and installed Emotet.')).toEqual(['Emotet']);
    expect(t('The Gemini backdoor beacons every hour, and Emotet delivers it.')).toEqual(['Gemini', 'Emotet']);
    // a coined name goes on with its own parts: after a word-like name a capitalised word is no other name
    expect(t('Researchers saw Gemini Loader samples next to Emotet.')).toEqual(['Gemini', 'Emotet']);
  });
});

describe('true mentions next to capitalised words and nouns stay', () => {
  it.each([
    // a cue, or the name's own crew word, after it
    ['Play ransomware operators posted three new victims on their leak site.', ['Play=play']],
    ['Last month the Play gang exploited FortiOS flaws for initial access.', ['Play gang=play']],
    ['Files encrypted by the Royal ransomware carry a new extension.', ['Royal=royal']],
    ['The Lazarus Group deployed a new backdoor against defence contractors.', ['Lazarus Group=lazarus-group']],
    ['Sandworm Team deployed wipers against Ukrainian utilities.', ['Sandworm Team=sandworm']],
    ['The Cobalt group sent phishing mail to bank employees in Eastern Europe.', ['Cobalt=cobalt-group']],
    ['Cobalt Strike beacons were found next to the loader on every host.', ['Cobalt Strike=cobalt-strike']],
    // a verb, a preposition, a time phrase or a conjunction after it
    ['Researchers attributed the implant to Equation based on shared encryption constants.', ['Equation=equation-group']],
    ['Kaspersky linked the malware to Equation in 2015.', ['Equation=equation-group']],
    ['The implant shows that Equation exploited two zero-days years before they were patched.', ['Equation=equation-group']],
    ['In 2015 the GRU unit known as Sandworm targeted the power grid with a wiper.', ['Sandworm=sandworm']],
    ['Analysts noted that both Royal and Play use intermittent encryption to evade detection.', ['Royal=royal', 'Play=play']],
    ['The FBI attributed the theft to Lazarus last year.', ['Lazarus=lazarus-group']],
    ['Security firms believe Lazarus stole the funds through a compromised bridge.', ['Lazarus=lazarus-group']],
    ['Agencies warned that Play hit more than 300 organisations with ransomware.', ['Play=play']],
    ['Files are encrypted by Royal, which then drops a ransom note.', ['Royal=royal']],
    ['Investigators tied the phishing campaign to Sandworm rather than to a criminal gang.', ['Sandworm=sandworm']],
    ['Analysts say Play doesn’t encrypt whole files, only every tenth block.', ['Play=play']],
    ["Negotiators expect that Royal isn't going away soon.", ['Royal=royal']],
    // a noun for what the threat has, or a compound about it
    ['Reporters checked the Play leak site, which listed a hospital and a school district.', ['Play=play']],
    ['Analysts mapped Lazarus infrastructure across three hosting providers.', ['Lazarus=lazarus-group']],
    ['Engineers received Lazarus fake job lures with a trojanised PDF reader.', ['Lazarus=lazarus-group']],
    ['Reporters described the Lazarus hack of the bridge as the largest crypto theft.', ['Lazarus=lazarus-group']],
    ['Banks were hit by Cobalt spear-phishing waves that carried a backdoor.', ['Cobalt=cobalt-group']],
    ['Prosecutors described Lazarus state-sponsored hacking as a revenue source.', ['Lazarus=lazarus-group']],
    ['Researchers described Equation hard drive firmware implants in detail.', ['Equation=equation-group']],
    ['Researchers found new Lazarus Mac malware hidden in a fake wallet app.', ['Lazarus=lazarus-group']],
    ['Analysts examined the Royal Linux encryptor, which targets ESXi servers.', ['Royal=royal']],
    ['Researchers linked the Quiet family of wipers to Sandworm.', ['Sandworm=sandworm']],
    // a nationality before it, a list, another name
    ['North Korean Lazarus hackers targeted cryptocurrency exchanges with trojanised apps.', ['Lazarus=lazarus-group']],
    ['Russian Sandworm and Iranian OilRig ran phishing campaigns against energy firms.', ['Sandworm=sandworm', 'OilRig=apt34']],
    ['CISA said Iranian OilRig used DNS tunnelling for command and control.', ['OilRig=apt34']],
    ['The intrusions were carried out by Lazarus, Kimsuky and Andariel working together.', ['Lazarus=lazarus-group', 'Kimsuky=kimsuky', 'Andariel=andariel']],
    ['Threat groups such as Lazarus and Sandworm use custom backdoors.', ['Lazarus=lazarus-group', 'Sandworm=sandworm']],
    ['Microsoft tracks Lazarus as Diamond Sleet, and the group uses phishing.', ['Lazarus=lazarus-group', 'Diamond Sleet=lazarus-group']],
    ['The affiliate first deployed Cobalt Strike and then launched Royal on the domain controllers.', ['Cobalt Strike=cobalt-strike', 'Royal=royal']],
    ['The loader that Sandworm Industroyer operators used came from the same builder.', ['Sandworm=sandworm', 'Industroyer=industroyer']],
    // a security vendor before it: whose research it is
    ['The new Kaspersky Turla research describes a backdoor hidden in a mail server.', ['Turla=turla']],
    ['Defenders read the latest Mandiant Sandworm findings on the grid attacks.', ['Sandworm=sandworm']],
    ['The leaked Recorded Future Lazarus brief tracks stolen crypto.', ['Lazarus=lazarus-group']],
    ['Defenders read the CrowdStrike Sandworm write-up on the grid attacks.', ['Sandworm=sandworm']],
    ['The joint FBI and CISA Lazarus advisory lists wallets used for laundering.', ['Lazarus=lazarus-group']],
  ])('"%s"', (sentence, want) => {
    expect(spotted(sentence)).toEqual(want);
  });

  it('in a Title Case heading a capitalised word next to the name says nothing', () => {
    const t = 'How Play Ransomware Encrypts Files\nThe ransomware uses intermittent encryption, and the affiliates deploy a backdoor first.';
    expect(matcher.match(t).map((m) => m.text)).toEqual(['Play']);
  });

  it('a heading and its section, and a column of threat names', () => {
    const report = '## Lazarus\nLazarus remains the most active group in our telemetry, sending phishing mail with a new backdoor.';
    expect(matcher.match(report).map((m) => m.text)).toEqual(['Lazarus', 'Lazarus']);
    const table = `${SEC}\n| Group | Victims |\n|---|---|\n| Play | 41 |\n| Royal | 19 |\n| LockBit | 80 |`;
    expect(matcher.match(table).map((m) => m.text)).toEqual(['Play', 'Royal', 'LockBit']);
  });

  it('German capitalises its nouns: a crew word before the name is a cue there, not another name', () => {
    expect(matcher.match('Die nordkoreanische Hackergruppe Lazarus hat erneut Kryptobörsen mit Schadsoftware angegriffen.').map((m) => m.text)).toEqual(['Lazarus']);
  });
});
