/**
 * Names inside detection content (audit Z): antivirus and EDR detection names in Microsoft's scheme
 * (`Type:Platform/Family.Variant!Suffix`: "Ransom:Win64/BlackBasta.A", "Backdoor:Linux/Mirai.BX") and YARA rule
 * names joined by underscores ("Win_Trojan_Emotet_2", "MAL_Lumma_Stealer_Mar25", "Ransom_Win64_Akira_Encryptor").
 * A detection page, an alert list or a rule set names its threats this way; before, "BlackBasta.A" read as a dotted
 * file name and "Emotet" in `Win_Trojan_Emotet_2` as part of one identifier, so such lines showed nothing.
 */
import type { Cue } from './ambiguity';
import { once } from './once';

/** "Type:Platform/" right before a family: Trojan:Win32/, Ransom:Win64/, HackTool:Win64/, Backdoor:Linux/… */
const DETECTION_HEAD = /(?:^|[^\w:/.-])([A-Z][A-Za-z]{1,23}):(?:[A-Z][A-Za-z0-9]{1,11}|[A-Z]?[0-9]{2}M)\/$/;
/** ".Variant" and an optional "!Suffix" after the family: ".A", ".BX", ".gen", ".A!dha", then no more of the name. */
const DETECTION_TAIL = /^\.[A-Za-z0-9]{1,6}(?:!\w{1,12})?(?![\w.]|\/\w)/;

/**
 * Does a dot at `e` start the variant of a detection name whose family ends at `e` ("BlackBasta.A" in
 * "Ransom:Win64/BlackBasta.A")? Then the family may end there, though a word follows the dot.
 */
export function detectionVariantAt(text: string, e: number): boolean {
  if (text.charCodeAt(e) !== 46 || !DETECTION_TAIL.test(text.slice(e, e + 24))) return false;
  // the family itself: letters, digits, hyphens back to the slash
  let k = e - 1;
  const floor = Math.max(0, e - 48);
  while (k >= floor && /[\w-]/.test(text.charAt(k))) k--;
  return k >= 0 && text.charCodeAt(k) === 47 && DETECTION_HEAD.test(text.slice(Math.max(0, k - 40), k + 1));
}

/** Detection types that say what the family is (Microsoft's scheme); "Behavior", "Exploit", "VirTool" say nothing of it. */
const TYPE_CUES: Record<string, string> = {
  ransom: 'ransomware',
  trojan: 'trojan',
  trojandownloader: 'downloader',
  trojandropper: 'dropper',
  trojanspy: 'spyware',
  backdoor: 'backdoor',
  pws: 'stealer',
  worm: 'worm',
  spyware: 'spyware',
  hacktool: 'tool',
};

/**
 * The cue a detection name gives the family [s, …) it names: "Ransom:Win32/Royal.A" says ransomware, as
 * "Royal ransomware" would, "Trojan:Win32/Qakbot!MTB" a trojan.
 */
export function detectionTypeCue(text: string, s: number): Cue | undefined {
  if (s < 4 || text.charCodeAt(s - 1) !== 47) return undefined;
  const m = DETECTION_HEAD.exec(text.slice(Math.max(0, s - 40), s));
  const word = m ? TYPE_CUES[(m[1] as string).toLowerCase()] : undefined;
  return word ? { word, kind: 'software', side: 'before' } : undefined;
}

/**
 * YARA rule names (and the like: Elastic's "Windows_Trojan_…", Sigma's ids) open with a category or platform and
 * join their words with underscores. Only tokens so opened, of three parts or more, and not inside a path, an
 * address or a dotted name.
 */
const RULE_OPENERS = ['MAL', 'APT', 'SUSP', 'HKTL', 'EXPL', 'WEBSHELL', 'PUA', 'CRIME', 'RANSOM', 'Ransom', 'Ransomware', 'Win', 'Win32', 'Win64', 'Windows', 'Linux', 'Lnx', 'MacOS', 'OSX', 'Multi', 'Android', 'Trojan', 'Backdoor', 'Troj', 'HackTool', 'Hacktool', 'ELF'];
export const RULE_NAME = new RegExp(String.raw`\b(?:${RULE_OPENERS.join('|')})(?:_[A-Za-z0-9]+){2,}(?![\w.\\/@-])`, 'g');
/** RULE_NAME at one offset (spaceRuleNames), and the shortest and longest of its openers ("MAL", "Ransomware"). */
const RULE_NAME_AT = new RegExp(RULE_NAME.source, 'y');
const RULE_OPENER_MIN = Math.min(...RULE_OPENERS.map((w) => w.length));
const RULE_OPENER_MAX = Math.max(...RULE_OPENERS.map((w) => w.length));
/** Characters that, right before a rule name, make it part of a path, an address or a dotted name. */
const GLUED_BEFORE = /[.:/\\@$-]/;

