/**
 * Audit Z: kinds of text nobody had tried — a government joint advisory, detection content (YARA and Sigma rule names,
 * Suricata signatures, EDR alert names), an academic paper, a podcast transcript, a social-media thread, news in
 * German, French and Spanish, a Japanese report, an incident-response timeline, and company pages full of ordinary
 * words that are also threat names. Sentences written for the audit, matched with a small fixture dictionary or the
 * bundled dataset.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, compilePrefilter, createMatcher, createPrefilter, hasSecurityContext, type Match } from '../../../src/core/matcher/index';
import type { Entity } from '../../../src/core/model/entity';
import { ENTITIES, e } from './fixtures';

const described = (entity: Entity, description: string, provenance?: string[]): Entity => ({ ...entity, description, ...(provenance ? { provenance } : {}) });
const picks = (m: ReturnType<typeof createMatcher>, text: string) => m.match(text).map((x: Match) => `${x.text}=${x.entityId}`);

describe('a joint advisory that sets its ransomware apart from a namesake', () => {
  // a curated ransomware with its "X Ransomware" name, and a feed's unrelated Android banking trojan of the same name
  const m = createMatcher(
    compileDictionary(
      [
        described(e('gorgo', 'ransomware', 'Gorgonite', ['Gorgonite Ransomware']), 'A ransomware-as-a-service operation with a leak blog.', ['bundled']),
        described(e('gorgo-android', 'malware', 'Gorgonite (Android)'), 'Per a vendor, an Android banking trojan that overlays the apps of banks.'),
      ],
      { version: 'audit-z-1' },
    ),
  );
  const ADVISORY =
    'Joint advisory: this report lists Gorgonite ransomware indicators and TTPs seen in phishing and exploitation. ' +
    'It is not related to the Gorgonite Android banking trojan. Gorgonite affiliates buy access from brokers, and ' +
    'Gorgonite actors then run the encryptor.';
  it('its later bare mentions stay the ransomware, not the namesake it was set apart from', () => {
    // (the kind word is no part of the highlight since session 25: ransomware-tails.ts)
    expect(picks(m, ADVISORY)).toEqual(['Gorgonite=gorgo', 'Gorgonite=gorgo-android', 'Gorgonite=gorgo', 'Gorgonite=gorgo']);
  });
  it('a text whose words chose only the namesake still reads its later mentions as it (audit U)', () => {
    expect(picks(m, 'Threat report on malware and phishing: the Gorgonite Android banking trojan is back, and Gorgonite now reads one-time codes.')).toEqual([
      'Gorgonite=gorgo-android',
      'Gorgonite=gorgo-android',
    ]);
  });
});

describe('detection content: EDR alert names and YARA rule names', () => {
  const m = createMatcher(
    compileDictionary(
      [
        e('royal', 'ransomware', 'Royal', [{ name: 'Royal', ambiguous: true }]),
        e('blackbasta', 'ransomware', 'Black Basta', ['BlackBasta']),
        e('qakbot', 'malware', 'QakBot', ['Qakbot']),
        e('emotet', 'malware', 'Emotet'),
        e('akira', 'ransomware', 'Akira', [{ name: 'Akira', ambiguous: true }]),
        e('lumma', 'malware', 'Lumma Stealer'),
      ],
      { version: 'audit-z-2' },
    ),
  );
  const SEC = 'Alerts triaged this week on the ransomware and malware watch list. ';
  it('the family of a detection name in Microsoft\'s scheme, before its variant ("Ransom:Win64/BlackBasta.A")', () => {
    expect(picks(m, SEC + 'Ransom:Win64/BlackBasta.A blocked by tamper protection; Trojan:Win32/Qakbot.RK!MTB quarantined.')).toEqual(['BlackBasta=blackbasta', 'Qakbot=qakbot']);
  });
  it('its type is a cue: "Ransom:Win32/Royal.A" is the ransomware, on an alert line with no security words', () => {
    expect(picks(m, '04:05 SOC alert "Ransom:Win32/Royal.A" on 112 hosts; network isolated.')).toEqual(['Royal=royal']);
  });
  it('a dotted file or host name is still no name ("emotet.dll", "Royal.Mail/app", "Emotet.A" without a detection type)', () => {
    expect(picks(m, SEC + 'The loader wrote Emotet.dll and fetched Royal.Mail/app from a share; see notes/Emotet.A for details.')).toEqual([]);
  });
  it('a YARA rule name read word by word ("Win_Trojan_Emotet_2", "Ransom_Win64_Akira_Encryptor")', () => {
    expect(picks(m, SEC + 'rule Win_Trojan_Emotet_2 {\nrule MAL_Lumma_Stealer_Mar25\nrule Ransom_Win64_Akira_Encryptor')).toEqual([
      'Emotet=emotet',
      'Lumma_Stealer=lumma',
      'Akira=akira',
    ]);
  });
  it('the prefilter the content script asks first lets such a text through (mayMatch false means no match)', () => {
    const dict = compileDictionary([e('emotet', 'malware', 'Emotet')], { version: 'audit-z-2p' });
    const prefilter = createPrefilter(compilePrefilter(dict));
    expect(prefilter.mayMatch('rule Win_Trojan_Emotet_2 {')).toBe(true);
    expect(createMatcher(dict).match('rule Win_Trojan_Emotet_2 {').map((x) => x.text)).toEqual(['Emotet']);
    expect(prefilter.mayMatch('const Emotet_Loader_v2 = 1;')).toBe(false);
  });
  it('other identifiers with underscores stay whole ("Lazarus_Loader", "emotet_config_v2", "my_Emotet_check")', () => {
    expect(picks(m, SEC + 'The script calls load_Emotet_config and Emotet_Loader_v2, and my_Emotet_check reads them.')).toEqual([]);
  });
});

describe('what an ordinary thing is called, and the language a threat is written in', () => {
  const bundled = createMatcher(compileDictionary(bundledDataset().entities, { version: 'audit-z-3' }));
  const SEC = 'Our analysts track ransomware crews, phishing kits and the malware they deploy, from backdoors to infostealers. ';
  it.each([
    ["lol my company's phishing awareness training is literally a cartoon snake named Sandworm"],
    ['Our office cat, called Medusa by the interns, sleeps next to the ransomware tabletop binder.'],
    ['The winner of the phishing quiz gets a plush horse named Royal.'],
  ])('no threat in "%s"', (sentence) => {
    expect(picks(bundled, SEC + sentence)).toEqual([]);
  });
  it('a threat noun before "named", or a cue after the name, still names the threat', () => {
    expect(picks(bundled, SEC + 'Researchers described a GRU unit named Sandworm that targeted the grid.')).toEqual(['Sandworm=sandworm']);
    expect(picks(bundled, SEC + 'In 2022 a new ransomware called Royal appeared.')).toEqual(['Royal=royal']);
    expect(picks(bundled, SEC + 'The unit was later called Sandworm, and Microsoft now calls it Seashell Blizzard.')).toContain('Sandworm=sandworm');
    expect(picks(bundled, SEC + 'The new crew, which Mandiant named Royal, encrypted the hospital.')).toEqual(['Royal=royal']);
    expect(picks(bundled, SEC + 'The intruders left an archive with a file named Royal ransomware in it.')).toEqual(['Royal=royal']);
  });
  const m = createMatcher(compileDictionary([e('py', 'ransomware', 'Python'), e('ferret', 'malware', 'InvisibleFerret')], { version: 'audit-z-4' }));
  it.each([
    ['BeaverTail pulls down InvisibleFerret, which is the Python backdoor.'],
    ['The crew moved to a Python-based loader and a Python stealer this year.'],
  ])('"%s" names a language, not the ransomware Python', (sentence) => {
    expect(picks(m, SEC + sentence).filter((p) => p.startsWith('Python'))).toEqual([]);
  });
  it('the ransomware Python with its own kind word after it stays', () => {
    expect(picks(m, SEC + 'Files on the share were encrypted by Python ransomware.')).toEqual(['Python=py']);
  });
});

describe('a company page with a ransomware-risk paragraph: product names after "the"', () => {
  const bundled = createMatcher(compileDictionary(bundledDataset().entities, { version: 'audit-z-5' }));
  const RISK = 'Risks: ransomware and phishing remain material risks; our security team ran a ransomware tabletop exercise. ';
  it.each([
    ['Equation', 'We expect the Equation pricing engine to ship in Q4.'],
    ['Hive', 'Growth came from the Hive analytics add-on, the fastest-selling module.'],
    ['Conti', 'Customers praised the redesign of our Conti billing dashboard.'],
  ])('%s in "%s"', (name, sentence) => {
    expect(picks(bundled, RISK + sentence).filter((p) => p.startsWith(`${name}=`))).toEqual([]);
  });
  it('a compound about the threat, or a verb after the name, stays', () => {
    expect(picks(bundled, RISK + 'Analysts tied the Equation implants hidden in hard drive firmware to the group.')).toEqual(['Equation=equation-group']);
    expect(picks(bundled, RISK + 'Analysts described the Lazarus watering hole campaign against Polish banks.')).toEqual(['Lazarus=lazarus-group']);
    expect(picks(bundled, RISK + 'Analysts said that Hive encrypts hospital servers.')).toEqual(['Hive=hive']);
  });
});

describe('an academic paper on ransomware: cited authors whose surnames are threat names', () => {
  // Conti and Storm as a feed lists them (not flagged), Black Basta
  const bundled = createMatcher(compileDictionary([e('conti', 'ransomware', 'Conti'), e('storm', 'ransomware', 'Storm'), e('black-basta', 'ransomware', 'Black Basta')], { version: 'audit-z-6' }));
  const PAPER = 'Ransomware detection has been studied from several angles, from file system monitoring to phishing lures. ';
  it('"Conti et al. [7]" and "M. Conti, A. Gangwal" in the references are people', () => {
    expect(picks(bundled, PAPER + 'Kharraz et al. [14] monitored file activity, while Conti et al. [7] surveyed machine learning approaches.')).toEqual([]);
    expect(picks(bundled, PAPER + 'The ransomware families are listed in Table 2.\n\nReferences\n[7] M. Conti, A. Gangwal and S. Ruj. On the economic significance of ransomware campaigns. 2018.\n[18] J. Lazarus and P. Storm. Counting the cost of recovery. 2021.')).toEqual([]);
  });
  it('the ransomware named in the same paper stays', () => {
    expect(picks(bundled, PAPER + 'They observed that the notes of Conti and Black Basta share templates, as the Conti group split in 2022.')).toEqual([
      'Conti=conti',
      'Black Basta=black-basta',
      'Conti=conti',
    ]);
  });
});

describe('a podcast transcript: a name after a word that opens a spoken sentence', () => {
  const bundled = createMatcher(compileDictionary(bundledDataset().entities, { version: 'audit-z-7' }));
  const SHOW = 'HOST: Welcome back. This week: ransomware, phishing lures and a new backdoor.\n\n';
  it('"So Lazarus, right, they are back" and "But Sandworm…" name the actors', () => {
    expect(picks(bundled, SHOW + 'GUEST: Yeah. So Lazarus, right, they are back at it with the fake job offers.')).toEqual(['Lazarus=lazarus-group']);
    expect(picks(bundled, SHOW + 'GUEST: But Sandworm, honestly, is the one that keeps me up at night.')).toEqual(['Sandworm=sandworm']);
  });
  it('not in a Title Case line, nor a word of another name after the opener', () => {
    expect(picks(bundled, SHOW + '## And Then Lazarus Came Back\n\nGUEST: Right.')).toEqual([]);
    expect(picks(bundled, SHOW + 'GUEST: And Royal Mail, they got hit too, right?')).toEqual([]);
  });
});

describe('news in French: a town whose name opens with a threat name', () => {
  const bundled = createMatcher(compileDictionary(bundledDataset().entities, { version: 'audit-z-8' }));
  it('"Royal-sur-Mer" is a town; "le rançongiciel Royal" and "Royal-encrypted files" stay', () => {
    expect(picks(bundled, 'Par ailleurs, le rançongiciel Royal, devenu BlackSuit, frappe des collectivités. Le maire de Royal-sur-Mer a indiqué que sa commune n\'avait pas été touchée.')).toEqual([
      'Royal=royal',
      'BlackSuit=blacksuit',
    ]);
    expect(picks(bundled, 'The ransomware crew left Royal-encrypted files and a ransom note on every host.')).toEqual(['Royal=royal']);
  });
});

describe('a Japanese alert: security terms glued to Latin names, and names after Japanese text', () => {
  const m = createMatcher(compileDictionary(ENTITIES, { version: 'audit-z-9' }));
  const ALERT = '注意喚起：マルウェアEmotetの感染に繋がるメールを確認しました。ランサムウェアLockBitの後継とされるグループや、APT攻撃グループBlackTechにも注意が必要です。';
  it('"マルウェアEmotet", "ランサムウェアLockBit" count as security words', () => {
    expect(hasSecurityContext(ALERT)).toBe(true);
  });
  it('a flagged name right after Japanese words is inside the sentence ("…事例や、Lazarusが…")', () => {
    expect(picks(m, ALERT + 'また、偽の求人で開発者を狙う事例や、Lazarusが暗号資産交換業者を狙う事例も報告されています。')).toEqual(['Emotet=emotet', 'Lazarus=lazarus']);
  });
  it('not after a Japanese full stop, nor on a page without security words', () => {
    expect(picks(m, ALERT + '。Silenceは').filter((p) => p.startsWith('Silence'))).toEqual([]);
    expect(picks(m, 'この曲のタイトルはSilenceで、ジャケットはCobaltブルーの写真だった。')).toEqual([]);
  });
});

describe('release notes of a security product: its own products named in an appositive', () => {
  const bundled = createMatcher(compileDictionary(bundledDataset().entities, { version: 'audit-z-10' }));
  const NOTES = 'Detection: a new rule for Akira ransomware on ESXi; fewer false positives for backup agents flagged as malware. ';
  it.each([
    ['Medusa', 'Integrations: a new connector for Medusa, the log pipeline from our partner.'],
    ['Cobalt', 'We expect to ship with Cobalt, our new design system, in Q4.'],
    ['Turla', 'Renamed: Turla, our internal test harness, is now called Harness.'],
  ])('%s in "%s"', (name, sentence) => {
    expect(picks(bundled, NOTES + sentence).filter((p) => p.startsWith(`${name}=`))).toEqual([]);
  });
  it('an appositive about a threat, or one whose head is no product, keeps the name', () => {
    expect(picks(bundled, NOTES + 'Analysts linked it to Turla, the Russian espionage group.').filter((p) => p.startsWith('Turla'))).toEqual(['Turla=turla']);
    expect(picks(bundled, NOTES + 'The loader came from Cobalt, a financially motivated crew.').filter((p) => p.startsWith('Cobalt'))).toEqual(['Cobalt=cobalt-group']);
    expect(picks(bundled, NOTES + 'The leak came from Medusa, the ransomware platform of an extortion crew.').filter((p) => p.startsWith('Medusa'))).toEqual(['Medusa=medusa']);
  });
});

describe('a joint advisory citing ATT&CK identifiers', () => {
  const m = createMatcher(compileDictionary(ENTITIES, { version: 'audit-z-11' }));
  const SEC = 'Advisory: PRC state-sponsored threat actors, malware and phishing against critical infrastructure. ';
  it('"the group tracked as G1017", "the threat actor G0032", tactic TA0001 are catalogue numbers, not new actors', () => {
    expect(picks(m, SEC + 'Industry reporting links it to the group tracked as G1017 in MITRE ATT&CK. The threat actor G0032 is listed there too, and the threat actor TA0001 is a tactic.')).toEqual([]);
  });
  it('naming schemes that look alike still name possible actors ("the threat actor TA4903", "UNC3236")', () => {
    expect(picks(m, SEC + 'The threat actor TA4903 spoofed agencies, and a cluster tracked as UNC3236 scanned routers.')).toEqual(['TA4903=null', 'UNC3236=null']);
  });
});

describe("a security vendor's company news: people whose surnames are threat names", () => {
  const bundled = createMatcher(compileDictionary(bundledDataset().entities, { version: 'audit-z-12' }));
  const NEWS = 'Our threat intelligence team published research on ransomware, phishing and Lazarus Group malware this month. ';
  it('"Dr. Lazarus", "Mr. Conti" and "Lazarus, 42," are people', () => {
    expect(picks(bundled, NEWS + 'We welcome Dr. Lazarus as head of research, and Mr. Conti joins the incident response practice.')).toEqual(['Lazarus Group=lazarus-group']);
    expect(picks(bundled, NEWS + 'Thanks to everyone who ran, and to Lazarus, 42, from accounts, who finished the marathon.')).toEqual(['Lazarus Group=lazarus-group']);
  });
  it('the threat written without a title stays ("…linked to Lazarus, which stole…")', () => {
    expect(picks(bundled, NEWS + 'The heist was linked to Lazarus, which stole 41 million dollars.')).toEqual(['Lazarus Group=lazarus-group', 'Lazarus=lazarus-group']);
  });
});

describe('a company named after a threat ("researchers at Gorgonite Labs")', () => {
  const m = createMatcher(compileDictionary([e('gorgo', 'ransomware', 'Gorgonite'), e('tessel', 'actor', 'Tesselate Group', ['Tesselate'])], { version: 'audit-z-company' }));
  const SEC = 'Threat report: malware, ransomware, phishing and exploits seen this week. ';
  it('is not the threat, whatever word ends the company name', () => {
    expect(picks(m, `${SEC}Researchers at Gorgonite Labs found the loader.`)).toEqual([]);
    expect(picks(m, `${SEC}Gorgonite Technologies and Tesselate Holdings said their backups were safe.`)).toEqual([]);
  });
  it('while the threat next to a lower-case word, a comma or its own longer name stays', () => {
    expect(picks(m, `${SEC}Gorgonite labs were hit, Gorgonite, Labs said, and the Tesselate Group too.`)).toEqual(['Gorgonite=gorgo', 'Gorgonite=gorgo', 'Tesselate Group=tessel']);
  });
});
