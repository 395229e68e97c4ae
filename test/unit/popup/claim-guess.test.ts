/** The claim form's first guess from a selected passage (claim-guess.ts). Passages written for the tests. */
import { describe, expect, it } from 'vitest';
import { guessClaim } from '../../../src/popup/lib/claim-guess';

/** The guess for a passage whose two names are `a` then `b`. */
function guess(passage: string, a: string, b: string) {
  const aStart = passage.indexOf(a);
  const aEnd = aStart + a.length;
  const bStart = passage.indexOf(b, aEnd);
  return guessClaim(passage, aStart, aEnd, bStart, bStart + b.length);
}

describe('the relation a passage states between its two names', () => {
  it.each([
    ['Lazarus buys access from TrickBot operators', 'Lazarus', 'TrickBot', 'obtains-access-from', false],
    ['Emotet sold access to Conti affiliates', 'Emotet', 'Conti', 'sells-access-to', false],
    ['TrickBot was used by Wizard Spider in 2020', 'TrickBot', 'Wizard Spider', 'uses', true],
    ['Wizard Spider deployed TrickBot against hospitals', 'Wizard Spider', 'TrickBot', 'uses', false],
    ['Dridex was developed by Evil Corp', 'Dridex', 'Evil Corp', 'develops', true],
    ['Evil Corp wrote Dridex', 'Evil Corp', 'Dridex', 'develops', false],
    ['Clop is operated by TA505', 'Clop', 'TA505', 'operates', true],
    ['the intrusion set was attributed to APT28', 'intrusion set', 'APT28', 'attributed-to', false],
    ['Conti rebranded as Black Basta', 'Conti', 'Black Basta', 'succeeded-by', false],
    ['Andariel shares code with Lazarus', 'Andariel', 'Lazarus', 'shares-code-with', false],
    ['Kimsuky shared infrastructure with Konni', 'Kimsuky', 'Konni', 'shares-infrastructure-with', false],
    ['APT41 overlaps with Winnti', 'APT41', 'Winnti', 'overlaps-with', false],
    ['TA505 worked with Lazarus', 'TA505', 'Lazarus', 'affiliated-with', false],
    ['Dridex is linked to Lazarus', 'Dridex', 'Lazarus', 'affiliated-with', false],
  ])('%s', (passage, a, b, relation, swap) => {
    expect(guess(passage, a, b)).toEqual({ relation, swap, stance: 'supports' });
  });
});

describe('the verb outside the two names', () => {
  it.each([
    ['Analysts tied Dridex to Lazarus', 'Dridex', 'Lazarus', 'affiliated-with'],
    ['The report linked TA505 with Clop', 'TA505', 'Clop', 'affiliated-with'],
    ['Researchers attributed the intrusion to APT28', 'intrusion', 'APT28', 'attributed-to'],
    ['Andariel and Lazarus share much of their code', 'Andariel', 'Lazarus', 'shares-code-with'],
    ['Kimsuky and Konni shared infrastructure in 2023', 'Kimsuky', 'Konni', 'shares-infrastructure-with'],
    ['APT41 and Winnti overlap heavily', 'APT41', 'Winnti', 'overlaps-with'],
    ['TA505 and Lazarus are closely linked', 'TA505', 'Lazarus', 'affiliated-with'],
  ])('%s', (passage, a, b, relation) => {
    expect(guess(passage, a, b)).toEqual({ relation, swap: false, stance: 'supports' });
  });
  it('a denial after the two names refutes', () => {
    expect(guess('Dridex and Lazarus are not linked. Some said so.', 'Dridex', 'Lazarus')).toEqual({ relation: 'affiliated-with', swap: false, stance: 'refutes' });
  });
  it('a verb before the names that is not about them proposes nothing', () => {
    expect(guess('Analysts tied Dridex, Emotet and Lazarus', 'Dridex', 'Lazarus')).toBeUndefined();
  });
});

describe('stance', () => {
  it('a denial refutes the link', () => {
    expect(guess('Dridex is not linked to Lazarus', 'Dridex', 'Lazarus')).toEqual({ relation: 'affiliated-with', swap: false, stance: 'refutes' });
    expect(guess('Researchers found no evidence that TA505 worked with Lazarus', 'TA505', 'Lazarus')?.stance).toBe('refutes');
    // a denial in an earlier sentence of the passage is about something else
    expect(guess('This is not new. TA505 worked with Lazarus', 'TA505', 'Lazarus')?.stance).toBe('supports');
    expect(guess('TA505 never worked with Lazarus', 'TA505', 'Lazarus')?.stance).toBe('refutes');
    expect(guess('TrickBot wasn’t used by Lazarus', 'TrickBot', 'Lazarus')).toEqual({ relation: 'uses', swap: true, stance: 'refutes' });
  });
  it('a link that ended, or "not only", is no denial', () => {
    expect(guess('Emotet no longer delivers TrickBot', 'Emotet', 'TrickBot')?.stance).toBe('supports');
    expect(guess('Lazarus not only uses TrickBot', 'Lazarus', 'TrickBot')?.stance).toBe('supports');
  });
});

describe('no guess', () => {
  it('where the words between say nothing recognised, or are too many for one statement', () => {
    expect(guess('Lazarus and TrickBot', 'Lazarus', 'TrickBot')).toBeUndefined();
    expect(guess(`Lazarus ${'and then the story went on '.repeat(6)}uses TrickBot`, 'Lazarus', 'TrickBot')).toBeUndefined();
  });
});
