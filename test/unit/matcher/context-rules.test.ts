/**
 * Run-time context rules (audit B, findings 4, 5, 8, 9, 10): ordinary sentences get no match, security sentences
 * still do. The entities are written for these tests (not copied from a feed); names that are ordinary words are
 * flagged `ambiguous` as a curator would flag them.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/model/entity';
import { compileDictionary, compilePrefilter, createMatcher, createPrefilter, hasSecurityContext } from '../../../src/core/matcher/index';
import { e } from './fixtures';


const ENTITIES: Entity[] = [
  e('lantern', 'actor', 'Lantern Kollektiv', [{ name: 'Lantern', ambiguous: true }, 'QX-Lantern']),
  e('kestrel', 'actor', 'Kestrel', [{ name: 'Kestrel', ambiguous: true }]),
  e('phoenix', 'malware', 'Phoenix', [{ name: 'Phoenix', ambiguous: true }]),
  e('storm', 'ransomware', 'Storm', [{ name: 'Storm', ambiguous: true }]),
  e('storm-0777', 'actor', 'Storm-0777'),
  e('nitrox', 'ransomware', 'nitrox'),
  e('s-type', 'malware', 'S-Type'),
  e('quillrat', 'malware', 'QuillRAT'),
  e('windows9', 'ransomware', 'Windows9'),
  e('crew7', 'malware', 'Crew7'),
  e('hive0999', 'actor', 'Hive0999'),
];
const dict = compileDictionary(ENTITIES);
const matcher = createMatcher(dict);
const prefilter = createPrefilter(compilePrefilter(dict));
const found = (t: string) => matcher.match(t).map((m) => m.text);

/** Three distinct unambiguous security terms spread over a short paragraph. */
const SEC = 'The ransomware crew used phishing mail to plant malware on the servers. ';

describe('finding 4: an ordinary cue word alone does not confirm an ambiguous name', () => {
  it('team, family, group, campaign, attack, sample on a page without security vocabulary', () => {
    const sport =
      'The Lantern team beat the Titans 3-1 on Sunday. The Kestrel family has run the club since 1952. ' +
      'The Phoenix attack down the left wing was the highlight. The Kestrel campaign asked fans to keep quiet. ' +
      'The Lantern group of poets met after the game. The nitrox sample went to the lab.';
    expect(hasSecurityContext(sport)).toBe(false);
    expect(matcher.match(sport)).toEqual([]);
  });
  it('a strong cue stands on its own', () => {
    expect(found('Police said Kestrel hackers took the files.')).toEqual(['Kestrel']);
    expect(found('It was the Phoenix malware again.')).toEqual(['Phoenix']);
    expect(found('Files locked by nitrox ransomware.')).toEqual(['nitrox']);
  });
  it('an ordinary cue counts on a security page', () => {
    expect(found(SEC + 'The Lantern team behind it is new.')).toEqual(['Lantern']);
    expect(found(SEC + 'The nitrox sample was packed.')).toEqual(['nitrox']);
  });
  it('a cue of the other kind is no cue: "Phoenix team" is not the malware Phoenix', () => {
    expect(found('The Phoenix hackers won.')).toEqual([]);
  });
  it('a name the text already gave unambiguously needs no more context', () => {
    expect(found('The Lantern Kollektiv is back. Lantern wrote the notes.')).toEqual(['Lantern Kollektiv', 'Lantern']);
  });
});

