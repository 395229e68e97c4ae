/**
 * Audit R, finding 2: STIX ids are UUIDs, read without regard to letter case. Before, "intrusion-set--AAAA…" and
 * "intrusion-set--aaaa…" were two objects (two entities for one id), a relationship written with the other case
 * was skipped as pointing "neither in the file nor in the database", and a re-import of the same feed with ids in
 * the other case did not find what the first import stored. A duplicate id with different content said "this
 * copy is not newer" even when both had the same "modified"; a verbatim repeat warned like a conflicting one.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, previewImport } from '../../../src/core/db/import-export';
import { parseStixBundle } from '../../../src/core/importers/index';
import { dump, freshRepo } from './helpers';

const GROUP = 'intrusion-set--0000000A-0000-4000-8000-00000000000A';
const TOOL = 'tool--0000000B-0000-4000-8000-00000000000B';
const T = '2024-01-01T00:00:00.000Z';

function bundle(objects: unknown[]): unknown {
  return { type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000000', objects };
}
const group = (id: string, name: string, modified = T) => ({ type: 'intrusion-set', spec_version: '2.1', id, created: T, modified, name });
const tool = (id: string) => ({ type: 'tool', spec_version: '2.1', id, created: T, modified: T, name: 'Quokka Loader' });
const uses = (id: string, src: string, dst: string) => ({
  type: 'relationship',
  spec_version: '2.1',
  id,
  created: T,
  modified: T,
  relationship_type: 'uses',
  source_ref: src,
  target_ref: dst,
});

describe('STIX ids differing only in letter case', () => {
  it('two objects whose ids differ only in case are one object, with a warning that says so', () => {
    const plan = parseStixBundle(bundle([group(GROUP, 'Upper Bear'), group(GROUP.toLowerCase(), 'Lower Bear', '2024-06-01T00:00:00.000Z')]), 'case.json');
    expect(plan.errors).toEqual([]);
    expect(plan.entities.map((e) => e.name)).toEqual(['Lower Bear']);
    expect(plan.warnings.map((w) => w.message).join('\n')).toMatch(/only in letter case/);
  });

  it('a relationship whose refs use the other case links the objects of the file', async () => {
    const plan = parseStixBundle(
      bundle([group(GROUP, 'Upper Bear'), tool(TOOL.toLowerCase()), uses('relationship--0000000c-0000-4000-8000-00000000000c', GROUP.toLowerCase(), TOOL)]),
      'case.json',
    );
    const repo = await freshRepo(false);
    const preview = await previewImport(repo, plan);
    expect(preview.warnings).toEqual([]);
    expect(preview.newLinks).toHaveLength(1);
  });

  it('re-importing the feed with its ids in the other case changes nothing', async () => {
    const objects = [group(GROUP, 'Upper Bear'), tool(TOOL), uses('relationship--0000000C-0000-4000-8000-00000000000C', GROUP, TOOL)];
    const repo = await freshRepo(false);
    await applyImport(repo, parseStixBundle(bundle(objects), 'a.json'));
    const before = await dump(repo, { ignoreMeta: ['imports', 'dataVersion'] });
    const lower = JSON.parse(JSON.stringify(objects).toLowerCase().replace(/upper bear/g, 'Upper Bear').replace(/quokka loader/g, 'Quokka Loader')) as unknown[];
    const preview = await previewImport(repo, parseStixBundle(bundle(lower), 'a.json'));
    expect([preview.newEntities.length, preview.updatedEntities.length, preview.newLinks.length, preview.updatedLinks.length, preview.newClaims.length, preview.updatedClaims.length]).toEqual([0, 0, 0, 0, 0, 0]);
    await applyImport(repo, parseStixBundle(bundle(lower), 'a.json'));
    expect(await dump(repo, { ignoreMeta: ['imports', 'dataVersion'] })).toBe(before);
  });
});

describe('one id twice with different content', () => {
  it('same "modified": the first copy is kept and the warning says the versions tie', () => {
    const plan = parseStixBundle(bundle([group(GROUP, 'First'), group(GROUP, 'Second')]), 'dup.json');
    expect(plan.entities.map((e) => e.name)).toEqual(['First']);
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]!.message).toMatch(/different content but the same "modified".*objects\[0\] is kept and this copy ignored/);
  });

  it('a verbatim repeat is not reported as a conflict', () => {
    const plan = parseStixBundle(bundle([group(GROUP, 'Same'), group(GROUP, 'Same')]), 'dup.json');
    expect(plan.entities.map((e) => e.name)).toEqual(['Same']);
    expect(plan.warnings).toEqual([]);
  });
});

describe('relationships pointing to objects missing from the file', () => {
  it('are skipped with a warning naming the missing id, and the rest imports', async () => {
    const missing = 'malware--0000000d-0000-4000-8000-00000000000d';
    const plan = parseStixBundle(bundle([group(GROUP, 'Upper Bear'), uses('relationship--0000000e-0000-4000-8000-00000000000e', GROUP, missing)]), 'm.json');
    const repo = await freshRepo(false);
    const preview = await previewImport(repo, plan);
    expect(preview.newEntities).toHaveLength(1);
    expect(preview.newLinks).toHaveLength(0);
    expect(preview.warnings.map((w) => w.message)).toEqual([`The object ${missing} is neither in the file nor in the database; link skipped.`]);
  });
});
