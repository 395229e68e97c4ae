/** Links among state-linked actors and their malware (North Korea, Russia, China, Iran), with cited sources. */
import type { BundledLink } from './bundled-types';
import type { Source } from '../model/link';
import { SOURCES } from './sources';

/** A "group uses software" link resting on the software list of the group's ATT&CK page. */
function attackUses(from: string, to: string, source: Source, note: string): BundledLink {
  return {
    from,
    relation: 'uses',
    to,
    status: 'active',
    note,
    claims: [{ source, stance: 'supports', confidence: 85 }],
  };
}

export const STATE_LINKS: BundledLink[] = [
  // ── North Korea ──────────────────────────────────────────────────────────────────────────────
  {
    from: 'bluenoroff',
    relation: 'affiliated-with',
    to: 'lazarus-group',
    status: 'active',
    note: 'The US Treasury designated BlueNoroff as a sub-group of Lazarus Group, both controlled by the Reconnaissance General Bureau.',
    claims: [{ source: SOURCES.treasuryNorthKoreaGroups2019, stance: 'supports', confidence: 95 }],
  },
  {
    from: 'andariel',
    relation: 'affiliated-with',
    to: 'lazarus-group',
    status: 'active',
    note: 'The US Treasury designated Andariel as a second Lazarus sub-group under the Reconnaissance General Bureau.',
    claims: [{ source: SOURCES.treasuryNorthKoreaGroups2019, stance: 'supports', confidence: 95 }],
  },
  {
    from: 'lazarus-group',
    relation: 'develops',
    to: 'wannacry',
    status: 'historical',
    note: 'The US Treasury names Lazarus Group as responsible for the 2017 WannaCry outbreak; ATT&CK lists WannaCry among its software.',
    claims: [
      { source: SOURCES.treasuryNorthKoreaGroups2019, stance: 'supports', confidence: 85 },
      { source: SOURCES.attackG0032, stance: 'supports', confidence: 85 },
    ],
  },
  attackUses('lazarus-group', 'applejeus', SOURCES.attackG0032, 'ATT&CK lists AppleJeus among the software used by Lazarus Group against cryptocurrency firms.'),
  {
    from: 'bluenoroff',
    relation: 'uses',
    to: 'fastcash',
    status: 'active',
    note: 'The FASTCash 2.0 advisory describes the BeagleBoyz (BlueNoroff) using FASTCash malware for ATM cash-outs.',
    claims: [{ source: SOURCES.cisaFastCash2020, stance: 'supports', confidence: 95 }],
  },
  attackUses('kimsuky', 'babyshark', SOURCES.attackG0094, 'ATT&CK lists BabyShark among Kimsuky\'s software.'),
  attackUses('kimsuky', 'appleseed', SOURCES.attackG0094, 'ATT&CK lists AppleSeed among Kimsuky\'s software.'),
  attackUses('apt37', 'rokrat', SOURCES.attackG0067, 'ATT&CK lists ROKRAT among APT37\'s software.'),

  // ── Russia ───────────────────────────────────────────────────────────────────────────────────
  attackUses('apt28', 'x-agent', SOURCES.attackG0007, 'ATT&CK lists CHOPSTICK (X-Agent) as APT28 software.'),
  attackUses('apt28', 'zebrocy', SOURCES.attackG0007, 'ATT&CK lists Zebrocy as APT28 software.'),
  attackUses('apt28', 'lojax', SOURCES.attackG0007, 'ATT&CK lists the LoJax UEFI rootkit as APT28 software.'),
  attackUses('apt28', 'drovorub', SOURCES.attackG0007, 'ATT&CK lists Drovorub as APT28 software, following the 2020 NSA/FBI advisory.'),
  attackUses('apt28', 'mimikatz', SOURCES.attackG0007, 'ATT&CK lists Mimikatz among APT28\'s credential-theft tools.'),
  {
    from: 'apt29',
    relation: 'uses',
    to: 'sunburst',
    status: 'historical',
    note: 'ATT&CK lists SUNBURST, the backdoor planted in SolarWinds Orion updates, as APT29 software; the campaign ran in 2020.',
    claims: [{ source: SOURCES.attackG0016, stance: 'supports', confidence: 85 }],
  },
  attackUses('apt29', 'wellmess', SOURCES.attackG0016, 'ATT&CK lists WellMess as APT29 software.'),
  attackUses('apt29', 'cobalt-strike', SOURCES.attackG0016, 'ATT&CK lists Cobalt Strike among APT29\'s tools.'),
  {
    from: 'sandworm',
    relation: 'develops',
    to: 'notpetya',
    status: 'historical',
    note: 'The US indicted six GRU Unit 74455 officers for developing and releasing NotPetya in 2017.',
    claims: [
      { source: SOURCES.dojSandwormIndictment2020, stance: 'supports', confidence: 95 },
      { source: SOURCES.scMediaSandwormIndictment2020, stance: 'supports', confidence: 85 },
    ],
  },
  {
    from: 'sandworm',
    relation: 'develops',
    to: 'olympic-destroyer',
    status: 'historical',
    note: 'The same indictment charges the GRU officers over the Olympic Destroyer attack on the 2018 Winter Games.',
    claims: [
      { source: SOURCES.dojSandwormIndictment2020, stance: 'supports', confidence: 95 },
      { source: SOURCES.scMediaSandwormIndictment2020, stance: 'supports', confidence: 85 },
    ],
  },
  {
    from: 'sandworm',
    relation: 'uses',
    to: 'industroyer',
    status: 'historical',
    note: 'The indictment and ATT&CK both tie Industroyer, used against the Ukrainian grid in 2016, to Sandworm.',
    claims: [
      { source: SOURCES.dojSandwormIndictment2020, stance: 'supports', confidence: 85 },
      { source: SOURCES.attackG0034, stance: 'supports', confidence: 85 },
    ],
  },
  {
    from: 'sandworm',
    relation: 'uses',
    to: 'killdisk',
    status: 'historical',
    note: 'KillDisk was used to wipe machines in the Ukrainian grid attacks; the indictment and ATT&CK link it to Sandworm.',
    claims: [
      { source: SOURCES.dojSandwormIndictment2020, stance: 'supports', confidence: 85 },
      { source: SOURCES.attackG0034, stance: 'supports', confidence: 85 },
    ],
  },
  attackUses('sandworm', 'blackenergy', SOURCES.attackG0034, 'ATT&CK lists BlackEnergy among Sandworm Team\'s software.'),
  attackUses('sandworm', 'cyclops-blink', SOURCES.attackG0034, 'ATT&CK lists Cyclops Blink among Sandworm Team\'s software.'),
  {
    from: 'turla',
    relation: 'develops',
    to: 'uroburos',
    status: 'historical',
    note: 'The joint Snake advisory attributes the implant to FSB Center 16, the unit industry calls Turla; the FBI neutralised the network in 2023.',
    claims: [
      { source: SOURCES.cisaSnake2023, stance: 'supports', confidence: 95 },
      { source: SOURCES.attackG0010, stance: 'supports', confidence: 85 },
    ],
  },
  attackUses('turla', 'kazuar', SOURCES.attackG0010, 'ATT&CK lists Kazuar among Turla\'s software.'),
  attackUses('turla', 'comrat', SOURCES.attackG0010, 'ATT&CK lists ComRAT among Turla\'s software.'),
  attackUses('temp-veles', 'trisis', SOURCES.attackG0088, 'ATT&CK lists Triton (TRISIS) as the software of TEMP.Veles.'),
  attackUses('berserk-bear', 'havex', SOURCES.attackG0035, 'ATT&CK lists Backdoor.Oldrea (Havex) among Dragonfly\'s software.'),

  // ── China ────────────────────────────────────────────────────────────────────────────────────
  attackUses('apt41', 'shadowpad', SOURCES.attackG0096, 'ATT&CK lists ShadowPad among APT41\'s software.'),
  attackUses('apt41', 'cobalt-strike', SOURCES.attackG0096, 'ATT&CK lists Cobalt Strike among APT41\'s tools.'),
  attackUses('apt10', 'plugx', SOURCES.attackG0045, 'ATT&CK lists PlugX among menuPass (APT10) software.'),
  attackUses('apt10', 'redleaves', SOURCES.attackG0045, 'ATT&CK lists RedLeaves among menuPass (APT10) software.'),
  attackUses('apt10', 'quasar-rat', SOURCES.attackG0045, 'ATT&CK lists QuasarRAT among menuPass (APT10) software.'),
  attackUses('mustang-panda', 'plugx', SOURCES.attackG0129, 'ATT&CK lists PlugX among Mustang Panda\'s software.'),
  attackUses('silk-typhoon', 'china-chopper', SOURCES.attackG0125, 'ATT&CK lists China Chopper among the tools HAFNIUM dropped on Exchange servers.'),

  // ── Iran ─────────────────────────────────────────────────────────────────────────────────────
  attackUses('apt34', 'helminth', SOURCES.attackG0049, 'ATT&CK lists Helminth among OilRig (APT34) software.'),
  attackUses('muddywater', 'powerstats', SOURCES.attackG0069, 'ATT&CK lists POWERSTATS among MuddyWater\'s software.'),
];
