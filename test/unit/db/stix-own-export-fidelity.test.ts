/** Our own STIX export brings the reader's claims back as they were recorded, long or unusual. */
import { describe, expect, it } from 'vitest';
import { applyImport, exportStix, previewImport } from '../../../src/core/db/import-export';
import { MAX_TEXT } from '../../../src/core/db/limits';
import { detectAndParse } from '../../../src/core/importers/index';
import { freshRepo } from '../importers/helpers';

describe('our own STIX export brings long and unusual annotations back', () => {
  const title = `Report <b>bold</b> [part 1](https://x.example/a) (Citation: Foo 2020) ${'T'.repeat(4500)}`;
  const record = async () => {
    const repo = await freshRepo();
    const claim = await repo.addClaim({
      from: 'lazarus-group',
      relation: 'obtains-access-from',
      to: 'trickbot',
      stance: 'supports',
      confidence: 70,
      source: { title, publisher: 'Pub <i>x</i>', url: `https://example.com/?q=${'a'.repeat(3000)}` },
      quote: { type: 'TextQuoteSelector', exact: 'Lazarus used TrickBot access. '.repeat(200), prefix: 'before ', suffix: ' after' },
      pageUrl: 'file:///home/me/reports/lazarus%20report.html',
    });
    return { repo, claim };
  };

  it('into a fresh database: quote, addresses and title as recorded', async () => {
    const { repo, claim } = await record();
    const bundle = JSON.stringify(await exportStix(repo, { scope: 'annotations' }));
    const fresh = await freshRepo();
    const plan = detectAndParse(bundle, 'export.json');
    expect(plan.errors).toEqual([]);
    await applyImport(fresh, plan);
    const back = await fresh.db.claims.get(claim.id);
    expect(back).toEqual(claim);
  });

  it('into the same database: nothing new, nothing updated, no conflict', async () => {
    const { repo } = await record();
    const bundle = JSON.stringify(await exportStix(repo, { scope: 'annotations' }));
    const again = await previewImport(repo, detectAndParse(bundle, 'export.json'));
    expect(again.conflicts).toEqual([]);
    expect([again.newClaims.length, again.updatedClaims.length]).toEqual([0, 0]);
  });

  it('a passage longer than the repository keeps is cut as the repository cuts it, without its suffix', async () => {
    const { repo, claim } = await record();
    const bundle = await exportStix(repo, { scope: 'annotations' });
    const note = bundle.objects.find((o) => o.type === 'note') as unknown as { x_actorlens_quote: { exact: string; suffix?: string } };
    note.x_actorlens_quote.exact = 'y'.repeat(MAX_TEXT + 10);
    const fresh = await freshRepo();
    await applyImport(fresh, detectAndParse(JSON.stringify(bundle), 'export.json'));
    const back = await fresh.db.claims.get(claim.id);
    expect(back?.quote).toEqual({ type: 'TextQuoteSelector', exact: 'y'.repeat(MAX_TEXT), prefix: 'before ' });
  });

  it('an override reason comes back as written: markup, links, blank lines and length the repository keeps', async () => {
    const { repo, claim } = await record();
    // Cleaned as a feed's description before: tags and link targets stripped, blank lines and spaces collapsed, cut at 4000.
    const reason = `see [the report](https://x.example/a)  <i>really</i>\n\n\n\n(Citation: mine) ${'r'.repeat(5000)}`;
    await repo.setOverride(claim.linkId, 42, reason);
    const before = await repo.db.links.get(claim.linkId);
    const fresh = await freshRepo();
    await applyImport(fresh, detectAndParse(JSON.stringify(await exportStix(repo, { scope: 'annotations' })), 'export.json'));
    expect((await fresh.db.links.get(claim.linkId))?.override).toEqual(before?.override);
    expect(before?.override?.reason).toBe(reason);
  });

  it('another tool’s quote cut at the description limit loses its suffix too', () => {
    const rel = 'relationship--11111111-2222-4333-8444-000000000003';
    const plan = detectAndParse(
      JSON.stringify({
        type: 'bundle',
        id: 'bundle--11111111-2222-4333-8444-000000000000',
        objects: [
          { type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--11111111-2222-4333-8444-000000000001', created: '2020-01-01T00:00:00Z', modified: '2020-01-01T00:00:00Z', name: 'Zeta Spider' },
          { type: 'malware', spec_version: '2.1', id: 'malware--11111111-2222-4333-8444-000000000002', created: '2020-01-01T00:00:00Z', modified: '2020-01-01T00:00:00Z', name: 'Zetabot', is_family: true },
          { type: 'relationship', spec_version: '2.1', id: rel, created: '2020-01-01T00:00:00Z', modified: '2020-01-01T00:00:00Z', relationship_type: 'uses', source_ref: 'intrusion-set--11111111-2222-4333-8444-000000000001', target_ref: 'malware--11111111-2222-4333-8444-000000000002' },
          { type: 'note', spec_version: '2.1', id: 'note--11111111-2222-4333-8444-000000000004', created: '2020-01-01T00:00:00Z', modified: '2020-01-01T00:00:00Z', content: 'c', object_refs: [rel], x_actorlens_quote: { exact: 'q'.repeat(5000), suffix: ' after' } },
        ],
      }),
      'other.json',
    );
    expect(plan.errors).toEqual([]);
    const quote = plan.claims.find((c) => c.id.startsWith('stix:note--'))?.quote;
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'q'.repeat(4000) });
  });
});
