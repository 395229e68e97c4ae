/** The entities of the demo article: a North Korean state group and the Russian-speaking crews it is linked to. */
import type { BundledEntity } from './bundled-types';

export const CORE_ENTITIES: BundledEntity[] = [
  {
    id: 'lazarus-group',
    kind: 'actor',
    name: 'Lazarus Group',
    aliases: [
      { name: 'Lazarus', ambiguous: true },
      { name: 'HIDDEN COBRA', usedBy: 'US government' },
      { name: 'APT38', usedBy: 'Mandiant' },
      { name: 'Diamond Sleet', usedBy: 'Microsoft' },
      { name: 'ZINC', usedBy: 'Microsoft (former)', ambiguous: true },
      { name: 'NICKEL ACADEMY', usedBy: 'Secureworks' },
      { name: 'Labyrinth Chollima', usedBy: 'CrowdStrike' },
      { name: 'Guardians of Peace' },
      { name: 'Whois Team' },
    ],
    country: 'KP',
    motivation: 'state-sponsored espionage and revenue generation',
    firstSeen: '2009',
    description:
      'A North Korean state cluster behind destructive attacks, bank heists over SWIFT and large cryptocurrency thefts. Vendors split it into several sub-groups; the name is often used for the whole.',
    externalIds: { attack: ['G0032'] },
  },
  {
    id: 'trickbot',
    kind: 'malware',
    name: 'TrickBot',
    aliases: [{ name: 'Trickbot' }, { name: 'TrickLoader' }, { name: 'Trickster' }],
    country: 'RU',
    motivation: 'financial crime',
    firstSeen: '2016',
    lastSeen: '2022',
    description:
      'A modular banking trojan that grew into a private malware-as-a-service platform; its operators sold footholds in infected networks to a small circle of trusted criminals and ransomware crews.',
    externalIds: { attack: ['S0266'] },
  },
  {
    id: 'ta505',
    kind: 'actor',
    name: 'TA505',
    aliases: [
      { name: 'Hive0065', usedBy: 'IBM X-Force' },
      { name: 'Spandex Tempest', usedBy: 'Microsoft' },
      { name: 'CHIMBORAZO', usedBy: 'Microsoft (former)' },
      { name: 'Graceful Spider', usedBy: 'CrowdStrike' },
    ],
    country: 'RU',
    motivation: 'financial crime',
    firstSeen: '2014',
    description:
      'A prolific financially motivated crew known for very large spam campaigns delivering banking trojans and remote-access tools, later for ransomware and data-theft extortion.',
    externalIds: { attack: ['G0092'] },
  },
  {
    id: 'dridex',
    kind: 'malware',
    name: 'Dridex',
    aliases: [{ name: 'Bugat' }, { name: 'Cridex' }],
    country: 'RU',
    motivation: 'financial crime',
    firstSeen: '2014',
    description:
      'A banking trojan spread through malicious office documents, run by the crew the US Treasury calls Evil Corp; later used as a foothold for ransomware.',
    externalIds: { attack: ['S0384'] },
  },
];
