import { describe, expect, it } from 'vitest';
import { parseStixBundle } from '../../../src/core/importers/index';

const IDENTITY = 'identity--00000009-0000-4000-8000-000000000000';
const group = (extra: Record<string, unknown> = {}) => ({
  type: 'intrusion-set',
  id: 'intrusion-set--00000001-0000-4000-8000-000000000000',
  created_by_ref: IDENTITY,
  name: 'Example Group',
  ...extra,
});

describe('parseStixBundle — producer and version labels', () => {
  it('a producer name with angle brackets is a label, not a reason to refuse the file', () => {
    const plan = parseStixBundle(
      { type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000000', objects: [{ type: 'identity', spec_version: '2.1', id: IDENTITY, name: 'CERT-X <cert@x.org>' }, group({ spec_version: '2.1' })] },
      'cert.json',
    );
    expect(plan.errors).toEqual([]);
    expect(plan.feed).toBe('stix:CERT-X');
    expect(plan.entities.map((e) => e.name)).toEqual(['Example Group']);
  });

  it('a producer name that is not text is left out with a warning', () => {
    const plan = parseStixBundle(
      { type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000000', objects: [{ type: 'identity', spec_version: '2.1', id: IDENTITY, name: 42 }, group({ spec_version: '2.1' })] },
      'odd.json',
    );
    expect(plan.errors).toEqual([]);
    expect(plan.feed).toBe('stix');
    expect(plan.warnings.map((w) => w.field)).toContain('name');
  });

  it('a STIX 2.0 bundle without a bundle-level spec_version is labelled stix-2.0', () => {
    const plan = parseStixBundle({ type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000000', objects: [group()] }, 'v20.json');
    expect(plan.format).toBe('stix-2.0');
    const v21 = parseStixBundle({ type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000000', objects: [group({ spec_version: '2.1' })] }, 'v21.json');
    expect(v21.format).toBe('stix-2.1');
  });
});
