/**
 * spaceRuleNames tries the rule-name expression only where a rule name can start (an opener's length before an
 * underscore) instead of searching the whole text: it must read exactly the rule names a search of the whole text
 * reads (the replace it stands for), with the same offsets. Guards any faster search for them.
 */
import { describe, expect, it } from 'vitest';
import { RULE_NAME, spaceRuleNames } from '../../../src/core/matcher/detection-names';
import { rng } from '../../../scripts/lib/rng';

const GLUED_BEFORE = /[.:/\\@$-]/;
/** The whole-text replace spaceRuleNames stands for. */
function reference(text: string): string {
  return text.replace(new RegExp(RULE_NAME.source, 'g'), (r: string, at: number) => (at > 0 && GLUED_BEFORE.test(text.charAt(at - 1)) ? r : r.replace(/_/g, ' ')));
}

describe('spaceRuleNames reads the rule names a whole-text search reads', () => {
  it('rule names anywhere in a text, not those glued to a path or a dotted name', () => {
    const t = 'alerts: Win_Trojan_Emotet_2 and MAL_Lumma_Stealer_Mar25, c:\\rules\\/MAL_X_Y, x.Win_A_B, Ransomware_Win64_Akira_Encryptor';
    expect(spaceRuleNames(t)).toBe('alerts: Win Trojan Emotet 2 and MAL Lumma Stealer Mar25, c:\\rules\\/MAL_X_Y, x.Win_A_B, Ransomware Win64 Akira Encryptor');
    expect(spaceRuleNames(t)).toBe(reference(t));
    expect(spaceRuleNames('no rule names here')).toBe('no rule names here');
    expect(spaceRuleNames('snake_case_words and __init__')).toBe('snake_case_words and __init__');
  });

  it('the same text as the whole-text search on random mixes of openers, underscores, words and separators', () => {
    const parts = ['MAL', 'APT', 'Ransomware', 'Ransom', 'Win32', 'Win', 'Windows_Trojan_', 'ELF', 'Troj', 'x', 'Emotet', '2', '_', '_', '__', '_Y2', ' ', '.', '/', '@', '-', '\\', 'é', '\n'];
    const r = rng(25);
    let spaced = 0;
    const differ: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      let t = '';
      for (let i = 1 + Math.floor(r() * 24); i > 0; i--) t += parts[Math.floor(r() * parts.length)] as string;
      const want = reference(t);
      if (want !== t) spaced++;
      if (spaceRuleNames(t) !== want) differ.push(t);
    }
    expect(differ).toEqual([]);
    // the mixes hold rule names, not only texts left as they are
    expect(spaced).toBeGreaterThan(300);
  });
});
