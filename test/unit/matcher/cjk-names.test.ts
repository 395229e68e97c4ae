/**
 * Names written wholly in Chinese, Japanese or Korean script (cjk-names.ts). The trie matcher reads those scripts as
 * no part of a word, so such a name (a MISP synonym, a reader's import) was compiled into nothing: a Japanese article
 * writing ラザルス got no highlight for it, even with the name imported. Sentences written for these tests; the names
 * are the ones a reader would import (transcriptions of Lazarus), on a made-up entity.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/model/entity';
import { compileDictionary, compilePrefilter, createMatcher, createPrefilter, parseDictionary } from '../../../src/core/matcher/index';

const ENTITIES: Entity[] = [
  {
    id: 'quokka',
    kind: 'actor',
    name: 'Quokka Team',
    aliases: [{ name: 'ラザルス' }, { name: '拉撒路' }, { name: '라자루스' }, { name: '拉撒路组' }],
    provenance: ['misp:threat-actor'],
  },
  { id: 'wolfbane', kind: 'malware', name: '狼毒草', aliases: [], provenance: ['misp:threat-actor'] },
  // Two characters: too often a part of an ordinary word to be looked for.
  { id: 'short', kind: 'actor', name: 'Shorty', aliases: [{ name: '海莲' }], provenance: ['misp:threat-actor'] },
];
const dict = compileDictionary(ENTITIES);
const matcher = createMatcher(dict);
const found = (t: string) => matcher.match(t).map((m) => `${t.slice(m.start, m.end)}=${m.entityId}`);

describe('names in Chinese, Japanese or Korean script', () => {
  it('are spotted in text without spaces, with exact spans, on a page about security', () => {
    expect(found('北朝鮮の攻撃グループ「ラザルス」はマルウェアで暗号資産交換所を攻撃した。ラザルスの活動は続く。')).toEqual(['ラザルス=quokka', 'ラザルス=quokka']);
    // the longer of two names starting alike wins (拉撒路组 over 拉撒路)
    expect(found('研究人员发现黑客组织拉撒路组利用恶意软件发动网络攻击，狼毒草也很活跃。')).toEqual(['拉撒路组=quokka', '狼毒草=wolfbane']);
    // Korean glues its particles to the name
    expect(found('보안 연구원들은 해커 조직 라자루스가 새로운 악성코드를 사용했다고 밝혔다.')).toEqual(['라자루스=quokka']);
  });

  it('read half-width katakana as full-width, with the span of what is written', () => {
    const text = 'マルウェアを使うﾗｻﾞﾙｽの攻撃グループが確認された。';
    const m = matcher.match(text);
    expect(m.map((x) => [text.slice(x.start, x.end), x.entityId, x.alias])).toEqual([['ﾗｻﾞﾙｽ', 'quokka', 'ラザルス']]);
  });

  it('read half-width katakana wherever it stands: after a name written full-width, and within a name begun so', () => {
    // The text is read once for names and half-width katakana together; half-width katakana after a name already
    // found, or after a name's full-width first characters (ラザﾙｽ), must still be read as full-width.
    const text = 'マルウェアを使うラザルスと、ﾗｻﾞﾙｽと、ラザﾙｽの攻撃グループが確認された。';
    const m = matcher.match(text);
    expect(m.map((x) => [text.slice(x.start, x.end), x.alias])).toEqual([
      ['ラザルス', 'ラザルス'],
      ['ﾗｻﾞﾙｽ', 'ラザルス'],
      ['ラザﾙｽ', 'ラザルス'],
    ]);
  });

  it('are not spotted inside a longer kana or hangul word, nor without security context', () => {
    expect(found('攻撃グループのパラザルスとラザルスト、マルウェアを調べた。')).toEqual([]);
    expect(found('악성코드를 쓴 그룹은 모라자루스였다.')).toEqual([]);
    // the Gospel's Lazarus in a church newsletter: no security words
    expect(found('复活节的讲道讲到了拉撒路的故事，孩子们唱了赞美诗。')).toEqual([]);
    // a name of two ideographs is not looked for at all
    expect(found('黑客组织海莲利用恶意软件发动攻击。')).toEqual([]);
  });

  it("follow the reader's suppressed terms", () => {
    const t = '攻撃グループ「ラザルス」がマルウェアを配布した。';
    expect(matcher.match(t, { suppressed: ['ラザルス'] })).toEqual([]);
  });

  it('get past the prefilter, and survive the dictionary stored as JSON', () => {
    const prefilter = createPrefilter(compilePrefilter(dict));
    expect(prefilter.mayMatch('攻撃グループ「ラザルス」が攻撃した。')).toBe(true);
    expect(prefilter.mayMatch('ﾗｻﾞﾙｽが攻撃した。')).toBe(true);
    expect(prefilter.mayMatch('今日は晴れです。散歩に行きました。')).toBe(false);
    const text = '攻撃グループ「ラザルス」がマルウェアを配布した。';
    expect(createMatcher(parseDictionary(JSON.stringify(dict))!).match(text)).toEqual(matcher.match(text));
    // a damaged list of those names is dropped, not trusted
    const damaged = parseDictionary(JSON.stringify({ ...dict, cjk: { names: ['ラザルス'], entity: [99] } }));
    expect(damaged && createMatcher(damaged).match(text)).toEqual([]);
  });
});
