/** A file whose entry has no name is refused with a message that says so and what to give, in plain English. */
import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../../../src/core/importers/index';

describe('an entry without a name', () => {
  it('in a MISP galaxy: says the name is missing and which field to fill', () => {
    const plan = detectAndParse(JSON.stringify({ type: 'threat-actor', name: 'Threat Actor', values: [{ uuid: '0a0b0c0d-0000-4000-8000-000000000001' }] }), 'galaxy.json');
    expect(plan.errors.map((e) => e.message)).toEqual(['galaxy.json values[0] [value]: The name is missing: give "value" a text value.']);
  });
  it('in a STIX bundle: names the object type with its article and the field to fill', () => {
    const T = '2024-01-01T00:00:00.000Z';
    const bundle = { type: 'bundle', id: 'bundle--0a0b0c0d-0000-4000-8000-000000000001', objects: [{ type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--0a0b0c0d-0000-4000-8000-000000000001', created: T, modified: T }, { type: 'malware', spec_version: '2.1', id: 'malware--0a0b0c0d-0000-4000-8000-000000000002', created: T, modified: T, is_family: true }] };
    expect(detectAndParse(JSON.stringify(bundle), 'bundle.json').errors.map((e) => e.message.replace(/^.*\]: /, ''))).toEqual([
      'An intrusion-set object needs a name: give it a "name".',
      'A malware object needs a name: give it a "name".',
    ]);
  });
});
