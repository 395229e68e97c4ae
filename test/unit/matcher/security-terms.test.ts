/**
 * nextSecurityTerm tries the whole term expression only where a shorter one finds a possible start (a page's
 * security context depends on it): it must find exactly what SECURITY_RE finds, case-insensitively as `i` without
 * `u` compares, including the characters whose case mapping lands on a term's letters (ſ, the Kelvin sign, the
 * Cyrillic letter variants of U+1C80–1C88). Guards any faster search for the starts.
 */
import { describe, expect, it } from 'vitest';
import { hasSecurityContext } from '../../../src/core/matcher/index';
import { KNOWN_TERM_STARTS, nextSecurityTerm, SECURITY_RE, termStarts } from '../../../src/core/matcher/ambiguity';
import { rng } from '../../../scripts/lib/rng';

const reference = new RegExp(SECURITY_RE.source, SECURITY_RE.flags);
function expected(t: string, from: number): [number, string] | null {
  reference.lastIndex = from;
  const m = reference.exec(t);
  return m ? [m.index, m[0]] : null;
}
function actual(t: string, from: number): [number, string] | null {
  const m = nextSecurityTerm(t, from);
  return m ? [m.index, m[0]] : null;
}

const WORDS = [
  'malware', 'Ransomware', 'RANSOM', 'c2', 'C2', 'c&c', 'APT29', 'apt', 'trojans', 'spear-phishing', 'spearphishing',
  'cve-2021-44228', 'cyber attack', 'zero-days', 'threat actors', 'command-and-control', 'hackergruppe', 'hameçonnage',
  'вредоносное', 'Хакеры', 'программа-вымогатель', 'фишинговые', 'кибератака', '恶意软件', '勒索病毒', 'マルウェア', 'ハッカー',
  '악성코드', '사이버 공격', 'company', 'malt', 'ransom', 'thread', 'communal', 'profile', 'prose', 'инфраструктура', 'программа',
];
const GLUE = [' ', ' ', ' ', '-', '_', '.', ', ', '\n', '7', 'x', 'é', '’', '\u00a0', ''];

/** Letters of the expression, and every code unit whose case mapping leads to or from one of them. */
function lookalikes(): string[] {
  const letters = new Set([...SECURITY_RE.source].filter((ch) => /\p{L}/u.test(ch)));
  const upper = new Set([...letters].map((ch) => ch.toUpperCase()));
  const out = new Set<string>();
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (letters.has(ch) || upper.has(ch.toUpperCase()) || letters.has(ch.toLowerCase())) out.add(ch);
  }
  return [...out];
}

describe('security terms are found as their expression finds them', () => {
  const odd = lookalikes();
  it('knows the lookalike letters', () => {
    expect(odd).toEqual(expect.arrayContaining(['\u017f', '\u212a', '\u1c80', 'в', 'В']));
  });

  it('from the term starts written out in ambiguity.ts, which are those the terms give (else: write this value there)', () => {
    expect({ source: SECURITY_RE.source, ...termStarts() }).toEqual(KNOWN_TERM_STARTS);
  });
  it('on random texts of terms, near misses, lookalike letters and glue, from every offset', () => {
    const r = rng(19);
    const pick = <T,>(a: readonly T[]): T => a[Math.floor(r() * a.length)] as T;
    let hits = 0;
    for (let doc = 0; doc < 200; doc++) {
      let t = '';
      const pieces = 5 + Math.floor(r() * 40);
      for (let k = 0; k < pieces; k++) {
        let w = pick(WORDS);
        // random case, and now and then a lookalike letter in place of one of the word's
        w = [...w].map((ch) => (r() < 0.3 ? ch.toUpperCase() : ch)).join('');
        if (r() < 0.3) {
          const at = Math.floor(r() * w.length);
          w = w.slice(0, at) + pick(odd) + w.slice(at + 1);
        }
        if (r() < 0.2) w = w.slice(0, 1 + Math.floor(r() * w.length));
        t += w + pick(GLUE);
      }
      for (let from = 0; from <= t.length; ) {
        const e = expected(t, from);
        expect(actual(t, from), `${JSON.stringify(t)} from ${from}`).toEqual(e);
        if (!e) break;
        hits++;
        from = e[0] + e[1].length;
      }
      for (let from = 0; from <= t.length; from++) expect(actual(t, from), `${JSON.stringify(t)} from ${from}`).toEqual(expected(t, from));
    }
    expect(hits).toBeGreaterThan(1000);
  });

  it('asked out of order and alternately about different texts (what an earlier search found is not reused wrongly)', () => {
    const r = rng(23);
    const texts = [
      'A quiet page about the harbour. '.repeat(40) + 'Then malware and 恶意软件 and вредоносное ПО.',
      'вредоносное ПО и фишинг; phishing and a backdoor. '.repeat(5),
      // the same length as the first, other hits: told apart by their text, not their length
      'A quiet page about the harbour. '.repeat(40) + 'Then mulware and 恶意软件 and вредоносное ПО.',
      'A quiet page about the harbour. '.repeat(40) + 'Then malware and 恶意软件 and бредоносное ПО.',
      '恶意软件'.repeat(3) + ' ransomware',
    ];
    for (let q = 0; q < 3000; q++) {
      const t = texts[Math.floor(r() * texts.length)] as string;
      const from = Math.floor(r() * (t.length + 1));
      expect(actual(t, from), `${JSON.stringify(t.slice(-40))} from ${from}`).toEqual(expected(t, from));
      // the same text again from just past its hit, as the callers go on
      const e = expected(t, from);
      if (e) expect(actual(t, e[0] + 1)).toEqual(expected(t, e[0] + 1));
    }
  });

  it('with each letter of a term replaced by each of its lookalikes, mid-word and at a word start', () => {
    let found = 0;
    for (const w of WORDS) {
      for (let at = 0; at < w.length; at++) {
        const ch = w[at] as string;
        for (const x of odd) {
          if (x.toUpperCase() !== ch.toUpperCase() && x.toLowerCase() !== ch.toLowerCase()) continue;
          const v = w.slice(0, at) + x + w.slice(at + 1);
          for (const t of [v, `a ${v} b`, `a${v}`, `${v}${v}`]) {
            for (let from = 0; from <= t.length; from++) expect(actual(t, from), `${JSON.stringify(t)} from ${from}`).toEqual(expected(t, from));
            if (expected(t, 0)) found++;
          }
        }
      }
    }
    expect(found).toBeGreaterThan(500);
  });

  it('a page is read as a security page by its vocabulary, in Russian too, and not by look-alike words', () => {
    const ru = 'Эксперты обнаружили вредоносное ПО. Хакеры рассылали фишинговые письма. Затем кибератака затронула банки. ';
    expect(hasSecurityContext(ru.repeat(3))).toBe(true);
    const near = 'The company profile praised the communal ransom of a medieval king and the malt of the region. ';
    expect(hasSecurityContext(near.repeat(3))).toBe(false);
  });
});
