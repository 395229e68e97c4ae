/**
 * A threat's word-like name followed by a word that ends a product's name ("Phoenix XDR", "Phoenix Manager 3.x",
 * "Phoenix SOAR playbooks", "Hive Connector") is that product (audit B2): a security vendor's blog, advisory or release
 * notes names its own products so, next to the security words that would otherwise confirm the name as the threat.
 * The company words of ordinary-namings.ts companyName are the same idea for firms. A product word is never part of
 * a threat's name the dictionary does not hold whole (its longer name, if it had one, is matched first); "Framework",
 * "Server", "Loader", "Builder" and the like are left out: C2 frameworks and their parts are named so.
 */

import { once } from './once';

const PRODUCT_WORDS = new Set([
  'XDR', 'EDR', 'MDR', 'NDR', 'SIEM', 'SOAR', 'SASE', 'CASB', 'SDK', 'CRM', 'ERP', 'IDE',
  'Manager', 'Suite', 'Platform', 'Console', 'Studio', 'Enterprise', 'Edition', 'Pro', 'Connector', 'Integration', 'Dashboard', 'Analytics',
]);
/** The capitalised word after the name, one space apart, and what follows it. */
const PRODUCT_AFTER = once(() => /^[ \u00a0]([A-Z][A-Za-z]{1,11})(?![\p{L}\p{N}_-])/u);

/** Is the name ending at e the first word of a product's name? */
export function productName(text: string, e: number): boolean {
  const c = text.charCodeAt(e);
  if (c !== 32 && c !== 0xa0) return false;
  // a capital after the space: most names stop here
  const d = text.charCodeAt(e + 1);
  if (d < 65 || d > 90) return false;
  const m = PRODUCT_AFTER().exec(text.slice(e, e + 14));
  return !!m && PRODUCT_WORDS.has(m[1] as string);
}

/**
 * Session 18: a security vendor's product line, the vendor's name and then a word-like name ("SentinelOne Singularity
 * blocked every sample", "Trellix Helix"): a product comparison or a vendor's release notes. The name before it is
 * asked only for a threat's software (the caller): vendors name their research on an actor so ("the Mandiant
 * Sandworm findings"), and their research on software is followed by what it is ("the ESET Turla report", "the
 * Kaspersky Phoenix analysis"): those words, or a cue, keep the name the threat.
 */
const RESEARCH_AFTER = once(() => /^[ \u00a0](?:reports?|research|findings|advisory|advisories|brief|briefing|analysis|analyses|write-?ups?|blogs?|posts?|papers?|whitepapers?|profiles?|attribution|tracking|coverage|IOCs?|indicators|rules?|signatures?|detections?|samples?|hunting|telemetry|team|researchers?|report['\u2019]s)(?![\p{L}\p{N}_-])/iu);

/** Is the name at [s, e) a product of the security vendor whose name stands right before it? `vendor`: is the word a vendor's? */
export function vendorProductLine(text: string, s: number, e: number, vendor: (text: string, s: number) => boolean): boolean {
  const c = text.charCodeAt(s - 1);
  if (c !== 32 && c !== 0xa0) return false;
  return vendor(text, s) && !RESEARCH_AFTER().test(text.slice(e, e + 16));
}

/** A project of one's own after the name, one word between at most: "the Phoenix C2 prototype", "a Phoenix demo". */
const PROTOTYPE_AFTER = once(() => /^[ \u00a0](?:[\p{L}\p{N}]{1,12}[ \u00a0])?(?:prototypes?|demo|mock-?ups?|MVP|proof[ \u00a0-]of[ \u00a0-]concept)(?![\p{L}\p{N}_-])/u);

/**
 * Is the name ending at e a prototype's name ("the Phoenix C2 prototype", "our Phoenix demo")? A student's or a
 * lab's project named after an ordinary word; a threat's early build is said with a cue ("an early Royal ransomware
 * prototype"), which keeps the name the threat (the caller asks for it).
 */
export function prototypeName(text: string, e: number): boolean {
  const c = text.charCodeAt(e);
  return (c === 32 || c === 0xa0) && PROTOTYPE_AFTER().test(text.slice(e, e + 40));
}

/** "the next" right before a name (built once: a literal in nextModel was a new object per candidate). */
const NEXT_BEFORE = once(() => /(?:^|[^\p{L}])the[ \u00a0]+next[ \u00a0]+$/iu);
/** "confirmed the next", "unveiled the next": a maker announcing its next model. */
const ANNOUNCED_NEXT = once(() => /(?:^|[^\p{L}])(?:confirmed|announced|unveiled|revealed|teased|previewed|introduced|launched|showed|showcased)[ \u00a0]+the[ \u00a0]+next[ \u00a0]+$/iu);
/** "the next X will arrive in", "is due to go on sale next": a model's launch date. */
const LAUNCHED_AFTER = once(
  () => /^[ \u00a0]+(?:will|is[ \u00a0]+(?:due|set|expected)[ \u00a0]+to|should)[ \u00a0]+(?:arrive|launch|debut|ship|go[ \u00a0]+on[ \u00a0]+sale|hit[ \u00a0]+(?:showrooms|shelves|stores|the[ \u00a0]+market))[ \u00a0]+(?:in|next|this|later|early|by|from)(?![\p{L}\p{N}_-])/iu,
);
/** After an announced "the next X": the sentence goes on with a verb or ends ("the next X will…", "the next X."), no noun a threat's compound would take ("the next X wave"). */
const VERB_OR_END_AFTER = once(() => /^(?:[.,;:!?]|[ \u00a0]+(?:will|would|is|was|arrives|goes|gets|has|should|could|may|and|in|at|on)(?![\p{L}\p{N}_-]))/iu);

/**
 * Is the name [s, e) a maker's next model: "Cardlow confirmed the next Phoenix will arrive in 2027", "the next
 * Phoenix is due to go on sale next spring"? "The next X" of a threat is a prediction ("the next Mirai could take
 * down…", "the next WannaCry"), which neither a maker's announcing verb nor a launch date goes with; a cue next to
 * the name keeps it the threat (the caller).
 */
export function nextModel(text: string, s: number, e: number): boolean {
  // "next" and a space right before the name: every other name stops here
  let k = s - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0xa0)) k--;
  if (k === s - 1 || (text.charCodeAt(k) | 32) !== 116) return false;
  const before = text.slice(Math.max(0, s - 40), s);
  if (!NEXT_BEFORE().test(before)) return false;
  const after = text.slice(e, e + 60);
  return (ANNOUNCED_NEXT().test(before) && VERB_OR_END_AFTER().test(after)) || LAUNCHED_AFTER().test(after);
}
