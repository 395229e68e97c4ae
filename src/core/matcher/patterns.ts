/**
 * Possible actors: names that follow the field's naming schemes but are not (yet) in the dictionary.
 * (TA0001…TA0043 are ATT&CK tactic ids, not actors: a TA number starting with 0 is not a possible actor.)
 * Code-like schemes (TA505, UNC2452, Storm-0558, DEV-0537, FIN7, APT 29, TAG-22) are spotted on any page.
 * Word schemes ("Wicked Panda", "Midnight Blizzard", "X ransomware gang", "the threat actor X", "X gang") need page
 * security context, and X must look like a proper name (capitalised, not a stop-list word, not a function word or
 * nationality). Rules were tuned on the AnnoCTR dev split only.
 */
import { COMMON_WORDS } from './stoplist';

export interface PatternHit {
  start: number;
  end: number;
  /** Rule that fired, for the record. */
  rule: string;
  /** Needs page-level security context. */
  needsContext: boolean;
}

const CODE_RULES: [string, RegExp][] = [
  ['ta', /(?<![\p{L}\p{N}_.@/\\-])TA ?-?(?!0)\d{3,4}(?![\p{L}\p{N}_]|\.\w)/gu],
  ['unc', /(?<![\p{L}\p{N}_.@/\\-])UNC ?-?\d{3,5}(?![\p{L}\p{N}_]|\.\w)/gu],
  ['storm', /(?<![\p{L}\p{N}_.@/\\-])Storm[- ]\d{4}(?![\p{L}\p{N}_]|\.\w)/gu],
  ['dev', /(?<![\p{L}\p{N}_.@/\\-])DEV-\d{4}(?![\p{L}\p{N}_]|\.\w)/gu],
  ['fin', /(?<![\p{L}\p{N}_.@/\\-])FIN ?\d{1,2}(?![\p{L}\p{N}_]|\.\w)/gu],
  ['apt', /(?<![\p{L}\p{N}_.@/\\-])APT ?-?\d{1,3}(?![\p{L}\p{N}_]|\.\w)/gu],
  ['tag', /(?<![\p{L}\p{N}_.@/\\-])TAG-\d{1,3}(?![\p{L}\p{N}_]|\.\w)/gu],
];

const ANIMALS = 'Spider|Panda|Bear|Kitten|Chollima|Typhoon|Sleet|Blizzard|Tempest|Sandstorm|Hail|Dust|Flood|Cyclone';
const NAME = String.raw`\p{Lu}[\p{L}\p{N}]*(?:-\p{L}[\p{L}\p{N}]*)?`;

/** Capitalised words that are never a name in these schemes (function words, nationalities, adjectives). */
const NOT_A_NAME = new Set(
  (
    'the a an this that these those its their our your his her another other each every some several many most such any no ' +
    'new known unknown notorious prolific major minor largest biggest big small giant polar brown grizzly teddy snow ' +
    'russian chinese iranian korean north south east west western eastern ukrainian vietnamese indian pakistani turkish ' +
    'brazilian nigerian american european israeli arab latin criminal cybercriminal cyber global local first second ' +
    'third last previous same one two three if when while after before since ransomware malware threat group gang ' +
    'if but and or so then also both either neither all however although microsoft crowdstrike mandiant proofpoint'
  ).split(' '),
);

function nameOk(word: string): boolean {
  const w = word.toLowerCase();
  if (NOT_A_NAME.has(w) || COMMON_WORDS.has(w)) return false;
  return true;
}

const WORD_RULES: [string, RegExp, number][] = [
  // "<Capitalised> Spider|Panda|…": the whole two-word name
  ['scheme', new RegExp(String.raw`(?<![\p{L}\p{N}_])(${NAME}) (?:${ANIMALS})(?![\p{L}\p{N}_])`, 'gu'), 0],
  // "X ransomware gang/group/operators"
  ['ransomware-gang', new RegExp(String.raw`(?<![\p{L}\p{N}_])(${NAME}) ransomware (?:gang|group|operators|crew|cartel)(?![\p{L}\p{N}_])`, 'gu'), 1],
  // "the threat actor X", "threat group known as X", "actor dubbed X"
  ['threat-actor', new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:threat (?:actor|group)|(?:actor|group|gang|crew) (?:known as|dubbed|called|tracked as|named))[ ,]+["“']?(${NAME})`, 'giu'), 1],
  // "X gang" / "X Gang"
  ['gang', new RegExp(String.raw`(?<![\p{L}\p{N}_])(${NAME}) [Gg]ang(?![\p{L}\p{N}_])`, 'gu'), 1],
];

export function findPatternHits(text: string): PatternHit[] {
  const hits: PatternHit[] = [];
  for (const [rule, re] of CODE_RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) hits.push({ start: m.index, end: m.index + m[0].length, rule, needsContext: false });
  }
  for (const [rule, re, group] of WORD_RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[1] as string;
      if (!nameOk(name)) continue;
      if (rule === 'threat-actor' && !/^\p{Lu}/u.test(name)) continue;
      if (group === 0) {
        hits.push({ start: m.index, end: m.index + m[0].length, rule, needsContext: true });
      } else {
        // the name opens the match ("X gang") or closes it ("threat actor X")
        const start = rule === 'threat-actor' ? m.index + m[0].length - name.length : m.index;
        hits.push({ start, end: start + name.length, rule, needsContext: true });
      }
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  return hits;
}
