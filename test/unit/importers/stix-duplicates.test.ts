import { describe, expect, it } from 'vitest';
import { parseStixBundle } from '../../../src/core/importers/index';

const GROUP = 'intrusion-set--00000001-0000-4000-8000-000000000000';
const TOOL = 'tool--00000002-0000-4000-8000-000000000000';

function bundle(objects: unknown[]): unknown {
  return { type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000000', objects };
}

function group(name: string, modified: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'intrusion-set', spec_version: '2.1', id: GROUP, created: '2020-01-01T00:00:00.000Z', modified, name, ...extra };
}

const uses = { type: 'relationship', spec_version: '2.1', id: 'relationship--00000003-0000-4000-8000-000000000000', relationship_type: 'uses', source_ref: GROUP, target_ref: TOOL };
const tool = { type: 'tool', spec_version: '2.1', id: TOOL, name: 'Some Tool' };

describe('parseStixBundle — one id twice in a file', () => {
  it('keeps the first copy when both have the same modified, and says so', () => {
    const plan = parseStixBundle(bundle([group('First', '2024-01-01T00:00:00.000Z'), group('Second', '2024-01-01T00:00:00.000Z')]), 'dup.json');
    expect(plan.entities.map((e) => e.name)).toEqual(['First']);
    const warning = plan.warnings.find((w) => w.field === 'id')!;
    expect(warning.path).toContain('objects[1]');
    expect(warning.message).toMatch(/objects\[0\] is kept/);
  });

  it('keeps the newer copy when it comes first, and says the earlier copy was kept', () => {
    const plan = parseStixBundle(bundle([group('Newer', '2024-06-01T00:00:00.000Z'), group('Older', '2024-01-01T00:00:00.000Z')]), 'dup.json');
    expect(plan.entities.map((e) => e.name)).toEqual(['Newer']);
    expect(plan.warnings.find((w) => w.field === 'id')!.message).toMatch(/objects\[0\] is kept/);
  });

  it('compares modified as instants, not as text ("…00Z" and "…00.000Z" are the same time)', () => {
    const plan = parseStixBundle(bundle([group('First', '2024-01-01T00:00:00.000Z'), group('Second', '2024-01-01T00:00:00Z')]), 'dup.json');
    expect(plan.entities.map((e) => e.name)).toEqual(['First']);
  });

  it('a newer revoked copy wins: the object and its relationships are skipped together', () => {
    const plan = parseStixBundle(
      bundle([group('Old', '2024-01-01T00:00:00.000Z'), group('Old', '2024-06-01T00:00:00.000Z', { revoked: true }), tool, uses]),
      'dup.json',
    );
    expect(plan.entities.map((e) => e.name)).toEqual(['Some Tool']);
    expect(plan.skipped).toMatchObject({ revoked: 1, orphaned: 1 });
    expect(plan.links).toEqual([]);
  });

  it('an older deprecated copy does not hide the newer live one', () => {
    const plan = parseStixBundle(
      bundle([group('Live', '2024-06-01T00:00:00.000Z'), group('Live', '2024-01-01T00:00:00.000Z', { x_mitre_deprecated: true }), tool, uses]),
      'dup.json',
    );
    expect(plan.entities.map((e) => e.name).sort()).toEqual(['Live', 'Some Tool']);
    expect(plan.skipped.deprecated).toBe(0);
    expect(plan.links).toHaveLength(1);
  });
});