describe('finding 8: page security context needs unambiguous vocabulary, dense and spread', () => {
  it('hospital and finance words are not security vocabulary', () => {
    const hospital =
      'Infections rose sharply this winter. Patients with compromised immune systems face repeat infections, and ' +
      'persistence of the virus on surfaces was the main worry. The hospital affiliates shared credentials for the ' +
      'records system; a sandbox of sterile tools was set up. Dental implants and an eye dropper were ordered. ' +
      'Nurses said the staff were attacked by the vulnerability of the ward to an intrusion of flood water; the ' +
      'attackers on the pitch exploited a gap, and the payload of the rocket was a Trojan horse of a gift. ' +
      'In a recent operation, Dr Kestrel led the team that treated Phoenix, a patient from Lantern Street.';
    expect(hasSecurityContext(hospital)).toBe(false);
    expect(matcher.match(hospital)).toEqual([]);
  });
  it('"apt" and "c2" in lower case are English and part numbers', () => {
    expect(hasSecurityContext('An apt remark, an apt choice, and an apt reply about the c2 valve and c2 seat.')).toBe(false);
  });
  it('one security sentence on a much longer page about something else is not enough', () => {
    const myth =
      'In Greek myth, Hermes carried messages, Hades ruled the underworld and Medusa turned men to stone. The Hydra ' +
      'grew two heads for each one cut off. Pegasus sprang from Medusa. Poseidon raised a storm from the deep. ' +
      'Thor and Loki fill Norse tales; Odin sacrificed an eye at the well. Osiris and Isis ruled Egypt. The Sphinx ' +
      'asked riddles at Thebes. Prometheus stole fire. Nemesis punished hubris. Kronos devoured his children. ' +
      'The festival opened with a western, followed by a thriller and a comedy, and the critics praised the ' +
      'director, said to be a fan of Kestrel, the old racing driver, and of the band Lantern. Shares rose; analysts ' +
      'expected the central bank to hold rates. In the Andes the desert is dry, and the canyon is a popular hike. ' +
      'Mercury and Venus are visible at dawn. The eagle soared over the valley. Ember Lake froze in January. ' +
      'Sidebar: ransomware, phishing and malware hit hospitals.';
    expect(hasSecurityContext(myth)).toBe(false);
    expect(matcher.match(myth)).toEqual([]);
  });
  it('a security report keeps its context, and ambiguous names inside its sentences are spotted', () => {
    const report =
      'The threat actor sent phishing mail carrying a macro. The malware then fetched a backdoor from its C2 server. ' +
      'Researchers attributed the intrusion to Kestrel, which has used ransomware before. ' +
      'Indicators of compromise are listed below.';
    expect(hasSecurityContext(report)).toBe(true);
    expect(found(report)).toEqual(['Kestrel']);
  });
  it('a security article among a web page\'s menus, teasers and comments keeps its context', () => {
    const menus = 'Home News Weather Sport Travel Culture Food Gardening Letters Puzzles Podcasts Newsletters. '.repeat(180);
    const article =
      'The threat actor sent phishing mail to finance staff in March. ' +
      'Once opened, the attachment installed a backdoor that beaconed to a server abroad every few minutes. '.repeat(2) +
      'Investigators say the same malware was seen in two earlier waves against regional banks and a utility. ' +
      'The operators later deployed ransomware on the file servers.';
    expect(menus.length).toBeGreaterThan(16_000);
    expect(hasSecurityContext(menus + article + menus.slice(0, 4000))).toBe(true);
    expect(hasSecurityContext(menus + 'Sidebar: ransomware, phishing and malware hit hospitals. ' + menus)).toBe(false);
  });
  it('a sentence or two with two distinct terms is a security text', () => {
    expect(hasSecurityContext('Microsoft said the group sent phishing mail with a backdoor to researchers.')).toBe(true);
    expect(found('Microsoft said the Kestrel group sent phishing mail with a backdoor to researchers.')).toEqual(['Kestrel']);
  });
  it('the terms count written with a hyphen too, as headings and tables write them', () => {
    expect(hasSecurityContext('Ransomware leak-site posts, Q3; the ransom-note text is below.')).toBe(true);
    expect(hasSecurityContext('Cyber-attacks and threat-hunting notes for the week.')).toBe(true);
  });
});

describe('context near the name, not only somewhere on the page', () => {
  // A project's changelog: one release fixed a backdoor found by outside researchers, the other releases are about
  // features and credit their authors.
  const credits = 'Version 3.3: thanks to Kestrel for the patch and to Maria for the tests. ';
  const features = 'Version 3.2: the parser accepts longer lines and the manual has a new index. '.repeat(10);
  const release =
    'Version 3.1 fixes CVE-2024-1234, a backdoor in the login path that malware used after phishing. The release also ' +
    'rewrites the configuration loader, drops the old build flags, moves the documentation to the new site and adds ' +
    'a test suite for the command line, which many packagers had asked for over the years. Hackers exploited the ' +
    'backdoor in the wild before the fix. ';
  it('an ordinary-word name far from every security word of a security page is not spotted', () => {
    expect(hasSecurityContext(credits + features + release)).toBe(true);
    expect(found(credits + features + release)).toEqual([]);
  });
  it('the same name inside the security passage is', () => {
    expect(found(release + 'The fix came from Kestrel within a day.')).toEqual(['Kestrel']);
  });
});

describe('a dictionary word with a number glued on', () => {
  it('is a version, written with or without the space, unless a cue says otherwise', () => {
    expect(found('Upgrade to Windows 9 and keep your files; Windows9 media are on sale.')).toEqual([]);
    expect(found(SEC + 'The update for Windows 9 also fixes the backdoor.')).toEqual([]);
    expect(found(SEC + 'The Windows9 ransomware encrypted the share.')).toEqual(['Windows9']);
  });
  it('a less common word needs what a word-like name needs', () => {
    expect(found('Crew7 won the regatta on Sunday.')).toEqual([]);
    expect(found(SEC + 'Crew7 dropped a second stage.')).toEqual(['Crew7']);
  });
  it('a designation (a zero or four digits) still matches anywhere', () => {
    expect(found('Hive0999 was seen again.')).toEqual(['Hive0999']);
  });
});

