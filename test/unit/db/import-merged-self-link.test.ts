/**
 * Audit R (finding 3, continued): a relationship whose two ends land on one entity of the database (two objects of
 * the file merged into it) was dropped without a word: not a warning, not a count. It is now a warning.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, previewImport } from '../../../src/core/db/import-export';
import { issueTotal, parseStixBundle } from '../../../src/core/importers/index';
import { freshRepo } from '../importers/helpers';

const T = '2024-01-01T00:00:00.000Z';
const A = 'intrusion-set--00000000-0000-4000-8000-0000000000a1';
const B = 'intrusion-set--00000000-0000-4000-8000-0000000000b2';

describe('a relationship whose ends merge into one entity', () => {
  it('is skipped with a warning naming the entity, counted in the preview and the import log', async () => {
    const repo = await freshRepo();
    const bundle = {
      type: 'bundle',
      id: 'bundle--00000000-0000-4000-8000-000000000000',
      objects: [
        { type: 'intrusion-set', spec_version: '2.1', id: A, created: T, modified: T, name: 'Lazarus Group' },
        { type: 'intrusion-set', spec_version: '2.1', id: B, created: T, modified: T, name: 'HIDDEN COBRA' },
        { type: 'relationship', spec_version: '2.1', id: 'relationship--00000000-0000-4000-8000-0000000000c3', created: T, modified: T, relationship_type: 'related-to', source_ref: A, target_ref: B },
      ],
    };
    const plan = parseStixBundle(bundle, 'merged.json');
    expect(plan.links).toHaveLength(1);
    const preview = await previewImport(repo, plan);
    expect(preview.conflicts.map((c) => c.kind)).toContain('ambiguous-match');
    expect(preview.newLinks).toEqual([]);
    const messages = preview.warnings.map((w) => w.message);
    expect(messages).toContainEqual(expect.stringMatching(/^Both ends are Lazarus Group once matched against the database; link skipped\.$/));
    expect(preview.warnings.find((w) => w.message.startsWith('Both ends'))!.path).toBe('link Lazarus Group affiliated-with HIDDEN COBRA');
    const { record } = await applyImport(repo, plan);
    expect(record.counts.warnings).toBe(issueTotal(preview.warnings));
    expect(record.counts.warnings).toBeGreaterThan(0);
  });
});
