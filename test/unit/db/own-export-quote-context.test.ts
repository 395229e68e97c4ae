/**
 * The context a reader's passage was recorded with comes back from our own export as it was recorded. A passage at
 * the end of a paragraph, or of the page, has a suffix (or at its start a prefix) of only a line break or spaces:
 * it was dropped on import, so the claim restored in another browser differed from the one exported, and a
 * re-import into the same browser listed the claim as updated.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, exportStix, previewImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { freshRepo, VENDOR_CLAIM } from '../importers/helpers';

const AT_PAGE_END = { ...VENDOR_CLAIM, quote: { type: 'TextQuoteSelector' as const, exact: 'Lazarus bought access from TrickBot', prefix: '\n', suffix: '\n  ' } };

describe('own export: a quote whose context is only white space', () => {
  it('comes back whole into another browser, and changes nothing in the one it came from', async () => {
    const repo = await freshRepo();
    const claim = await repo.addClaim(AT_PAGE_END);
    expect(claim.quote).toEqual(AT_PAGE_END.quote);
    const text = JSON.stringify(await exportStix(repo, { scope: 'annotations' }));

    const other = await freshRepo();
    await applyImport(other, detectAndParse(text, 'mine.json'));
    expect((await other.db.claims.get(claim.id))?.quote).toEqual(AT_PAGE_END.quote);

    const again = await previewImport(repo, detectAndParse(text, 'mine.json'));
    expect(again.updatedClaims).toEqual([]);
    expect(again.newClaims).toEqual([]);
  });
});
