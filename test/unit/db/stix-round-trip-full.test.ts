/**
 * Audit R, finding 5: our own STIX export, imported into an empty database, gives back every row as it was
 * (entities with aliases and their "used by", links with status, note, override and provenance, claims with
 * source, quote, confidence, origin and dates); re-imported into the same database it changes nothing; and a
 * re-import of an older export never overwrites what the reader changed since (an edited claim, an override).
 */
import { describe, expect, it } from 'vitest';
import { applyImport, exportStix, previewImport } from '../../../src/core/db/import-export';
import type { Repository } from '../../../src/core/db/repository';
import { detectAndParse } from '../../../src/core/importers/index';
import { dump, freshRepo, VENDOR_CLAIM } from '../importers/helpers';

const AT = new Date('2025-03-04T05:06:07.089Z');

async function populated(): Promise<Repository> {
  const repo = await freshRepo();
  await repo.addClaim({ ...VENDOR_CLAIM, source: { ...VENDOR_CLAIM.source, author: 'A. Writer', basedOn: 'telemetry' } }, AT);
  await repo.addClaim({ from: 'apt28', relation: 'overlaps-with', to: 'apt29', stance: 'refutes', confidence: 90, source: { title: 'Analyst note' } }, AT);
  const mine = await repo.addEntity({ name: 'Quokka Bear', kind: 'actor', description: 'my own actor' });
  // A link with nothing but the reader's claim: its relationship has no other claim to list.
  const hunch = await repo.addClaim({ from: mine.id, relation: 'uses', to: 'trickbot', stance: 'supports', source: { title: 'Hunch' } }, AT);
  await repo.setOverride(hunch.linkId, 42, '');
  await repo.setOverride((await repo.linksOf('apt28')).find((v) => v.other.id === 'apt29')!.link.id, 10, 'disputed');
  return repo;
}

const text = async (repo: Repository, scope: 'all' | 'annotations') => JSON.stringify(await exportStix(repo, { scope, now: new Date('2026-01-01T00:00:00.000Z') }));
const tables = async (repo: Repository) => {
  const all = JSON.parse(await dump(repo)) as Record<string, unknown>;
  return { entities: all.entities, links: all.links, claims: all.claims };
};

describe('our own STIX export, round trip', () => {
  it('into an empty database: every entity, alias, link, source, quote, confidence and claim as it was', async () => {
    const repo = await populated();
    const empty = await freshRepo(false);
    const result = await applyImport(empty, detectAndParse(await text(repo, 'all'), 'all.json'));
    expect(result.preview.warnings).toEqual([]);
    expect(result.preview.conflicts).toEqual([]);
    expect(await tables(empty)).toEqual(await tables(repo));
  });

  it('the annotations export into an empty database brings back the reader\'s claims, their links and overrides, and no claim more', async () => {
    const repo = await populated();
    const empty = await freshRepo(false);
    await applyImport(empty, detectAndParse(await text(repo, 'annotations'), 'annotations.json'));
    const userLinks = new Set((await repo.userClaims()).map((c) => c.linkId));
    const expected = (await repo.db.claims.toArray()).filter((c) => userLinks.has(c.linkId)).sort((a, b) => a.id.localeCompare(b.id));
    expect((await empty.db.claims.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected);
    expect((await empty.db.links.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      (await repo.db.links.bulkGet([...userLinks])).sort((a, b) => a!.id.localeCompare(b!.id)),
    );
  });

  it('into the same database, twice: nothing changes', async () => {
    const repo = await populated();
    const before = await tables(repo);
    for (const scope of ['all', 'annotations', 'all'] as const) {
      const { record } = await applyImport(repo, detectAndParse(await text(repo, scope), `${scope}.json`));
      expect(record.counts).toMatchObject({ newEntities: 0, updatedEntities: 0, newLinks: 0, updatedLinks: 0, newClaims: 0, updatedClaims: 0, conflicts: 0, warnings: 0 });
    }
    expect(await tables(repo)).toEqual(before);
  });

  it('an older export re-imported after the reader edited a claim and changed an override leaves their edits alone', async () => {
    const repo = await populated();
    const old = await text(repo, 'all');
    const [claim] = (await repo.userClaims()).filter((c) => c.source.title === 'Vendor blog');
    await repo.updateClaim(claim!.id, { confidence: 20, stance: 'refutes', quote: { type: 'TextQuoteSelector', exact: 'on second reading, no' } }, new Date('2025-06-01T00:00:00.000Z'));
    await repo.setOverride(claim!.linkId, 5, 'changed my mind');
    const edited = await tables(repo);
    const preview = await previewImport(repo, detectAndParse(old, 'old.json'));
    expect(preview.updatedClaims).toEqual([]);
    await applyImport(repo, detectAndParse(old, 'old.json'));
    expect(await tables(repo)).toEqual(edited);
  });

  it('an export written before x_actorlens_claim_count (an empty x_actorlens_claims list) still round-trips', async () => {
    const repo = await populated();
    const bundle = JSON.parse(await text(repo, 'all')) as { objects: Record<string, unknown>[] };
    for (const o of bundle.objects) {
      if (o.type !== 'relationship') continue;
      o.x_actorlens_claims ??= [];
      delete o.x_actorlens_claim_count;
    }
    const empty = await freshRepo(false);
    await applyImport(empty, detectAndParse(JSON.stringify(bundle), 'older.json'));
    expect(await tables(empty)).toEqual(await tables(repo));
  });

  it('a relationship whose claim count disagrees with its list says so', async () => {
    const repo = await populated();
    const bundle = JSON.parse(await text(repo, 'all')) as { objects: Record<string, unknown>[] };
    const rel = bundle.objects.find((o) => o.type === 'relationship' && o.x_actorlens_claim_count === 1)!;
    rel.x_actorlens_claim_count = 3;
    const plan = detectAndParse(JSON.stringify(bundle), 'edited.json');
    expect(plan.warnings.map((w) => w.message)).toContain('The relationship says it has 3 claims but lists 1; the 1 listed are read.');
  });
});
