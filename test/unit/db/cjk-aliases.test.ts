/**
 * Names in Chinese, Japanese or Korean script through import, storage, search, export and re-import, and on to the
 * dictionary the content script matches with (cjk-names.ts). MISP synonyms hold such names (狼毒草 in the public
 * threat-actor galaxy); the galaxy file here is written for the test.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, exportStix } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { freshRepo, galaxyFile } from '../importers/helpers';

const GALAXY = galaxyFile('threat-actor', [
  // half-width katakana as a feed may write it, and a name with an ideographic space around it
  { value: 'Quokka Team', uuid: '1a2b3c4d-0000-4000-8000-000000000001', synonyms: ['ラザルス', '拉撒路', '라자루스', 'ﾗｻﾞﾙｽ', '\u3000狼毒草\u3000'] },
]);

describe('aliases in Chinese, Japanese or Korean script', () => {
  it('are imported as written, found by search, exported and brought back by our own export', async () => {
    const repo = await freshRepo();
    await applyImport(repo, detectAndParse(GALAXY, 'galaxy.json'));
    const entity = (await repo.entityByAlias('Quokka Team'))!;
    expect(entity.aliases.map((a) => a.name)).toEqual(['ラザルス', '拉撒路', '라자루스', 'ﾗｻﾞﾙｽ', '狼毒草']);
    for (const q of ['ラザルス', '拉撒路', '라자루스', '狼毒草']) expect((await repo.search(q)).map((r) => r.entity.id)).toContain(entity.id);

    const bundle = await exportStix(repo, { scope: 'all' });
    const exported = bundle.objects.find((o) => o.name === 'Quokka Team');
    expect(exported?.aliases).toEqual(['ラザルス', '拉撒路', '라자루스', 'ﾗｻﾞﾙｽ', '狼毒草']);
    const other = await freshRepo();
    await applyImport(other, detectAndParse(JSON.stringify(bundle), 'export.json'));
    expect((await other.entity(entity.id))?.aliases.map((a) => a.name)).toEqual(entity.aliases.map((a) => a.name));
  });

  it('are spotted on a page with the dictionary built from the database', async () => {
    const repo = await freshRepo();
    await applyImport(repo, detectAndParse(GALAXY, 'galaxy.json'));
    const matcher = createMatcher(compileDictionary(await repo.allEntities()));
    const text = '攻撃グループ「ラザルス」がマルウェアを配布した。中国語の記事は拉撒路と書く。';
    expect(matcher.match(text).map((m) => [m.text, m.name])).toEqual([
      ['ラザルス', 'Quokka Team'],
      ['拉撒路', 'Quokka Team'],
    ]);
  });
});
