/**
 * Chinese, Japanese and Korean write Latin names glued to their own words, with no space ("Lazarus Groupが",
 * "利用TrickBot木马", "TrickBot을"). Read as one word with its neighbours, such a name was never spotted: a Japanese,
 * Chinese or Korean security page got no highlights at all. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, compilePrefilter, createMatcher, createPrefilter, hasSecurityContext } from '../../../src/core/matcher/index';
import { codePatternAt } from '../../../src/core/matcher/patterns';
import { ENTITIES } from './fixtures';

const matcher = createMatcher(compileDictionary(ENTITIES));
const found = (t: string) => matcher.match(t).map((m) => `${t.slice(m.start, m.end)}=${m.entityId}`);

describe('names in Chinese, Japanese and Korean text', () => {
  it('are spotted where they touch the words around them, with exact spans', () => {
    expect(found('攻撃者グループLazarus Groupが、マルウェアTrickBotを使用してEmotetに感染させた。')).toEqual(['Lazarus Group=lazarus', 'TrickBot=trickbot', 'Emotet=emotet']);
    expect(found('黑客组织Lazarus Group利用TrickBot木马和Emotet恶意软件进行网络攻击，APT29也参与其中。')).toEqual(['Lazarus Group=lazarus', 'TrickBot=trickbot', 'Emotet=emotet', 'APT29=apt29']);
    expect(found('해커 그룹 Lazarus Group은 TrickBot을 사용했다. 랜섬웨어와 악성코드를 유포했다.')).toEqual(['Lazarus Group=lazarus', 'TrickBot=trickbot']);
  });

  it('get past the prefilter the content script asks first', () => {
    const prefilter = createPrefilter(compilePrefilter(compileDictionary(ENTITIES)));
    expect(prefilter.mayMatch('マルウェアTrickBotを使用した。')).toBe(true);
    expect(prefilter.mayMatch('TrickBot을 사용했다.')).toBe(true);
    expect(prefilter.mayMatch('今日は晴れです。散歩に行きました。')).toBe(false);
  });

  it('read security vocabulary in those languages as page context', () => {
    expect(hasSecurityContext('研究人员发现，黑客组织通过网络钓鱼邮件投递恶意软件，随后部署勒索软件。')).toBe(true);
    expect(hasSecurityContext('攻撃グループはフィッシングメールでマルウェアを送り、最後にランサムウェアを実行した。')).toBe(true);
    // a cooking column: fishing, a wooden horse and a back door are not security words
    expect(hasSecurityContext('周末我们去河边钓鱼，孩子们在公园骑木马，然后从后门回家做饭。我们还做了红烧鱼和米饭。')).toBe(false);
  });

  it('keep the rules for ordinary-word names: a word-like name needs context there too', () => {
    // "Silence" and "Cobalt" are ordinary words: in a Japanese music column they stay unspotted
    expect(found('この曲のタイトルはSilenceで、ジャケットはCobaltブルーの写真だった。')).toEqual([]);
  });

  it('end a code-scheme name at the next CJK character, not inside a file name', () => {
    const t = '新しいグループTA4903は活動を続けている。';
    const at = t.indexOf('TA4903');
    expect(codePatternAt(t, at)?.end).toBe(at + 'TA4903'.length);
    expect(codePatternAt('TA4903.exe', 0)).toBeUndefined();
    expect(codePatternAt('TA49035', 0)).toBeUndefined();
  });
});
