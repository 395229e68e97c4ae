/**
 * Audit R, finding 3: the preview lists at most 50 "link skipped" warnings and a summary line ("…and 312 more");
 * the warning count (the preview's tile, the import log's counts.warnings) counted the lines, 51, not the 362
 * warnings. The forbidden-key walk stopped at 20 errors without saying there were more.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, previewImport } from '../../../src/core/db/import-export';
import { detectAndParse, issueTotal, parseStixBundle } from '../../../src/core/importers/index';
import { freshRepo } from '../importers/helpers';

const T = '2024-01-01T00:00:00.000Z';
const hex = (n: number) => n.toString(16).padStart(12, '0');
const GROUP = 'intrusion-set--00000000-0000-4000-8000-0000000000aa';

/** One group and `n` relationships from it to malware that is neither in the file nor in the database. */
function dangling(n: number): unknown {
  const objects: unknown[] = [{ type: 'intrusion-set', spec_version: '2.1', id: GROUP, created: T, modified: T, name: 'Quokka Bear' }];
  for (let i = 0; i < n; i++) {
    objects.push({
      type: 'relationship',
      spec_version: '2.1',
      id: `relationship--00000000-0000-4000-8000-${hex(i)}`,
      created: T,
      modified: T,
      relationship_type: 'uses',
      source_ref: GROUP,
      target_ref: `malware--00000001-0000-4000-8000-${hex(i)}`,
    });
  }
  return { type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000000', objects };
}

describe('capped warning lists keep their true total', () => {
  it('362 skipped links: 50 listed, a summary standing for the 312 others, and 362 in the counts', async () => {
    const repo = await freshRepo(false);
    const plan = parseStixBundle(dangling(362), 'dangling.json');
    const preview = await previewImport(repo, plan);
    expect(preview.warnings).toHaveLength(51);
    expect(preview.warnings[50]!.message).toBe('…and 312 more links skipped for the same reason (362 in all).');
    expect(issueTotal(preview.warnings)).toBe(362);
    const { record } = await applyImport(repo, plan);
    expect(record.counts.warnings).toBe(362);
  });

  it('a MISP file: the closing explanation does not count as one more warning', async () => {
    const values = Array.from({ length: 60 }, (_, i) => ({
      value: `Quokka ${i}`,
      uuid: `00000000-0000-4000-8000-${hex(i)}`,
      related: [{ 'dest-uuid': `00000001-0000-4000-8000-${hex(i)}`, type: 'uses' }],
    }));
    const galaxy = { name: 'Threat Actor', type: 'threat-actor', uuid: '7cdff317-a673-4474-84ec-4f1754947823', version: 1, values };
    const repo = await freshRepo(false);
    const preview = await previewImport(repo, detectAndParse(JSON.stringify(galaxy), 'threat-actor.json'));
    expect(preview.warnings.at(-1)!.message).toMatch(/^60 links of threat-actor.json point to clusters that are not imported yet/);
    expect(issueTotal(preview.warnings)).toBe(60);
  });

  it('forbidden keys beyond the first 20 are counted in a last error', () => {
    const objects = Array.from({ length: 45 }, () => JSON.parse('{"__proto__": {"x": 1}}') as unknown);
    const plan = detectAndParse(JSON.stringify({ type: 'bundle', objects }), 'hostile.json');
    expect(plan.errors).toHaveLength(21);
    expect(plan.errors[20]!.reason).toBe('…and 25 more problems of the same kinds (forbidden keys, nesting) not listed (45 in all).');
    expect(issueTotal(plan.errors)).toBe(45);
    // Through the wire to the options page, the count survives.
    expect(issueTotal(plan.errors.map((e) => e.toIssue()))).toBe(45);
  });
});
