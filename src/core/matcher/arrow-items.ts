/**
 * A chain of an attack written with arrows ("Ivanti zero-day → BRUSHFIRE and SPAWNCHIMERA", "js -> msi ->
 * DuskBramble"): notes, tickets and timelines name what each step dropped by its name alone. A word of a coined shape
 * right after an arrow, and a second such word joined to it by "and", "or" or a comma, is read as possible malware on
 * a page with security context (match.ts, after the pass). Coined means: two or three capitalised parts or digits
 * inside the letters (listed-families.ts listedFamilyWord), or capitals only, at least six letters and no English
 * word ("→ CONFIRMED", "-> SYSTEM" are not); the possible-malware name tests still apply (malwareNameOk: no platform,
 * product, vendor, API function or file name). Arrow chains between known names are the neighbour rule's
 * (listedWithSpotted).
 */
import { isEnglishWord } from './english-words';
import { coinedShape } from './malware-namings';
import { listedFamilyWord } from './listed-families';
import { CLS, C_WORD, classify } from './normalize';

const cls = (c: number): number => CLS[c] || classify(c);
/** An arrow and the spaces after it. */
const ARROW = /(?:\u2192|\u27f6|\u21d2|\u2794|\u279c|-{1,2}>|=>)[ \u00a0]*/g;
/** The joint to a second item: "and", "or", a comma. */
const JOINT = /^(?:[ \u00a0]*,[ \u00a0]*(?:(?:and|or)[ \u00a0]+)?|[ \u00a0]+(?:and|or)[ \u00a0]+)/;

function wordEnd(t: string, a: number): number {
  let b = a;
  while (b < t.length && cls(t.charCodeAt(b)) & C_WORD) b++;
  return b;
}

/** May the word [a, b) after an arrow be a family's coined name? */
function coinedItem(t: string, a: number, b: number): boolean {
  const shape = coinedShape(t, a, b);
  if (shape === 'caps') return b - a >= 6 && /^[A-Z]+$/.test(t.slice(a, b)) && !isEnglishWord(t.slice(a, b).toLowerCase());
  return (shape === 'camel' || shape === 'digit') && listedFamilyWord(t, a, b, shape);
}

/** Spans [start, end) of `t` that name families after an arrow; `nameOk` is the possible-malware name test. */
export function arrowItems(t: string, nameOk: (a: number, b: number) => boolean): [number, number][] {
  const spans: [number, number][] = [];
  // is there an arrow at all: searches for single strings, faster than one expression of the seven (1 MB: 0.8 → 0.4 ms
  // warm, 5 → 0.5 ms on its first run in a page)
  if (!((t.includes('>') && (t.includes('->') || t.includes('=>'))) || t.includes('\u2192') || t.includes('\u27f6') || t.includes('\u21d2') || t.includes('\u2794') || t.includes('\u279c'))) return spans;
  ARROW.lastIndex = 0;
  for (let m = ARROW.exec(t); m; m = ARROW.exec(t)) {
    const a = m.index + m[0].length;
    // "->" inside an identifier or an operator chain ("a->b", "x => y") is code: a space or an arrow glyph before
    if (m[0].startsWith('-') || m[0].startsWith('=')) {
      const before = t.charCodeAt(m.index - 1);
      if (!(before === 32 || before === 160) || a === m.index + m[0].replace(/[ \u00a0]+$/, '').length) continue;
    }
    const b = wordEnd(t, a);
    if (b === a || !coinedItem(t, a, b) || !nameOk(a, b)) continue;
    spans.push([a, b]);
    const j = JOINT.exec(t.slice(b, b + 10));
    if (!j) continue;
    const c = b + j[0].length;
    const d = wordEnd(t, c);
    if (d > c && coinedItem(t, c, d) && nameOk(c, d)) spans.push([c, d]);
  }
  return spans;
}
