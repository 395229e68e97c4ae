/**
 * A MISP instance's own export of a galaxy (format "MISP": a list of { GalaxyCluster: { …, GalaxyElement,
 * GalaxyClusterRelation }, Galaxy }) imports like the misp-galaxy repository file it stands for. The instance files
 * here are built from the repository-format sample the way MISP lays out its export, so both must give one plan.
 */
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { fixture, freshRepo } from './helpers';

interface GalaxyValue {
  value: string;
  uuid: string;
  description?: string;
  meta?: Record<string, string | string[]>;
  related?: { 'dest-uuid': string; type: string; tags?: string[] }[];
}
const sample = JSON.parse(fixture('misp-threat-actor-sample.json')) as { type: string; name: string; values: GalaxyValue[] };

/** The clusters as a MISP instance exports them: one element per meta value, relations with their tags. */
function instanceExport(galaxy: { type: string; name: string; values: GalaxyValue[] }) {
  return galaxy.values.map((v) => ({
    GalaxyCluster: {
      uuid: v.uuid,
      collection_uuid: '00000000-0000-4000-8000-00000000c011',
      type: galaxy.type,
      value: v.value,
      tag_name: `misp-galaxy:${galaxy.type}="${v.value}"`,
      description: v.description ?? '',
      source: 'test',
      authors: ['test'],
      version: '1',
      distribution: '3',
      default: false,
      GalaxyElement: Object.entries(v.meta ?? {}).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((x) => ({ key, value: x }))),
      GalaxyClusterRelation: (v.related ?? []).map((r) => ({
        galaxy_cluster_uuid: v.uuid,
        referenced_galaxy_cluster_uuid: r['dest-uuid'],
        referenced_galaxy_cluster_type: r.type,
        distribution: '3',
        default: false,
        Tag: (r.tags ?? []).map((name) => ({ name, colour: '#000000' })),
      })),
    },
    Galaxy: { uuid: '00000000-0000-4000-8000-0000000000ga', name: galaxy.name, type: galaxy.type, namespace: 'misp' },
  }));
}

describe('a MISP instance export of galaxy clusters', () => {
  const fromRepository = detectAndParse(fixture('misp-threat-actor-sample.json'), 'threat-actor.json');
  const exported = instanceExport(sample);

  it('gives the entities and links of the repository file it stands for', () => {
    const plan = detectAndParse(JSON.stringify(exported), 'galaxy_export.json');
    expect(plan.errors).toEqual([]);
    expect(fromRepository.entities.length).toBeGreaterThan(2);
    expect(fromRepository.links.length).toBeGreaterThan(0);
    expect(plan.format).toBe('misp-galaxy');
    expect(plan.feed).toBe('misp:threat-actor');
    expect(plan.entities).toEqual(fromRepository.entities);
    expect(plan.links).toEqual(fromRepository.links);
    expect(plan.claims.map((c) => [c.id, c.confidence, c.stance])).toEqual(fromRepository.claims.map((c) => [c.id, c.confidence, c.stance]));
    // Its clusters may be the analyst's own: the source does not point at the public repository.
    expect(plan.claims[0]?.source.title).toContain('exported from a MISP instance');
    expect(plan.claims[0]?.source.url).toBeUndefined();
  });

  it('is read from the REST API answer and from a single cluster too', () => {
    expect(detectAndParse(JSON.stringify({ response: exported }), 'api.json').entities).toEqual(fromRepository.entities);
    const one = detectAndParse(JSON.stringify(exported[0]), 'one.json');
    expect(one.errors).toEqual([]);
    expect(one.entities).toEqual([fromRepository.entities[0]]);
  });

  it('keeps a single synonym as an alias (MISP writes one element, not a list)', () => {
    const single = instanceExport({ type: 'threat-actor', name: 'Threat Actor', values: [{ value: 'Quarry Spider', uuid: '0a0b0c0d-0000-4000-8000-000000000001', meta: { synonyms: ['Tarnwick Crew'], country: 'RU' } }] });
    const plan = detectAndParse(JSON.stringify(single), 'single.json');
    expect(plan.errors).toEqual([]);
    expect(plan.entities[0]).toMatchObject({ name: 'Quarry Spider', country: 'RU', aliases: [{ name: 'Tarnwick Crew' }] });
  });

  it('is refused whole, with the cluster named as the file has it, when one cluster is bad', async () => {
    const bad = structuredClone(exported);
    bad[1]!.GalaxyCluster.uuid = 'not-a-uuid';
    const plan = detectAndParse(JSON.stringify(bad), 'bad.json');
    expect(plan.errors.map((e) => [e.path, e.field])).toEqual([['[1].GalaxyCluster', 'uuid']]);
    expect(plan.errors[0]!.message).toMatch(/^bad\.json \[1\]\.GalaxyCluster \[uuid\]: A cluster needs a "uuid" that is a UUID \(such as "7cdff317-a673-4474-84ec-4f1754947823"\); got "not-a-uuid"\.$/);
    const repo = await freshRepo();
    await expect(applyImport(repo, plan)).rejects.toThrow('A cluster needs a "uuid" that is a UUID');
  });

  it('holding clusters of several galaxies, is refused with a clear error', () => {
    const mixed = [...exported, ...instanceExport({ type: 'ransomware', name: 'Ransomware', values: [{ value: 'Gorgonite', uuid: '0a0b0c0d-0000-4000-8000-000000000002' }] })];
    const plan = detectAndParse(JSON.stringify(mixed), 'mixed.json');
    expect(plan.entities).toEqual([]);
    expect(plan.errors.map((e) => e.message)).toEqual(['mixed.json [type]: This MISP export holds clusters of several galaxies ("threat-actor", "ransomware"): export one galaxy at a time.']);
  });

  it('is imported into the database like the repository file', async () => {
    const repo = await freshRepo();
    const { record } = await applyImport(repo, detectAndParse(JSON.stringify(exported), 'galaxy_export.json'));
    expect(record.format).toBe('misp-galaxy');
    const names = (await repo.allEntities()).map((e) => e.name);
    expect(names).toContain('Example Spider');
  });
});
