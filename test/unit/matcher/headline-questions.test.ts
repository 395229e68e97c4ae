/**
 * Session 23, helper M: a sentence-case headline opening on a question word ("How X encrypts…", a blog's list of
 * posts) has its name inside a sentence, as after "So" or "When" (ambiguity.ts sentenceOpener). Texts written for
 * these tests; Quarry is a made-up crew.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const matcher = createMatcher(compileDictionary([{ ...e('quarry', 'ransomware', 'Quarry'), nameAmbiguous: true }], { version: 'headline-questions' }));
const spots = (text: string, ctx: boolean) =>
  matcher
    .match(text, { securityContext: ctx })
    .filter((m) => m.entityId === 'quarry')
    .map((m) => m.text);

const PAGE = 'Our incident response team handled four ransomware cases this month; the malware and the leak sites are described below.\n';

describe('a question word opening a sentence-case headline', () => {
  it('"How Quarry encrypts…" in a list of posts on a security page', () => {
    expect(spots(`${PAGE}More from the blog\nHow Quarry encrypts NAS boxes in under five minutes\nOur year in review`, true)).toEqual(['Quarry']);
    expect(spots(`${PAGE}Why Quarry affiliates keep coming back to old VPN flaws`, true)).toEqual(['Quarry']);
  });
  it('not in a Title Case headline, nor on a page without security context', () => {
    expect(spots(`${PAGE}How Quarry Encrypts NAS Boxes`, true)).toEqual([]);
    expect(spots('More from the blog\nHow Quarry stone is cut for kitchen worktops\nOur year in review', false)).toEqual([]);
  });
});
