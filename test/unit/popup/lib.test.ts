import { describe, expect, it, vi } from 'vitest';
import type { EntityKind } from '../../../src/core/model/entity';
import { draftFromPage, orderedPair, toNewClaim, validateDraft } from '../../../src/popup/lib/claim-draft';
import { groupSpotted, knownOnPage } from '../../../src/popup/lib/spotted';
import { DEMO_REPORT, PAGE } from './fixtures';
import { writingDirection } from '../../../src/popup/lib/format';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));

describe('popup lib', () => {
  it('starts a claim with the threat actor first, as "uses" reads, and leaves two of a kind as they came', () => {
    const named = (id: string, kind: EntityKind) => ({ id, kind });
    const [trickbot, lazarus, ta505, dridex] = [named('trickbot', 'malware'), named('lazarus-group', 'actor'), named('ta505', 'actor'), named('dridex', 'malware')];
    expect(orderedPair(trickbot, lazarus)).toEqual([lazarus, trickbot]);
    expect(orderedPair(lazarus, trickbot)).toEqual([lazarus, trickbot]);
    expect(orderedPair(ta505, lazarus)).toEqual([ta505, lazarus]);
    expect(orderedPair(trickbot, dridex)).toEqual([trickbot, dridex]);
    expect(orderedPair(trickbot, undefined)).toEqual([trickbot, undefined]);
  });

  it('groups spotted entities by kind in prominence order, possible actors last', () => {
    const groups = groupSpotted(DEMO_REPORT);
    expect(groups.map((g) => [g.kind, g.items.map((i) => `${i.name}:${i.count}`)])).toEqual([
      ['actor', ['Lazarus Group:4', 'TA505:2']],
      ['malware', ['TrickBot:6', 'Dridex:1']],
      ['possible', ['UNC9999:1']],
    ]);
    expect(groups[0]!.items[0]!.surfaces).toEqual(['HIDDEN COBRA']);
    expect(knownOnPage(DEMO_REPORT).map((i) => i.entityId)).toEqual(['trickbot', 'lazarus-group', 'ta505', 'dridex']);
    expect(knownOnPage(null)).toEqual([]);
  });

  it('validates drafts and keeps "unspecified" confidence absent, never 0', () => {
    const draft = draftFromPage(PAGE, { id: 'a', name: 'A' }, { id: 'b', name: 'B' });
    expect(validateDraft(draft)).toEqual({});
    expect(validateDraft({ ...draft, to: { id: 'a', name: 'A' } })).toEqual({ to: 'same' });
    expect(validateDraft({ ...draft, url: 'javascript:alert(1)' })).toEqual({ url: 'url' });
    expect(validateDraft({ ...draft, url: 'https://' })).toEqual({ url: 'url' });
    expect(validateDraft({ ...draft, url: '\u200b' })).toEqual({});
    expect(validateDraft({ ...draft, from: undefined, title: ' ' })).toEqual({ from: 'required', title: 'required' });
    const claim = toNewClaim(draft, PAGE.url);
    expect(claim).not.toHaveProperty('confidence');
    expect(claim.quote).toEqual(PAGE.selection);
    expect(toNewClaim({ ...draft, confidence: 'almostCertain' }).confidence).toBe(95);
  });

  it('stores a source address copied with invisible characters as the address it shows', () => {
    const draft = draftFromPage(PAGE, { id: 'a', name: 'A' }, { id: 'b', name: 'B' });
    // A zero-width space, a soft hyphen and a word joiner, as pages put them inside long words for line breaking.
    const copied = ' https://www.example.org/re\u200bports/lazarus-\u00adtrick\u2060bot ';
    expect(validateDraft({ ...draft, url: copied })).toEqual({});
    expect(toNewClaim({ ...draft, url: copied }).source.url).toBe('https://www.example.org/reports/lazarus-trickbot');
    expect(toNewClaim({ ...draft, url: '\u200b' }).source).not.toHaveProperty('url');
  });
});

describe('writingDirection', () => {
  it('reads a passage by its first letter: Hebrew and Arabic right to left, even when a Latin name comes later', () => {
    expect(writingDirection('הקבוצה Dune Falcon הפעילה')).toBe('rtl');
    expect(writingDirection('«ويستخدم» Sand Kite')).toBe('rtl');
    expect(writingDirection('2023: Lazarus Group, وفق التقرير')).toBe('ltr');
    expect(writingDirection('— 42 —')).toBe('ltr');
  });
});
