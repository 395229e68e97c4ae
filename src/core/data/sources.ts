/**
 * Sources cited by the bundled links. Facts only: title, publisher, author, date and address as published.
 * A field is left out when it could not be checked, never guessed.
 */
import type { Source } from '../model/link';

export const SOURCES = {
  darkReadingLazarusRussian2020: {
    title: 'Likely Links Emerge Between Lazarus Group and Russian-Speaking Cybercriminals',
    publisher: 'Dark Reading',
    date: '2020-09-16',
    url: 'https://www.darkreading.com/threat-intelligence/likely-links-emerge-between-lazarus-group-and-russian-speaking-cybercriminals-/d/d-id/1338938',
    reliability: 'B',
    basedOn: 'Intel 471',
  },
  scMediaNorthKoreaRussian2020: {
    title: 'New report details how North Korean and Russian cybercriminals are cooperating',
    publisher: 'SC Media',
    url: 'https://www.scworld.com/news/new-report-details-how-north-korean-and-russian-cybercriminals-are-cooperating',
    reliability: 'B',
    basedOn: 'Intel 471',
  },
  databreachesPartnersInCrime2020: {
    title: 'Partners in crime: North Koreans and elite Russian-speaking cybercriminals',
    publisher: 'DataBreaches.net',
    author: 'Mark Arena (Intel 471), excerpted',
    date: '2020-09-17',
    url: 'https://databreaches.net/2020/09/17/partners-in-crime-north-koreans-and-elite-russian-speaking-cybercriminals',
    reliability: 'B',
    basedOn: 'Intel 471',
  },
  norfolkDprkTa505Overlap2019: {
    title: 'OSINT Reporting Regarding DPRK and TA505 Overlap',
    publisher: 'One Night in Norfolk',
    date: '2019-04-10',
    url: 'https://norfolkinfosec.com/osint-reporting-on-dprk-and-ta505-overlap/',
    reliability: 'C',
  },
  // ── Government advisories, sanctions and indictments ──────────────────────────────────────────
  treasuryNorthKoreaGroups2019: {
    title: 'Treasury Sanctions North Korean State-Sponsored Malicious Cyber Groups',
    publisher: 'US Department of the Treasury',
    date: '2019-09-13',
    url: 'https://home.treasury.gov/news/press-releases/sm774',
    reliability: 'A',
  },
  treasuryEvilCorp2019: {
    title: 'Treasury Sanctions Evil Corp, the Russia-Based Cybercriminal Group Behind Dridex Malware',
    publisher: 'US Department of the Treasury',
    date: '2019-12-05',
    url: 'https://home.treasury.gov/news/press-releases/sm845',
    reliability: 'A',
  },
  cisaFastCash2020: {
    title: "FASTCash 2.0: North Korea's BeagleBoyz Robbing Banks (AA20-239A)",
    publisher: 'CISA',
    date: '2020-08-26',
    url: 'https://www.cisa.gov/news-events/cybersecurity-advisories/aa20-239a',
    reliability: 'A',
  },
  dojSandwormIndictment2020: {
    title: 'Six Russian GRU Officers Charged in Connection with Worldwide Deployment of Destructive Malware and Other Disruptive Actions in Cyberspace',
    publisher: 'US Department of Justice',
    date: '2020-10-19',
    url: 'https://www.justice.gov/opa/pr/six-russian-gru-officers-charged-connection-worldwide-deployment-destructive-malware-and',
    reliability: 'A',
  },
  cisaConti2021: {
    title: 'Conti Ransomware (AA21-265A)',
    publisher: 'CISA',
    date: '2021-09-22',
    url: 'https://www.cisa.gov/news-events/cybersecurity-advisories/aa21-265a',
    reliability: 'A',
  },
  cisaRussianThreats2022: {
    title: 'Russian State-Sponsored and Criminal Cyber Threats to Critical Infrastructure (AA22-110A)',
    publisher: 'CISA',
    date: '2022-04-20',
    url: 'https://www.cisa.gov/news-events/cybersecurity-advisories/aa22-110a',
    reliability: 'A',
  },
  cisaSnake2023: {
    title: 'Hunting Russian Intelligence "Snake" Malware (AA23-129A)',
    publisher: 'CISA',
    date: '2023-05-09',
    url: 'https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-129a',
    reliability: 'A',
  },
  cisaClopMoveit2023: {
    title: '#StopRansomware: CL0P Ransomware Gang Exploits CVE-2023-34362 MOVEit Vulnerability (AA23-158A)',
    publisher: 'CISA',
    date: '2023-06-07',
    url: 'https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-158a',
    reliability: 'A',
  },
  cisaLockBit2023: {
    title: 'Understanding Ransomware Threat Actors: LockBit (AA23-165A)',
    publisher: 'CISA',
    date: '2023-06-14',
    url: 'https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-165a',
    reliability: 'A',
  },
  cisaScatteredSpider2023: {
    title: 'Scattered Spider (AA23-320A)',
    publisher: 'CISA',
    date: '2023-11-16',
    url: 'https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-320a',
    reliability: 'A',
  },
  cisaBlackSuitRoyal: {
    title: '#StopRansomware: BlackSuit (Royal) Ransomware (AA23-061A, updated)',
    publisher: 'CISA',
    url: 'https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-061a',
    reliability: 'A',
  },
  dojQakbot2023: {
    title: 'Qakbot Malware Disrupted in International Cyber Takedown',
    publisher: 'US Department of Justice',
    date: '2023-08-29',
    url: 'https://www.justice.gov/opa/pr/qakbot-malware-disrupted-international-cyber-takedown',
    reliability: 'A',
  },

  // ── Vendor research and press ─────────────────────────────────────────────────────────────────
  googleTagExoticLily2022: {
    title: 'Exposing initial access broker with ties to Conti',
    publisher: 'Google Threat Analysis Group',
    date: '2022-03-17',
    url: 'https://blog.google/threat-analysis-group/exposing-initial-access-broker-ties-conti/',
    reliability: 'B',
  },
  occrpQakbot2023: {
    title: 'Infamous Malware Dismantled in a US-Led Multinational Action',
    publisher: 'OCCRP',
    url: 'https://occrp.org/en/news/infamous-malware-dismantled-in-a-us-led-multinational-action',
    reliability: 'B',
  },
  scMediaSandwormIndictment2020: {
    title: 'US indicts six Russian officers for NotPetya, Ukrainian blackouts, other attacks',
    publisher: 'SC Media',
    url: 'https://www.scmagazine.com/news/u-s-indicts-six-russian-officers-for-notpetya-ukrainian-blackouts-other-attacks',
    reliability: 'B',
  },
  scMediaBlackCatBlackMatter2022: {
    title: 'BlackCat confirms BlackMatter roots, but makes an ask of the researcher community',
    publisher: 'SC Media',
    url: 'https://www.scmagazine.com/analysis/blackcat-confirms-blackmatter-roots-but-makes-an-ask-of-the-researcher-community',
    reliability: 'B',
  },
  talosBlackMatterBlackCat2022: {
    title: 'From BlackMatter to BlackCat: Analyzing two attacks from one affiliate (Cisco Talos, reposted)',
    publisher: 'Cybersecurity Review',
    url: 'https://www.cybersecurity-review.com/from-blackmatter-to-blackcat-analyzing-two-attacks-from-one-affiliate/',
    reliability: 'C',
  },
  computerWeeklyGandCrabRevil2019: {
    title: 'GandCrab ransomware writers still active despite ‘retirement’',
    publisher: 'Computer Weekly',
    url: 'https://www.computerweekly.com/news/252471194/GandCrab-ransomware-writers-still-active-despite-retirement',
    reliability: 'B',
  },
  cyberInsiderRoyalBlackSuit2024: {
    title: 'CISA warns that Royal ransomware has rebranded as BlackSuit',
    publisher: 'CyberInsider',
    url: 'https://cyberinsider.com/cisa-warns-that-royal-ransomware-has-rebranded-as-blacksuit',
    reliability: 'C',
  },
  cybersecurityBoardEvilCorpLockBit2024: {
    title: 'More Evil Corp actors exposed, including LockBit affiliate',
    publisher: 'Cybersecurity Board',
    url: 'https://cybersecurityboard.com/more-evil-corp-actors-exposed-including-lockbit-affiliate',
    reliability: 'C',
  },
  darktraceEmotet2022: {
    title: 'Emotet Resurgence: Cross-Industry Analysis',
    publisher: 'Darktrace',
    date: '2022-08-22',
    url: 'https://darktrace.com/blog/emotet-resurgence-cross-industry-campaign-analysis',
    reliability: 'C',
  },

  // ── MITRE ATT&CK group pages (software lists of each group) ───────────────────────────────────
  attackG0007: attackGroup('APT28', 'G0007'),
  attackG0016: attackGroup('APT29', 'G0016'),
  attackG0034: attackGroup('Sandworm Team', 'G0034'),
  attackG0010: attackGroup('Turla', 'G0010'),
  attackG0035: attackGroup('Dragonfly', 'G0035'),
  attackG0088: attackGroup('TEMP.Veles', 'G0088'),
  attackG0096: attackGroup('APT41', 'G0096'),
  attackG0045: attackGroup('menuPass', 'G0045'),
  attackG0129: attackGroup('Mustang Panda', 'G0129'),
  attackG0125: attackGroup('HAFNIUM', 'G0125'),
  attackG0094: attackGroup('Kimsuky', 'G0094'),
  attackG0067: attackGroup('APT37', 'G0067'),
  attackG0032: attackGroup('Lazarus Group', 'G0032'),
  attackG0049: attackGroup('OilRig', 'G0049'),
  attackG0069: attackGroup('MuddyWater', 'G0069'),
  attackG0119: attackGroup('Indrik Spider', 'G0119'),
  attackG0102: attackGroup('Wizard Spider', 'G0102'),
  attackG0092: attackGroup('TA505', 'G0092'),
  attackG0046: attackGroup('FIN7', 'G0046'),
  attackG0008: attackGroup('Carbanak', 'G0008'),
  attackG0080: attackGroup('Cobalt Group', 'G0080'),
  attackG0037: attackGroup('FIN6', 'G0037'),
  attackG0127: attackGroup('TA551', 'G0127'),
} satisfies Record<string, Source>;

/** A MITRE ATT&CK group page: stable address, lists the software ATT&CK associates with the group. */
function attackGroup(name: string, id: string): Source {
  return { title: `${name}, Group ${id}`, publisher: 'MITRE ATT&CK', url: `https://attack.mitre.org/groups/${id}/`, reliability: 'B' };
}
