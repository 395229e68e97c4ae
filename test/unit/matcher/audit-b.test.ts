/**
 * Audit B2 (session 17; not the earlier audit B of ordinary texts): more kinds of text nobody had tried — Italian,
 * Portuguese, Russian, Korean and Chinese security news, a vendor's blog page with its menus and comments, a
 * ransomware leak-site tracker as an HTML table, a newsletter, a PSIRT advisory, release notes, an indictment.
 * Sentences written for the audit, matched with the bundled dataset or a small fixture dictionary standing in for the
 * feeds' entries.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, hasSecurityContext, type Match } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const picks = (m: ReturnType<typeof createMatcher>, text: string) => m.match(text).map((x: Match) => `${x.text}=${x.entityId}`);
const bundled = createMatcher(compileDictionary(bundledDataset().entities, { version: 'audit-b17-bundled' }));

describe('news in Italian and Portuguese: capitalised words next to a name', () => {
  // as the feeds list them: a malpedia family and a ransomware whose names are ordinary words
  const m = createMatcher(compileDictionary([e('phoenix', 'malware', 'Phoenix'), e('sport', 'ransomware', 'Sport'), e('lazarus', 'actor', 'Lazarus Group', [{ name: 'Lazarus', ambiguous: true }])], { version: 'audit-b17-1' }));
  const IT = "Il gruppo ransomware Akira ha rivendicato l'attacco informatico: il malware ha cifrato i server dopo una campagna di phishing, una tecnica già vista negli attacchi degli affiliati di Conti. ";
  it('a surname after a given name is a person ("il direttore generale Marco Conti")', () => {
    expect(picks(bundled, IT + '«Abbiamo isolato la rete», ha dichiarato il direttore generale Marco Conti.')).toEqual(['Akira=akira', 'Conti=conti']);
  });
  it('a name before another capitalised word is that other name ("Royal Ascot", "Phoenix Pagamentos", "Sport Club")', () => {
    expect(picks(bundled, IT + 'Leggi anche: il Palio di Siena; Royal Ascot, le previsioni del meteo.')).toEqual(['Akira=akira', 'Conti=conti']);
    const PT = 'Pesquisadores identificaram uma campanha de phishing que distribui malware bancário, com semelhanças com a atividade do grupo Lazarus. ';
    expect(picks(m, PT + 'O Sport Club Corinthians Paulista fechou patrocínio com a fintech Phoenix Pagamentos.')).toEqual(['Lazarus=lazarus']);
  });
  it('the same names with a cue or a lower-case word around them stay', () => {
    const PT = 'Pesquisadores identificaram uma campanha de phishing que distribui malware bancário. ';
    expect(picks(m, PT + 'Os operadores instalam o trojan Phoenix e o ransomware Sport em servidores.')).toEqual(['Phoenix=phoenix', 'Sport=sport']);
  });
  it('an English line needs only one of its function words to be read so ("see you at Cobalt Con in Prague")', () => {
    const NEWS = 'Ransomware and phishing this week: Qilin leads the leak-site counts and a new backdoor hit diplomats.\n';
    expect(picks(bundled, NEWS + '- Conference season: see you at Cobalt Con in Prague.')).toEqual(['Qilin=qilin']);
    expect(picks(bundled, NEWS + '- Banks in Russia were hit again by Cobalt this month.')).toContain('Cobalt=cobalt-group');
  });
});

describe("a vendor's products named after threats", () => {
  const m = createMatcher(compileDictionary([e('phoenix', 'malware', 'Phoenix'), e('hive', 'ransomware', 'Hive')], { version: 'audit-b17-2' }));
  const BLOG = 'Inside a ransomware intrusion: the crew used phishing, then a Cobalt Strike beacon and a backdoor on a jump server. ';
  it.each([
    ['Customers of Phoenix XDR were protected by the behavioural rule.'],
    ['Release 4.2 of Phoenix EDR adds a rule for the encryptor.'],
    ['Alerts can now be forwarded to Phoenix SOAR playbooks.'],
    ['Fixed: timeouts in the Hive Connector when the metastore was slow.'],
  ])('no threat in "%s"', (sentence) => {
    expect(picks(m, BLOG + sentence).filter((p) => !p.startsWith('Cobalt'))).toEqual([]);
  });
  it('a later bare mention of the product is the product; one with a cue of the threat is the threat', () => {
    const PAGE = BLOG + 'Customers of Phoenix XDR were protected by the behavioural rule.\nComments\nWe run Phoenix at two sites, it caught the encryptor.\n';
    expect(picks(m, PAGE).filter((p) => !p.startsWith('Cobalt'))).toEqual([]);
    expect(picks(m, PAGE + 'Unrelated: the Phoenix keylogger is back.').filter((p) => !p.startsWith('Cobalt'))).toEqual(['Phoenix=phoenix']);
  });
  it('the threats of those names, with their cues, stay', () => {
    expect(picks(m, BLOG + 'The actors dropped the Phoenix keylogger and later Hive ransomware.').filter((p) => !p.startsWith('Cobalt'))).toEqual(['Phoenix=phoenix', 'Hive=hive']);
  });
});

describe('an indictment: handles of the defendants', () => {
  const INDICTMENT =
    'The defendants were members of a group that distributed malware known as Dridex, a banking trojan, and later deployed ransomware.\n' +
    'VIKTOR PETRENKO,\n  a/k/a "Royal,"\nDefendant PETRENKO, using the online moniker "Royal," administered servers. ';
  it('a moniker or an a/k/a in quotes is a person\'s handle, not the ransomware', () => {
    expect(picks(bundled, INDICTMENT).filter((p) => p.startsWith('Royal'))).toEqual([]);
    expect(picks(bundled, 'Ransomware and phishing news. The crew member known by the nickname Medusa was arrested.').filter((p) => p.startsWith('Medusa'))).toEqual([]);
  });
  it('the ransomware named in the same document stays, and "handle" as a verb names no handle', () => {
    expect(picks(bundled, INDICTMENT + 'Co-conspirators later deployed the Royal ransomware against a hospital.').filter((p) => p.startsWith('Royal'))).toEqual(['Royal=royal']);
    expect(picks(bundled, INDICTMENT + 'This guide explains how analysts handle Akira intrusions.').filter((p) => p.startsWith('Akira'))).toEqual(['Akira=akira']);
  });
});

describe('Chinese and Korean: crew and software words glued after a name', () => {
  // a feed lists Winnti as a malware and as a group
  const m = createMatcher(compileDictionary([e('winnti-malware', 'malware', 'Winnti'), e('winnti-group', 'actor', 'Winnti Group', ['Winnti']), e('plugx', 'malware', 'PlugX'), e('lazarus', 'actor', 'Lazarus Group', [{ name: 'Lazarus', ambiguous: true }]), e('lazarus-malware', 'malware', 'Lazarus')], { version: 'audit-b17-3' }));
  it('"Winnti组织" and "（Winnti）组织" are the group, "Winnti木马" the malware', () => {
    const ZH = '安全厂商披露，攻击者通过钓鱼邮件投递恶意软件。';
    expect(picks(m, ZH + '该活动与此前披露的Winnti组织存在基础设施重叠。')).toEqual(['Winnti=winnti-group']);
    expect(picks(m, ZH + '研究人员发现，某（Winnti）组织近期也在活动。')).toEqual(['Winnti=winnti-group']);
    expect(picks(m, ZH + '随后投放Winnti木马和PlugX。')).toEqual(['Winnti=winnti-malware', 'PlugX=plugx']);
  });
  it('"Lazarus 그룹" is the group', () => {
    expect(picks(m, '북한 해킹조직의 공격이 이어지고 있다. 보안업체에 따르면 악성코드를 유포한 Lazarus 그룹이 최근 공격을 이어가고 있다.')).toEqual(['Lazarus=lazarus']);
  });
});

describe("a work's title after the noun for its kind", () => {
  const m = createMatcher(compileDictionary([e('phoenix', 'malware', 'Phoenix'), e('lazarus', 'actor', 'Lazarus Group', [{ name: 'Lazarus', ambiguous: true }])], { version: 'audit-b17-4' }));
  const SEC = '북한 해킹조직이 악성코드를 유포했다. Analysts track ransomware, phishing and the malware crews deploy. ';
  it.each([["한편 가수의 새 앨범 'Phoenix'는 차트 1위를 차지했다."], ['Bowie wrote the song "Lazarus" weeks before his death.'], ['The album Phoenix came out on Friday.']])('no threat in "%s"', (sentence) => {
    expect(picks(m, SEC + sentence)).toEqual([]);
  });
  it('a quoted title and its author ("Music: \'Phoenix\' by The Quiet Rooms"); not a name someone gave a threat', () => {
    expect(picks(m, SEC + 'Music: "Phoenix" by The Quiet Rooms. Our sponsor makes backup software.')).toEqual([]);
    expect(picks(m, SEC + 'The crew, dubbed "Lazarus" by Kaspersky, stole from banks.')).toEqual(['Lazarus=lazarus']);
  });
  it('a verb or an adjective before the name is no work ("analysts track Lazarus", "a novel Phoenix loader")', () => {
    expect(picks(m, SEC + 'Analysts track Lazarus and found a novel Phoenix loader.')).toEqual(['Lazarus=lazarus', 'Phoenix=phoenix']);
  });
});

describe('a leak-site tracker served as an HTML table (one cell per line)', () => {
  const header = ['Rank', 'Group', 'Victims (7d)', 'Victims (YTD)', 'Top sector', 'Top country'];
  const rows = [
    ['1', 'Qilin', '41', '388', 'Manufacturing', 'US'],
    ['2', 'Akira', '37', '352', 'Construction', 'US'],
    ['3', 'Play', '22', '201', 'Retail', 'US'],
    ['4', 'Medusa', '11', '97', 'Government', 'US'],
  ];
  const TRACKER = 'Ransomware leak site tracker\nPosts on extortion leak sites collected this week. Counts are victims listed, not confirmed attacks.\n' + [header, ...rows].map((r) => r.join('\n')).join('\n');
  it('its ordinary-word names under "Group" are spotted with the bundled data alone', () => {
    expect(picks(bundled, TRACKER)).toEqual(['Qilin=qilin', 'Akira=akira', 'Play=play', 'Medusa=medusa']);
  });
  it('one such name under a kind word in a menu is not ("Ransomware" then a video\'s "Play")', () => {
    const MENU = 'Ransomware leak sites and phishing kits: our threat intelligence team reports weekly on malware and backdoors.\nNews\nRansomware\nPodcast\nPlay\nSubscribe\n';
    expect(picks(bundled, MENU)).toEqual([]);
  });
});

describe('Russian security vocabulary', () => {
  it('a Russian report has security context, Russian sports news does not', () => {
    expect(hasSecurityContext('Хакерская группировка использовала вредоносное ПО и фишинговые письма; затем шифровальщик зашифровал серверы.')).toBe(true);
    expect(hasSecurityContext('Футбольный клуб подписал контракт с полузащитником, а в театре прошла премьера балета «Медуза».')).toBe(false);
    expect(hasSecurityContext('Антифишинговый фильтр почты включён по умолчанию, как и антихакерская защита.')).toBe(false);
  });
});

describe("a vendor's blog page: the same two words again where no prose tells", () => {
  const PAGE =
    'Inside a BlackSuit intrusion\nBy Dana Whitfield and Luca Royal, threat research\n' +
    'The ransom note matched BlackSuit, the rebrand of the Royal ransomware operation; the crew used phishing and a backdoor.\n' +
    'Comments\nLuca Royal\n@jmarlow some overlap in tooling, nothing we could tie to another group.\n';
  it('the byline\'s "Luca Royal" makes the comment author "Luca Royal" a person too; "the Royal ransomware" stays', () => {
    expect(picks(bundled, PAGE).filter((p) => p.startsWith('Royal'))).toEqual(['Royal=royal']);
  });
  it('without the byline, the author line alone is read as before (a line of two words says nothing)', () => {
    expect(picks(bundled, PAGE.replace('By Dana Whitfield and Luca Royal, threat research', 'By Dana Whitfield')).filter((p) => p.startsWith('Royal'))).toEqual(['Royal=royal', 'Royal=royal']);
  });
});

describe('release notes: a quoted product label after "the"', () => {
  const NOTES = 'Detection: a new rule for ransomware on ESXi; fewer false positives for backup agents flagged as malware.\n';
  it('\'the "Medusa" connector settings page\' is a label; \'the "Medusa" leak site\' is the ransomware\'s', () => {
    expect(picks(bundled, NOTES + '- Fixed a typo in the "Medusa" connector settings page.')).toEqual([]);
    expect(picks(bundled, NOTES + '- Analysts watch the "Medusa" leak site for new victims.')).toEqual(['Medusa=medusa']);
  });
});

describe('a disambiguation page that also lists the group', () => {
  const PAGE =
    'Lazarus may refer to:\n- Emma Lazarus (1849–1887), American poet\n- Lazarus (musical), a 2015 stage musical\n- "Lazarus" (song), a 2016 song\n' +
    '- Lazarus (software), a free IDE for Free Pascal\n- Lazarus Group, a hacking group believed to be linked to North Korea\n';
  it('the namesakes told apart by a bracket stay words; the group is spotted', () => {
    expect(picks(bundled, PAGE)).toEqual(['Lazarus Group=lazarus-group']);
  });
  it('a bracket with a threat\'s kind, an abbreviation, an activity period or a sector is no namesake', () => {
    const SEC = 'Ransomware and phishing round-up: leak sites, backdoors and the malware of the week.\n';
    expect(picks(bundled, SEC + 'Groups such as Conti (2020–2022) and Royal (ransomware) posted victims; Akira (manufacturing) too.')).toEqual(['Conti=conti', 'Royal=royal', 'Akira=akira']);
  });
});

describe('a job posting and an agenda of a security company', () => {
  const JOB = 'Senior Threat Intelligence Analyst (Hybrid — Phoenix, AZ)\nTrack threat actors such as APT29 and ransomware like Akira; write detections for malware and phishing kits.\n';
  it('"Phoenix, AZ" is the city', () => {
    const m = createMatcher(compileDictionary([e('phoenix', 'malware', 'Phoenix'), e('apt29', 'actor', 'APT29')], { version: 'audit-b17-5' }));
    expect(picks(m, JOB)).toEqual(['APT29=apt29']);
    expect(picks(m, JOB + 'Our office is in Medusa, Texas, and we ship the Phoenix malware samples to the lab.')).toEqual(['APT29=apt29', 'Phoenix=phoenix']);
  });
  it('"Venue: Hotel Royal" on a line without function words is the hotel', () => {
    const AGENDA = 'Summit agenda: ransomware economics, phishing kits and backdoors.\n11:45 Talk: the long road from Royal to BlackSuit\n';
    expect(picks(bundled, AGENDA + 'Venue: Hotel Royal, second floor\n').filter((p) => p.startsWith('Royal'))).toEqual(['Royal=royal']);
  });
});
