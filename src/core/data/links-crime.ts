/** Links among financially motivated crews, their malware, access brokers and ransomware brands, with cited sources. */
import type { Source } from '../model/link';
import type { BundledLink } from './bundled-types';
import { SOURCES } from './sources';

/** A "group uses software" link resting on the software list of the group's ATT&CK page. */
function attackUses(from: string, to: string, source: Source, note: string, status: BundledLink['status'] = 'active'): BundledLink {
  return { from, relation: 'uses', to, status, note, claims: [{ source, stance: 'supports', confidence: 85 }] };
}

export const CRIME_LINKS: BundledLink[] = [
  // ── Evil Corp ────────────────────────────────────────────────────────────────────────────────
  {
    from: 'evil-corp',
    relation: 'develops',
    to: 'dridex',
    status: 'active',
    note: 'The US Treasury sanctioned Evil Corp as the group responsible for developing and distributing Dridex.',
    claims: [
      { source: SOURCES.treasuryEvilCorp2019, stance: 'supports', confidence: 95 },
      { source: SOURCES.attackG0119, stance: 'supports', confidence: 85 },
    ],
  },
  attackUses('evil-corp', 'wastedlocker', SOURCES.attackG0119, 'ATT&CK lists WastedLocker among Indrik Spider (Evil Corp) software.', 'historical'),
  attackUses('evil-corp', 'bitpaymer', SOURCES.attackG0119, 'ATT&CK lists BitPaymer among Indrik Spider (Evil Corp) software.', 'historical'),
  {
    from: 'evil-corp',
    relation: 'affiliated-with',
    to: 'lockbit',
    status: 'historical',
    note: 'The 2024 UK-led exposure of Evil Corp identified a member who had worked as a LockBit affiliate after the 2019 sanctions.',
    claims: [{ source: SOURCES.cybersecurityBoardEvilCorpLockBit2024, stance: 'supports', confidence: 85 }],
  },

  // ── Wizard Spider / TrickBot ecosystem ──────────────────────────────────────────────────────
  {
    from: 'wizard-spider',
    relation: 'develops',
    to: 'trickbot',
    status: 'historical',
    note: 'ATT&CK describes Wizard Spider as the group that created and deployed TrickBot from 2016; the botnet wound down in 2022.',
    claims: [{ source: SOURCES.attackG0102, stance: 'supports', confidence: 85 }],
  },
  {
    from: 'wizard-spider',
    relation: 'operates',
    to: 'conti',
    status: 'historical',
    note: 'The Five Eyes advisory on Russian threats lists Wizard Spider as the developer of Conti; the brand shut down in 2022.',
    claims: [
      { source: SOURCES.cisaRussianThreats2022, stance: 'supports', confidence: 85 },
      { source: SOURCES.attackG0102, stance: 'supports', confidence: 85 },
    ],
  },
  attackUses('wizard-spider', 'ryuk', SOURCES.attackG0102, 'ATT&CK lists Ryuk among Wizard Spider\'s software.', 'historical'),
  attackUses('wizard-spider', 'bazarloader', SOURCES.attackG0102, 'ATT&CK lists Bazar among Wizard Spider\'s software.', 'historical'),
  attackUses('wizard-spider', 'cobalt-strike', SOURCES.attackG0102, 'ATT&CK lists Cobalt Strike among Wizard Spider\'s tools.'),
  {
    from: 'ta542',
    relation: 'develops',
    to: 'emotet',
    status: 'active',
    note: 'The Five Eyes advisory names Mummy Spider (TA542) as the developer of Emotet.',
    claims: [{ source: SOURCES.cisaRussianThreats2022, stance: 'supports', confidence: 85 }],
  },
  {
    from: 'trickbot',
    relation: 'obtains-access-from',
    to: 'emotet',
    status: 'historical',
    note: 'From 2019 Emotet infections routinely dropped TrickBot, which in turn led to Ryuk; the chain broke with the 2021 takedown.',
    claims: [{ source: SOURCES.darktraceEmotet2022, stance: 'supports', confidence: 85 }],
  },
  {
    from: 'conti',
    relation: 'uses',
    to: 'cobalt-strike',
    status: 'historical',
    note: 'The joint Conti advisory describes Conti actors relying on Cobalt Strike beacons after initial access.',
    claims: [{ source: SOURCES.cisaConti2021, stance: 'supports', confidence: 95 }],
  },

  // ── Access brokers and loaders feeding ransomware ───────────────────────────────────────────
  {
    from: 'exotic-lily',
    relation: 'sells-access-to',
    to: 'conti',
    status: 'historical',
    note: 'Google TAG found that Exotic Lily acted as an initial-access broker whose footholds led to Conti and Diavol deployments.',
    claims: [{ source: SOURCES.googleTagExoticLily2022, stance: 'supports', confidence: 70 }],
  },
  {
    from: 'exotic-lily',
    relation: 'uses',
    to: 'bumblebee',
    status: 'historical',
    note: 'Google TAG observed Exotic Lily switching its payload to the Bumblebee loader in 2022.',
    claims: [{ source: SOURCES.googleTagExoticLily2022, stance: 'supports', confidence: 85 }],
  },
  {
    from: 'conti',
    relation: 'obtains-access-from',
    to: 'qakbot',
    status: 'historical',
    note: 'The Justice Department named Conti among the ransomware gangs that used QakBot infections as their way in.',
    claims: [
      { source: SOURCES.dojQakbot2023, stance: 'supports', confidence: 95 },
      { source: SOURCES.occrpQakbot2023, stance: 'supports', confidence: 85 },
    ],
  },
  {
    from: 'black-basta',
    relation: 'obtains-access-from',
    to: 'qakbot',
    status: 'historical',
    note: 'Black Basta is on the Justice Department\'s list of gangs that used QakBot for initial access before the 2023 takedown.',
    claims: [
      { source: SOURCES.dojQakbot2023, stance: 'supports', confidence: 95 },
      { source: SOURCES.occrpQakbot2023, stance: 'supports', confidence: 85 },
    ],
  },
  {
    from: 'revil',
    relation: 'obtains-access-from',
    to: 'qakbot',
    status: 'historical',
    note: 'REvil is also on the Justice Department\'s list of QakBot customers.',
    claims: [
      { source: SOURCES.dojQakbot2023, stance: 'supports', confidence: 95 },
      { source: SOURCES.occrpQakbot2023, stance: 'supports', confidence: 85 },
    ],
  },
  {
    from: 'scattered-spider',
    relation: 'uses',
    to: 'blackcat',
    status: 'historical',
    note: 'The FBI/CISA advisory says Scattered Spider actors, besides data-theft extortion, deployed BlackCat/ALPHV ransomware.',
    claims: [{ source: SOURCES.cisaScatteredSpider2023, stance: 'supports', confidence: 85 }],
  },

  // ── TA505 / Clop ─────────────────────────────────────────────────────────────────────────────
  {
    from: 'ta505',
    relation: 'operates',
    to: 'clop',
    status: 'active',
    note: 'The MOVEit advisory refers to the CL0P Ransomware Gang as also known as TA505; ATT&CK lists Clop among TA505 software.',
    claims: [
      { source: SOURCES.cisaClopMoveit2023, stance: 'supports', confidence: 85 },
      { source: SOURCES.attackG0092, stance: 'supports', confidence: 85 },
    ],
  },
  attackUses('ta505', 'flawedammyy', SOURCES.attackG0092, 'ATT&CK lists FlawedAmmyy among TA505 software.', 'historical'),
  attackUses('ta505', 'sdbbot', SOURCES.attackG0092, 'ATT&CK lists SDBbot among TA505 software.', 'historical'),
  attackUses('ta505', 'dridex', SOURCES.attackG0092, 'ATT&CK lists Dridex among the payloads TA505 spammed in its early campaigns.', 'historical'),

  // ── FIN7, Carbanak, Cobalt Group, FIN6, TA551 ───────────────────────────────────────────────
  attackUses('fin7', 'carbanak', SOURCES.attackG0046, 'ATT&CK lists the Carbanak backdoor among FIN7 software.', 'historical'),
  attackUses('fin7', 'griffon', SOURCES.attackG0046, 'ATT&CK lists GRIFFON among FIN7 software.'),
  {
    from: 'fin7',
    relation: 'overlaps-with',
    to: 'carbanak-group',
    status: 'disputed',
    note: 'Both use the Carbanak backdoor and are often conflated in the press, but ATT&CK tracks them as two separate groups.',
    claims: [{ source: SOURCES.attackG0008, stance: 'refutes', confidence: 50 }],
  },
  attackUses('cobalt-group', 'cobalt-strike', SOURCES.attackG0080, 'ATT&CK lists Cobalt Strike, the tool the group is named after, among Cobalt Group software.', 'historical'),
  attackUses('cobalt-group', 'more-eggs', SOURCES.attackG0080, 'ATT&CK lists More_eggs among Cobalt Group software.', 'historical'),
  attackUses('fin6', 'more-eggs', SOURCES.attackG0037, 'ATT&CK lists More_eggs among FIN6 software.'),
  attackUses('ta551', 'icedid', SOURCES.attackG0127, 'ATT&CK lists IcedID among the payloads TA551 delivered.', 'historical'),

  // ── Ransomware lineages and rebrands ─────────────────────────────────────────────────────────
  {
    from: 'gandcrab',
    relation: 'succeeded-by',
    to: 'revil',
    status: 'historical',
    note: 'Secureworks found near-identical code in GandCrab and REvil and REvil rising as GandCrab "retired", and judged the two crews linked.',
    claims: [{ source: SOURCES.computerWeeklyGandCrabRevil2019, stance: 'supports', confidence: 85 }],
  },
  {
    from: 'darkside',
    relation: 'succeeded-by',
    to: 'blackmatter',
    status: 'historical',
    note: 'BlackMatter appeared weeks after DarkSide closed; a BlackCat spokesman later spoke of the two as one family.',
    claims: [{ source: SOURCES.scMediaBlackCatBlackMatter2022, stance: 'supports', confidence: 70 }],
  },
  {
    from: 'blackmatter',
    relation: 'succeeded-by',
    to: 'blackcat',
    status: 'disputed',
    note: 'Some researchers saw BlackCat as a BlackMatter rebrand; Talos and the group itself described affiliates moving over rather than a rename.',
    claims: [
      { source: SOURCES.scMediaBlackCatBlackMatter2022, stance: 'supports', confidence: 50 },
      { source: SOURCES.talosBlackMatterBlackCat2022, stance: 'refutes', confidence: 50 },
    ],
  },
  {
    from: 'royal',
    relation: 'succeeded-by',
    to: 'blacksuit',
    status: 'historical',
    note: 'The FBI and CISA updated their Royal advisory to say BlackSuit is the evolution of Royal ransomware, sharing much of its code.',
    claims: [
      { source: SOURCES.cisaBlackSuitRoyal, stance: 'supports', confidence: 95 },
      { source: SOURCES.cyberInsiderRoyalBlackSuit2024, stance: 'supports', confidence: 85 },
    ],
  },
  {
    from: 'lockbit',
    relation: 'uses',
    to: 'cobalt-strike',
    status: 'active',
    note: 'The LockBit advisory lists Cobalt Strike among the tools LockBit affiliates have been seen using; affiliates vary widely.',
    claims: [{ source: SOURCES.cisaLockBit2023, stance: 'supports', confidence: 70 }],
  },
  {
    from: 'lockbit',
    relation: 'uses',
    to: 'mimikatz',
    status: 'active',
    note: 'The LockBit advisory also lists Mimikatz among affiliate tools for credential theft.',
    claims: [{ source: SOURCES.cisaLockBit2023, stance: 'supports', confidence: 70 }],
  },
];
