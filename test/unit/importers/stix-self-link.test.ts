import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../../../src/core/importers/index';

const ID = 'intrusion-set--11111111-2222-4333-8444-555555555555';
const bundle = {
  type: 'bundle',
  id: 'bundle--11111111-2222-4333-8444-000000000000',
  objects: [
    { type: 'intrusion-set', spec_version: '2.1', id: ID, created: '2020-01-01T00:00:00.000Z', modified: '2020-01-01T00:00:00.000Z', name: 'Example Crew' },
    {
      type: 'relationship', spec_version: '2.1', id: 'relationship--11111111-2222-4333-8444-666666666666',
      created: '2020-01-01T00:00:00.000Z', modified: '2020-01-01T00:00:00.000Z',
      relationship_type: 'related-to', source_ref: ID, target_ref: ID,
    },
  ],
};

describe('STIX relationship from an entity to itself', () => {
  it('is skipped with a warning the preview shows', () => {
    const plan = detectAndParse(JSON.stringify(bundle), 'self.json', { now: new Date('2025-01-01T00:00:00Z') });
    expect(plan.errors).toEqual([]);
    expect(plan.links).toEqual([]);
    expect(plan.warnings.some((w) => /itself/.test(JSON.stringify(w)))).toBe(true);
  });
});
