/** The North Korea – Russian-speaking underground links weighed by Intel 471 in September 2020. */
import type { BundledLink } from './bundled-types';
import { SOURCES } from './sources';

export const CORE_LINKS: BundledLink[] = [
  {
    from: 'lazarus-group',
    relation: 'obtains-access-from',
    to: 'trickbot',
    status: 'active',
    note:
      'Reports trace TrickBot infections leading to malware used only by North Korean operators; Intel 471 judged that TrickBot operators sold network access to them.',
    claims: [
      {
        source: SOURCES.darkReadingLazarusRussian2020,
        stance: 'supports',
        confidence: 70,
        quote: 'the operators behind Trickbot pretty clearly selling accesses to financial institutions to the North Koreans',
      },
      {
        source: SOURCES.databreachesPartnersInCrime2020,
        stance: 'supports',
        confidence: 85,
        quote: 'very likely delivered via network accesses held by Russian-speaking cybercriminals (TrickBot, TA505)',
      },
    ],
  },
  {
    from: 'dridex',
    relation: 'affiliated-with',
    to: 'lazarus-group',
    status: 'refuted',
    note: 'The claimed connection came from a researcher conflating two different criminal groups.',
    claims: [
      {
        source: SOURCES.scMediaNorthKoreaRussian2020,
        stance: 'refutes',
        confidence: 85,
        quote: 'A purported connection to Dridex appeared to be a researcher conflating different criminal groups.',
      },
    ],
  },
  {
    from: 'ta505',
    relation: 'affiliated-with',
    to: 'lazarus-group',
    status: 'historical',
    note:
      'Proposed as a theory in a conference talk and echoed by overlapping indicators; practitioners privately suspected a link that no longer appears active.',
    claims: [
      {
        source: SOURCES.norfolkDprkTa505Overlap2019,
        stance: 'supports',
        confidence: 50,
      },
      {
        source: SOURCES.scMediaNorthKoreaRussian2020,
        stance: 'supports',
        confidence: 30,
        quote: 'other people had independent suspicions of a link between the two that no longer appears to be active',
      },
    ],
  },
];
