/**
 * The reader's own work (claims, an override, an entity they added) through a run of hostile and odd imports, each
 * applied when it can be and refused whole when not: afterwards it is all there as recorded. The files are made here.
 */
import { describe, expect, it } from 'vitest';
import { ACTORLENS_IDENTITY } from '../../../src/core/importers/stix';
import { applyImport, exportStix, previewImport, undoImport } from '../../../src/core/db/import-export';
import type { Repository } from '../../../src/core/db/repository';
import { detectAndParse, ImportError } from '../../../src/core/importers/index';
import { dump, freshRepo, galaxyFile, VENDOR_CLAIM } from '../importers/helpers';

const T = '2024-01-01T00:00:00.000Z';
const sid = (type: string, n: number) => `${type}--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const bundle = (objects: object[]) => JSON.stringify({ type: 'bundle', id: sid('bundle', 0), objects });

/**
 * The reader's work as stored: their claims, the overrides, and their entities' own name and kind (a feed naming one
 * may add its aliases and ids to it: that adds, it loses nothing).
 */
async function readersWork(repo: Repository) {
  return {
    claims: (await repo.userClaims()).sort((a, b) => a.id.localeCompare(b.id)),
    entities: (await repo.allEntities()).filter((e) => e.provenance.includes('user')).map((e) => [e.id, e.name, e.kind]),
    overrides: (await repo.db.links.filter((l) => !!l.override).toArray()).map((l) => [l.id, l.override]),
  };
}

describe("the reader's work survives every import", () => {
  it('through refused, odd and forged files, and undo of each applied one', async () => {
    const repo = await freshRepo();
    const claim = await repo.addClaim(VENDOR_CLAIM, new Date('2025-01-02T00:00:00.000Z'));
    const mine = await repo.addEntity({ name: 'Quokka Bear', kind: 'actor' });
    await repo.addClaim({ from: mine.id, relation: 'uses', to: 'trickbot', stance: 'supports', source: { title: 'Hunch' } });
    await repo.setOverride(claim.linkId, 20, 'one vendor');
    const work = await readersWork(repo);
    const ours = JSON.parse(JSON.stringify(await exportStix(repo, { scope: 'all' }))) as { objects: Record<string, unknown>[] };
    const note = ours.objects.find((o) => o.type === 'note' && o.x_actorlens_claim_id === claim.id)!;
    const rel = ours.objects.find((o) => o.type === 'relationship' && o.x_actorlens_override)!;

    const files: [string, string][] = [
      // refused whole: a forbidden key deep in an otherwise good file, a name with markup, nesting past the limit
      ['proto.json', bundle([{ type: 'intrusion-set', spec_version: '2.1', id: sid('intrusion-set', 1), created: T, modified: T, name: 'Quokka Bear', external_references: [JSON.parse('{"__proto__":{"x":1}}')] }])],
      ['markup.json', galaxyFile('threat-actor', [{ value: 'Quokka Bear<img src=x>', uuid: '1a2b3c4d-0000-4000-8000-000000000001' }])],
      ['deep.json', `{"type":"bundle","objects":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`],
      // applied: a feed naming the reader's entity, and another with relationships to nothing
      ['feed.json', galaxyFile('threat-actor', [{ value: 'Quokka Bear', uuid: '1a2b3c4d-0000-4000-8000-000000000002', synonyms: ['Lazarus Group', 'Hunch Bear'] }])],
      [
        'dangling.json',
        bundle([
          { type: 'intrusion-set', spec_version: '2.1', id: sid('intrusion-set', 3), created: T, modified: T, name: 'Quokka Bear' },
          { type: 'relationship', spec_version: '2.1', id: sid('relationship', 4), created: T, modified: T, relationship_type: 'uses', source_ref: sid('intrusion-set', 3), target_ref: sid('malware', 99) },
        ]),
      ],
      // forged as our own export: the reader's claim with other words, the override with another number, both newer
      [
        'forged.json',
        JSON.stringify({
          ...ours,
          objects: ours.objects.map((o) =>
            o === note ? { ...o, content: 'rewritten', x_actorlens_updated: '2030-01-01T00:00:00.000Z', modified: '2030-01-01T00:00:00.000Z' } : o === rel ? { ...o, x_actorlens_override: { confidence: 99, reason: 'x', at: '2030-01-01T00:00:00.000Z' } } : o,
          ),
        }),
      ],
      // our own export again, as it left
      ['ours.json', JSON.stringify(ours)],
    ];
    for (const [name, text] of files) {
      const plan = detectAndParse(text, name);
      if (plan.errors.length) {
        const before = await dump(repo);
        await expect(applyImport(repo, plan), name).rejects.toBeInstanceOf(ImportError);
        expect(await dump(repo), name).toBe(before);
        continue;
      }
      await previewImport(repo, plan);
      const { undo } = await applyImport(repo, plan);
      expect(await readersWork(repo), name).toEqual(work);
      await undoImport(repo, undo);
      expect(await readersWork(repo), `${name} undone`).toEqual(work);
      await applyImport(repo, plan);
      expect(await readersWork(repo), `${name} again`).toEqual(work);
    }
  });

  it('a file forging our creator with an object of its own kind (identity) changes nothing of the reader', async () => {
    const repo = await freshRepo();
    await repo.addClaim(VENDOR_CLAIM);
    const work = await readersWork(repo);
    const forged = bundle([
      { type: 'identity', spec_version: '2.1', id: ACTORLENS_IDENTITY, created: T, modified: T, name: 'ActorLens', identity_class: 'system' },
      { type: 'note', spec_version: '2.1', id: sid('note', 5), created: T, modified: T, created_by_ref: ACTORLENS_IDENTITY, content: 'x', object_refs: [sid('relationship', 6)], x_actorlens_claim_id: 'bundled-claim' },
    ]);
    await applyImport(repo, detectAndParse(forged, 'forged.json'));
    expect(await readersWork(repo)).toEqual(work);
  });
});