describe('security pages in other languages', () => {
  it('German, French, Spanish, Italian, Portuguese and Dutch security vocabulary gives a page its context', () => {
    for (const t of [
      'Die Hackergruppe nutzte eine neue Schadsoftware, um Banken anzugreifen.',
      'Le groupe a utilisé un logiciel malveillant et un rançongiciel contre des banques.',
      'Los ciberdelincuentes lanzaron ciberataques contra bancos.',
      'Gli attacchi informatici dei criminali informatici hanno colpito le banche.',
      'Os cibercriminosos usaram software malicioso contra bancos.',
      'De cybercriminelen zetten gijzelsoftware in bij een cyberaanval.',
    ]) expect(hasSecurityContext(t), t).toBe(true);
    expect(found('Die Hackergruppe nutzte eine neue Schadsoftware namens Phoenix, um Banken anzugreifen.')).toEqual(['Phoenix']);
  });
  it('a crew or software word before the name, as those languages write it, is a cue', () => {
    expect(found('Die nordkoreanische Hackergruppe Kestrel hat erneut zugeschlagen.')).toEqual(['Kestrel']);
    expect(found('Le rançongiciel Storm a chiffré les serveurs.')).toEqual(['Storm']);
    // "Gruppe" and "groupe" are ordinary nouns: a cue only on a security page
    expect(found('Die Gruppe Kestrel spielt heute Abend im Stadion. Le groupe Lantern chante à Paris.')).toEqual([]);
    expect(found('Laut Sicherheitsforschern nutzte die Gruppe Kestrel eine Schadsoftware bei dem Cyberangriff.')).toEqual(['Kestrel']);
  });
});

describe('finding 9: code schemes need the field\'s written form and context', () => {
  it('product codes, rooms and section numbers are not possible actors', () => {
    const shop =
      'The TA-2000 amplifier and the TA 2000 receiver are on sale. UNC 1000 beat UNC-123 by 34 to 30. Go to Room ' +
      'DEV-1234 on the second floor. Section TA 305 of the tax code applies. Product codes: TA1000, UNC500, FIN 9.';
    expect(matcher.match(shop)).toEqual([]);
  });
  it('glued and hyphenated designations on a security page are', () => {
    const ms = matcher.match(SEC + 'Proofpoint tracks TA2722, Mandiant UNC3890, Microsoft Storm-1234 and DEV-0537; also FIN13.');
    expect(ms.filter((m) => m.possible).map((m) => m.text)).toEqual(['TA2722', 'UNC3890', 'Storm-1234', 'DEV-0537', 'FIN13']);
  });
  it('after a known name in the same text, a designation needs no vocabulary', () => {
    expect(found('Analysts linked QX-Lantern to a new cluster, UNC4899.')).toEqual(['QX-Lantern', 'UNC4899']);
  });
});

describe('finding 5: a refused ordinary-word name does not hide a Storm-#### designation', () => {
  it('new Storm clusters are possible actors, the ransomware Storm is not painted', () => {
    const ms = matcher.match(SEC + 'Microsoft tracks Storm-9999 and Storm-2035, and Storm-0777 is known.');
    expect(ms.map((m) => [m.text, m.entityId, m.possible ?? false])).toEqual([
      ['Storm-9999', null, true],
      ['Storm-2035', null, true],
      ['Storm-0777', 'storm-0777', false],
    ]);
  });
  it('with possible actors off, "Storm" before a number is still not the ransomware', () => {
    expect(matcher.match(SEC + 'Microsoft tracks Storm-9999 here.', { possibleActors: false })).toEqual([]);
  });
  it('the ransomware itself is still spotted', () => {
    expect(found(SEC + 'The files were locked by Storm ransomware.')).toEqual(['Storm']);
  });
});

describe('finding 10: no name starts inside a word after an apostrophe', () => {
  it('possessives and elisions', () => {
    expect(matcher.match("The file's type is shown. The user’s type is admin.")).toEqual([]);
  });
  it('a quoted name still matches', () => {
    expect(found("They called it 'S-Type' in the report.")).toEqual(['S-Type']);
  });
});

describe('the prefilter stays exact with these rules', () => {
  it('every text above that the matcher matches passes the prefilter', () => {
    const texts = [
      SEC + 'Microsoft tracks Storm-9999 and Storm-2035.',
      'Analysts linked QX-Lantern to a new cluster, UNC4899.',
      'Police said Kestrel hackers took the files.',
      'The Lantern Kollektiv is back. Lantern wrote the notes.',
      "They called it 'S-Type' in the report.",
    ];
    for (const t of texts) {
      const ctx = hasSecurityContext(t);
      expect(matcher.match(t).length).toBeGreaterThan(0);
      expect(prefilter.mayMatch(t, { securityContext: ctx })).toBe(true);
    }
  });
});

describe('"the threat actor X" needs no other context', () => {
  it('is a possible actor on a long page whose other text says nothing of security, and the prefilter lets it through', () => {
    const notes = 'The responders kept notes on every host they rebuilt and every account they reset. '.repeat(400);
    const text = `${notes}The threat actor Brightwater came back in March. ${notes}`;
    expect(hasSecurityContext(text)).toBe(false);
    expect(matcher.match(text).filter((m) => m.possible).map((m) => m.text)).toEqual(['Brightwater']);
    expect(prefilter.mayMatch(text, { possibleActors: true, securityContext: false })).toBe(true);
  });
  it('other naming cues still need a security page', () => {
    const text = 'The new café, dubbed Brightwater by the locals, opened in March.';
    expect(matcher.match(text)).toEqual([]);
  });
});
