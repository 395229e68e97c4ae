/**
 * Session 24, helper L: BI.ZONE's "<Name> Werewolf" and Kaspersky's "<Name> Likho" with a common word as the name
 * ("Shadow Werewolf"), and the head of such a name given as its alias right after it. Sentences written here, names
 * made up where they could be.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';

await loadEnglishWords();
const m = createMatcher(compileDictionary(bundledDataset().entities, { version: 'probe-leftovers-scheme-heads' }));
const found = (text: string) => m.match(text).map((x: Match) => `${x.text}:${x.kind}`);

const SECURITY = 'The intruders used phishing to install a backdoor, stole credentials and exfiltrated mail from the ministry.\n\n';

describe('a common word before Werewolf or Likho', () => {
  it('is a crew on a security page', () => {
    expect(found(SECURITY + 'Summit Werewolf sent the lures to three airports.')).toEqual(['Summit Werewolf:actor']);
    expect(found(SECURITY + 'Our team also saw Sage Likho reuse the same servers.')).toEqual(['Sage Likho:actor']);
  });
  it('not before other scheme words, not a function word, not off a security page', () => {
    expect(found(SECURITY + 'A Summit Panda toy stood on the desk of the analyst.')).toEqual([]);
    expect(found(SECURITY + 'Every Werewolf in the game howls at night.')).toEqual([]);
    expect(found('The film Summit Werewolf opens on Friday in forty cinemas.')).toEqual([]);
  });
});

describe('"<Head> <Scheme>, also known as <Head>"', () => {
  it('the head is the crew at that mention, not at the ordinary word elsewhere', () => {
    expect(found(SECURITY + 'Summit Werewolf, also known as Summit, sent the lures.\n\nSummit talks were held in Geneva. Summit images were taken.')).toEqual(['Summit Werewolf:actor', 'Summit:actor']);
  });
  it('not the head of another name', () => {
    expect(found(SECURITY + 'Summit Werewolf, also known as Sage, sent the lures.')).toEqual(['Summit Werewolf:actor']);
  });
});