/**
 * The text with the underscores of its rule names read as spaces ("Win_Trojan_Emotet_2" → "Win Trojan Emotet 2"), of
 * the same length, so offsets hold; the text itself when it has none.
 */
export function spaceRuleNames(text: string): string {
  let u = text.indexOf('_');
  if (u < 0) return text;
  // RULE_NAME tried only where it can start: an opener's length (3 to 10 characters) before an underscore, in
  // order, each start once; the same finds as a search of the whole text (text.replace), which read every character
  // of a page holding one underscore (1 MB: ≈ 2.5 ms).
  let out = '';
  let copied = 0;
  let from = 0;
  while (u >= 0) {
    let found = -1;
    for (let q = Math.max(from, u - RULE_OPENER_MAX); q <= u - RULE_OPENER_MIN; q++) {
      RULE_NAME_AT.lastIndex = q;
      const m = RULE_NAME_AT.exec(text);
      if (!m) continue;
      const r = m[0];
      out += text.slice(copied, q) + (q > 0 && GLUED_BEFORE.test(text.charAt(q - 1)) ? r : r.replace(/_/g, ' '));
      found = copied = q + r.length;
      break;
    }
    if (found >= 0) from = found;
    else from = Math.max(from, u - RULE_OPENER_MIN + 1);
    u = text.indexOf('_', found >= 0 ? found : u + 1);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** RULE_NAME anchored, to read the rule a name stands in (ruleNameCue). */
const RULE_AT = once(() => new RegExp(RULE_NAME.source, 'y'));
/** Rule categories (a rule name's first part) that say what the rule detects, and the cue each gives. */
const CATEGORY_CUES: Record<string, Cue> = {
  apt: { word: 'apt', kind: 'actor', side: 'before' },
  mal: { word: 'malware', kind: 'software', side: 'before' },
  ransom: { word: 'ransomware', kind: 'software', side: 'before' },
  ransomware: { word: 'ransomware', kind: 'software', side: 'before' },
  trojan: { word: 'trojan', kind: 'software', side: 'before' },
  troj: { word: 'trojan', kind: 'software', side: 'before' },
  backdoor: { word: 'backdoor', kind: 'software', side: 'before' },
};
/** Longest rule name read back from a name (a rule's parts before its family are a few short words). */
const RULE_BACK_CHARS = 64;

/**
 * The cue the category of a rule name gives a name that stands inside it, not first ("APT_NK_Lazarus_DreamJob_Loader":
 * an APT rule, so "Lazarus" is the actor, as "APT Lazarus" would say; "MAL_CN_Snake_Implant"). A rule name is detection
 * content: its parts are no sentence, so the name inside it is never inside one, and the category is the cue it has.
 * `original` is the text as given (underscores kept), `s` the name's start in it.
 */
export function ruleNameCue(original: string, s: number): Cue | undefined {
  if (s < 4 || original.charCodeAt(s - 1) !== 95) return undefined;
  let k = s - 1;
  const floor = Math.max(0, s - RULE_BACK_CHARS);
  while (k > floor && /\w/.test(original.charAt(k - 1))) k--;
  const first = original.indexOf('_', k);
  const cue = CATEGORY_CUES[original.slice(k, first).toLowerCase()];
  if (!cue || first >= s - 1) return undefined;
  RULE_AT().lastIndex = k;
  const m = RULE_AT().exec(original);
  return m && k + m[0].length > s && (k === 0 || !GLUED_BEFORE.test(original.charAt(k - 1))) ? cue : undefined;
}

/** MITRE ATT&CK identifiers: groups G####, software S####, techniques T####, mitigations M####, tactics TA00##. */
const ATTACK_ID = /^(?:[GSTM]\d{4}|TA0\d{3})$/;

/**
 * Is [s, e) an ATT&CK identifier ("G1017", "S0154", "TA0001")? Advisories cite them next to naming phrases ("the group
 * tracked as G1017 in MITRE ATT&CK", "the threat actor G0032"), which named each a new possible actor (audit Z); they
 * are the catalogue's numbers for known entries, not an actor's name.
 */
export function attackIdAt(text: string, s: number, e: number): boolean {
  return e - s <= 6 && ATTACK_ID.test(text.slice(s, e));
}
