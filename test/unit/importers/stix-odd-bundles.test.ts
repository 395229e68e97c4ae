/**
 * STIX bundles that are odd rather than hostile: written by hand, merged from two feeds, or cut and pasted. Each is
 * read as far as it can be, and what is wrong is said in words a reader can act on.
 */
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { freshRepo } from './helpers';

const T = '2024-01-01T00:00:00.000Z';
const id = (type: string, n: number) => `${type}--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const bundle = (objects: object[]) => JSON.stringify({ type: 'bundle', id: id('bundle', 0), objects });
const actor = { type: 'intrusion-set', spec_version: '2.1', id: id('intrusion-set', 1), created: T, modified: T, name: 'Quokka Team' };

describe('odd STIX bundles', () => {
  it('a relationship whose end is not a STIX id says what it got and what it needs', () => {
    const plan = detectAndParse(
      bundle([
        actor,
        { type: 'relationship', spec_version: '2.1', id: id('relationship', 2), created: T, modified: T, relationship_type: 'uses', source_ref: actor.id, target_ref: 'TrickBot' },
        { type: 'relationship', spec_version: '2.1', id: id('relationship', 3), created: T, modified: T, relationship_type: 'uses', target_ref: actor.id },
        { type: 'relationship', spec_version: '2.1', id: id('relationship', 4), created: T, modified: T, relationship_type: 'uses', source_ref: actor.id, target_ref: 42 },
      ]),
      'hand.json',
    );
    expect(plan.errors.map((e) => [e.field, e.reason])).toEqual([
      ['target_ref', 'A relationship\'s target_ref must be the id of a STIX object, such as "malware--" followed by a UUID; got "TrickBot".'],
      ['source_ref', 'A relationship\'s source_ref must be the id of a STIX object, such as "malware--" followed by a UUID; it is missing.'],
      ['target_ref', 'A relationship\'s target_ref must be the id of a STIX object, such as "malware--" followed by a UUID; got a number.'],
    ]);
  });

  it('a bundle mixing STIX 2.0 and 2.1 objects is read whole, and the mix is said', async () => {
    const plan = detectAndParse(
      bundle([
        { ...actor, spec_version: undefined },
        { type: 'malware', id: id('malware', 5), created: T, modified: T, name: 'QuokkaLocker', labels: ['ransomware'] },
        { type: 'malware', spec_version: '2.1', id: id('malware', 6), created: T, modified: T, name: 'QuokkaCrypt', is_family: true, malware_types: ['ransomware'] },
        { type: 'relationship', spec_version: '2.1', id: id('relationship', 7), created: T, modified: T, relationship_type: 'uses', source_ref: actor.id, target_ref: id('malware', 5) },
      ]),
      'merged.json',
    );
    expect(plan.errors).toEqual([]);
    expect(plan.warnings.map((w) => w.message)).toEqual([
      'This bundle mixes STIX 2.0 objects (2, without "spec_version") and STIX 2.1 objects (2); both are read, each by its own version\'s properties.',
    ]);
    expect(plan.entities.map((e) => [e.name, e.kind])).toEqual([
      ['Quokka Team', 'actor'],
      ['QuokkaLocker', 'ransomware'],
      ['QuokkaCrypt', 'ransomware'],
    ]);
    const repo = await freshRepo();
    expect((await applyImport(repo, plan)).record.counts).toMatchObject({ newEntities: 3, newLinks: 1 });
  });

  it('relationships in a circle, and one to an object that is nowhere, import what can be linked', async () => {
    const [a, b, c] = [1, 2, 3].map((n) => ({ type: 'malware', spec_version: '2.1', id: id('malware', n), created: T, modified: T, name: `Quokka${'ABC'[n - 1]}`, is_family: true }));
    const rel = (n: number, from: string, to: string) => ({ type: 'relationship', spec_version: '2.1', id: id('relationship', n), created: T, modified: T, relationship_type: 'variant-of', source_ref: from, target_ref: to });
    const plan = detectAndParse(bundle([a!, b!, c!, rel(10, a!.id, b!.id), rel(11, b!.id, c!.id), rel(12, c!.id, a!.id), rel(13, a!.id, id('malware', 99))]), 'circle.json');
    const repo = await freshRepo();
    const { preview } = await applyImport(repo, plan);
    expect(preview.newLinks).toHaveLength(3);
    expect(preview.warnings.map((w) => w.message)).toEqual([`The object ${id('malware', 99)} is neither in the file nor in the database; link skipped.`]);
    const quokkaA = preview.newEntities.find((e) => e.name === 'QuokkaA')!;
    expect((await repo.linksOf(quokkaA.id)).map((v) => v.other.name).sort()).toEqual(['QuokkaB', 'QuokkaC']);
    // two hops round the circle come back to the start: not a pivot of itself
    expect((await repo.pivots(quokkaA.id)).map((p) => p.entity.name)).toEqual([]);
  });
});

describe('odd MISP galaxy files', () => {
  it('one uuid twice says which value is read and whether the two differ', () => {
    const value = (name: string) => ({ value: name, uuid: '1A2B3C4D-0000-4000-8000-000000000001', meta: { synonyms: ['QT'] } });
    const plan = detectAndParse(JSON.stringify({ type: 'threat-actor', name: 'T', values: [value('Quokka Team'), value('Quokka Team'), value('Quokka Crew')] }), 'g.json');
    expect(plan.entities.map((e) => e.name)).toEqual(['Quokka Team']);
    expect(plan.warnings.map((w) => [w.path, w.message])).toEqual([
      ['values[1]', 'Duplicate uuid 1a2b3c4d-0000-4000-8000-000000000001, already used by values[0] (an identical copy): the first is read and this value is skipped.'],
      ['values[2]', 'Duplicate uuid 1a2b3c4d-0000-4000-8000-000000000001, already used by values[0] with different content (there "Quokka Team", here "Quokka Crew"): the first is read and this value is skipped.'],
    ]);
  });
});
