/** State-linked clusters from other regions (South Asia, Latin America, Middle East, Five Eyes) and their tools. */
import type { BundledEntity } from './bundled-types';

export const OTHER_STATE_ENTITIES: BundledEntity[] = [
  {
    id: 'equation-group',
    kind: 'actor',
    name: 'Equation Group',
    aliases: [{ name: 'Equation', usedBy: 'Kaspersky', ambiguous: true }],
    country: 'US',
    motivation: 'state-sponsored espionage',
    firstSeen: '2001',
    description:
      'Kaspersky\'s name for a highly advanced operator with disk-firmware implants, widely linked to the US NSA after the 2016–2017 Shadow Brokers leaks.',
    externalIds: { attack: ['G0020'] },
  },
  {
    id: 'stuxnet',
    kind: 'malware',
    name: 'Stuxnet',
    aliases: [],
    motivation: 'sabotage',
    firstSeen: '2010',
    lastSeen: '2010',
    description:
      'A worm built to damage Iranian uranium-enrichment centrifuges by reprogramming Siemens controllers, discovered in 2010 and widely attributed to the US and Israel.',
    externalIds: { attack: ['S0603'] },
  },
  {
    id: 'patchwork',
    kind: 'actor',
    name: 'Patchwork',
    nameAmbiguous: true,
    aliases: [
      { name: 'Dropping Elephant', usedBy: 'Kaspersky' },
      { name: 'Chinastrats' },
      { name: 'Monsoon', usedBy: 'Forcepoint', ambiguous: true },
      { name: 'Hangover Group', ambiguous: true },
    ],
    country: 'IN',
    motivation: 'state-sponsored espionage',
    firstSeen: '2009',
    description:
      'An India-linked group that spies on Pakistani and Chinese government and military targets, named for its habit of stitching together code copied from public sources.',
    externalIds: { attack: ['G0040'] },
  },
  {
    id: 'sidewinder',
    kind: 'actor',
    name: 'SideWinder',
    nameAmbiguous: true,
    aliases: [
      { name: 'Rattlesnake', ambiguous: true },
      { name: 'Razor Tiger', usedBy: 'CrowdStrike' },
      { name: 'T-APT-04', usedBy: 'Tencent' },
    ],
    country: 'IN',
    motivation: 'state-sponsored espionage',
    firstSeen: '2012',
    description:
      'A very active India-linked group targeting Pakistan, China, Nepal and Sri Lanka, later ports and maritime bodies, mostly through document exploits.',
    externalIds: { attack: ['G0121'] },
  },
  {
    id: 'transparent-tribe',
    kind: 'actor',
    name: 'Transparent Tribe',
    aliases: [
      { name: 'APT36' },
      { name: 'Mythic Leopard', usedBy: 'CrowdStrike' },
      { name: 'ProjectM', usedBy: 'Palo Alto Networks' },
      { name: 'COPPER FIELDSTONE', usedBy: 'Secureworks' },
      { name: 'Earth Karkaddan', usedBy: 'Trend Micro' },
    ],
    country: 'PK',
    motivation: 'state-sponsored espionage',
    firstSeen: '2013',
    description:
      'A Pakistan-linked group spying on Indian military, government and education targets with fake apps and its Crimson RAT.',
    externalIds: { attack: ['G0134'] },
  },
  {
    id: 'machete',
    kind: 'actor',
    name: 'Machete',
    nameAmbiguous: true,
    aliases: [
      { name: 'El Machete', ambiguous: true },
      { name: 'APT-C-43', usedBy: 'Qihoo 360' },
    ],
    motivation: 'state-sponsored espionage',
    firstSeen: '2010',
    description:
      'A Spanish-speaking espionage group focused on Latin American militaries and governments, above all in Venezuela.',
    externalIds: { attack: ['G0095'] },
  },
  {
    id: 'blind-eagle',
    kind: 'actor',
    name: 'Blind Eagle',
    aliases: [{ name: 'APT-C-36', usedBy: 'Qihoo 360' }, { name: 'AguilaCiega' }],
    motivation: 'espionage and financial crime',
    firstSeen: '2018',
    description:
      'A South American group phishing Colombian and Ecuadorian government bodies and companies with commodity remote-access trojans, mixing spying and fraud.',
    externalIds: { attack: ['G0099'] },
  },
  {
    id: 'darkhotel',
    kind: 'actor',
    name: 'Darkhotel',
    aliases: [{ name: 'DUBNIUM', usedBy: 'Microsoft (former)', ambiguous: true }],
    motivation: 'state-sponsored espionage',
    firstSeen: '2007',
    description:
      'A group named by Kaspersky for spying on executives through luxury-hotel Wi-Fi; later attributed by several vendors to the Korean peninsula.',
    externalIds: { attack: ['G0012'] },
  },
  {
    id: 'dark-caracal',
    kind: 'actor',
    name: 'Dark Caracal',
    aliases: [],
    country: 'LB',
    motivation: 'state-sponsored surveillance',
    firstSeen: '2012',
    description:
      'A surveillance operation that researchers traced to a Lebanese security agency building in Beirut, stealing data from thousands of phones and PCs.',
    externalIds: { attack: ['G0070'] },
  },
  {
    id: 'sea-turtle',
    kind: 'actor',
    name: 'Sea Turtle',
    nameAmbiguous: true,
    aliases: [
      { name: 'Marbled Dust', usedBy: 'Microsoft' },
      { name: 'SILICON', usedBy: 'Microsoft (former)', ambiguous: true },
      { name: 'Teal Kurma', usedBy: 'PwC' },
      { name: 'Cosmic Wolf', usedBy: 'CrowdStrike' },
    ],
    country: 'TR',
    motivation: 'state-sponsored espionage',
    firstSeen: '2017',
    description:
      'A Turkey-aligned group that took over DNS records of governments and telecoms to intercept their traffic, and later spied on Kurdish-linked targets in Europe and the Middle East.',
    externalIds: { attack: ['G1041'] },
  },
  {
    id: 'cloud-atlas',
    kind: 'actor',
    name: 'Cloud Atlas',
    nameAmbiguous: true,
    aliases: [
      { name: 'Inception', ambiguous: true },
      { name: 'Inception Framework' },
    ],
    motivation: 'espionage',
    firstSeen: '2014',
    description: 'An unattributed espionage group that phishes governments in Russia, Eastern Europe and Central Asia with documents that pull remote templates.',
    externalIds: { attack: ['G0100'] },
  },
];
