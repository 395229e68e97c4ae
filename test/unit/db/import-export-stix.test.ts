import { describe, expect, it } from 'vitest';
import { applyImport, exportStix, type StixBundle } from '../../../src/core/db/import-export';
import type { Repository } from '../../../src/core/db/repository';
import { detectAndParse, parseStixBundle } from '../../../src/core/importers/index';
import { fixture, freshRepo } from '../importers/helpers';

const ID = /^[a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** STIX 2.1 relationship vocabulary (common + SDO-specific types used between actors and software). */
const STIX_RELATIONSHIP_TYPES = ['uses', 'attributed-to', 'authored-by', 'related-to', 'derived-from', 'duplicate-of', 'variant-of', 'controls', 'drops', 'downloads', 'targets'];
const REQUIRED: Record<string, string[]> = {
  identity: ['name', 'identity_class'],
  'intrusion-set': ['name'],
  malware: ['name', 'is_family'],
  tool: ['name'],
  relationship: ['relationship_type', 'source_ref', 'target_ref'],
  note: ['content', 'object_refs'],
};

/** A structural STIX 2.1 check close to what oasis-open/cti-stix-validator enforces. Returns problems. */
function validate(bundle: StixBundle): string[] {
  const problems: string[] = [];
  if (bundle.type !== 'bundle') problems.push('bundle type');
  if (!/^bundle--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(bundle.id)) problems.push(`bundle id ${bundle.id}`);
  if ('spec_version' in bundle) problems.push('2.1 bundles carry no spec_version');
  const ids = new Set<string>();
  for (const o of bundle.objects) {
    if (ids.has(o.id)) problems.push(`duplicate id ${o.id}`);
    ids.add(o.id);
  }
  for (const o of bundle.objects) {
    const at = `${o.type} ${o.id}`;
    if (o.spec_version !== '2.1') problems.push(`${at}: spec_version`);
    if (!ID.test(o.id) || !o.id.startsWith(`${o.type}--`)) problems.push(`${at}: id format`);
    if (!TIMESTAMP.test(o.created) || !TIMESTAMP.test(o.modified)) problems.push(`${at}: timestamps`);
    if (o.modified < o.created) problems.push(`${at}: modified before created`);
    const required = REQUIRED[o.type];
    if (!required) problems.push(`${at}: unexpected type`);
    for (const p of required ?? []) if (o[p] === undefined) problems.push(`${at}: missing ${p}`);
    if (o.type === 'malware' && typeof o.is_family !== 'boolean') problems.push(`${at}: is_family`);
    if (o.type === 'identity' && o.identity_class !== 'system' && o.identity_class !== 'organization') problems.push(`${at}: identity_class`);
    if (o.type === 'relationship' && !STIX_RELATIONSHIP_TYPES.includes(o.relationship_type as string)) problems.push(`${at}: relationship_type ${String(o.relationship_type)}`);
    if (o.type === 'note' && (!Array.isArray(o.object_refs) || !o.object_refs.length)) problems.push(`${at}: object_refs`);
    if ('confidence' in o) {
      const c = o.confidence;
      if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c > 100) problems.push(`${at}: confidence ${String(c)}`);
    }
    for (const [key, value] of Object.entries(o)) {
      if (!/^[a-z0-9_]{3,250}$/.test(key) && key !== 'id') problems.push(`${at}: property name ${key}`);
      if (key.endsWith('_ref') && !ids.has(value as string)) problems.push(`${at}: ${key} → ${String(value)} not in bundle`);
      if (key.endsWith('_refs')) for (const ref of value as string[]) if (!ids.has(ref)) problems.push(`${at}: ${key} → ${ref} not in bundle`);
    }
    if ('external_references' in o) {
      for (const ref of o.external_references as Record<string, unknown>[]) {
        if (typeof ref.source_name !== 'string' || !ref.source_name) problems.push(`${at}: external_reference without source_name`);
        if (!ref.description && !ref.url && !ref.external_id) problems.push(`${at}: external_reference needs description, url or external_id`);
      }
    }
    for (const alias of (o.aliases as unknown[] | undefined) ?? []) if (typeof alias !== 'string') problems.push(`${at}: alias`);
  }
  return problems;
}

async function populated(): Promise<Repository> {
  const repo = await freshRepo();
  await applyImport(repo, detectAndParse(fixture('stix20-attack-sample.json'), 'stix20-attack-sample.json'));
  await applyImport(repo, detectAndParse(fixture('misp-threat-actor-sample.json'), 'misp-threat-actor-sample.json'));
  await repo.addClaim(
    {
      from: 'lazarus-group',
      relation: 'uses',
      to: 'wannacry',
      stance: 'supports',
      confidence: 85,
      source: { title: 'WannaCry and Lazarus', publisher: 'Example News', url: 'https://example.com/wannacry', date: '2017-05-20', reliability: 'B' },
      quote: { type: 'TextQuoteSelector', exact: 'code overlaps with Lazarus tooling', prefix: 'the ', suffix: ' seen' },
      pageUrl: 'https://example.com/wannacry',
    },
    new Date('2026-01-01T12:00:00.000Z'),
  );
  await repo.addClaim(
    { from: 'ta505', relation: 'obtains-access-from', to: 'dridex', stance: 'refutes', source: { title: 'My own notes' } },
    new Date('2026-01-02T12:00:00.000Z'),
  );
  return repo;
}

const entityKey = (e: { name: string; kind: string }) => `${e.kind}:${e.name}`;

describe('exportStix', () => {
  it('scope "all" produces a valid STIX 2.1 bundle', async () => {
    const repo = await populated();
    const bundle = await exportStix(repo, { scope: 'all', now: new Date('2026-02-01T00:00:00.000Z') });
    expect(validate(bundle)).toEqual([]);
    const types = new Set(bundle.objects.map((o) => o.type));
    expect([...types].sort()).toEqual(['identity', 'intrusion-set', 'malware', 'note', 'relationship', 'tool']);
    const identity = bundle.objects.find((o) => o.type === 'identity')!;
    expect(bundle.objects.filter((o) => o.type !== 'identity').every((o) => o.created_by_ref === identity.id)).toBe(true);
    const laz = bundle.objects.find((o) => o.name === 'Lazarus Group')!;
    expect(laz.type).toBe('intrusion-set');
    expect(laz.external_references).toContainEqual({ source_name: 'mitre-attack', external_id: 'G0032', url: 'https://attack.mitre.org/groups/G0032' });
    const wannacry = bundle.objects.find((o) => o.name === 'WannaCry')!;
    expect(wannacry).toMatchObject({ type: 'malware', is_family: true, malware_types: ['ransomware'] });
    // Our develops/obtains-access-from relations use STIX vocabulary, with the exact relation kept.
    const access = bundle.objects.find((o) => o.type === 'relationship' && o.x_actorlens_relation === 'obtains-access-from')!;
    expect(access.relationship_type).toBe('related-to');
    // Confidence is the derived one, an integer.
    expect(access.confidence).toBeTypeOf('number');
    // User claims are notes carrying the quote.
    const notes = bundle.objects.filter((o) => o.type === 'note');
    expect(notes).toHaveLength(2);
    expect(notes.map((n) => n.content)).toContain('code overlaps with Lazarus tooling');
  });

  it('omits confidence when it is unspecified (a link without claims), never writes 0', async () => {
    const repo = await populated();
    await repo.db.links.add({ id: 'ta505~develops~dridex', from: 'ta505', to: 'dridex', relation: 'develops', status: 'active', provenance: ['user'] });
    const bundle = await exportStix(repo, { scope: 'all' });
    expect(validate(bundle)).toEqual([]);
    const idOf = (name: string) => bundle.objects.find((o) => o.name === name)!.id;
    // develops → authored-by, reversed: the malware is authored by the actor.
    const rel = bundle.objects.find((o) => o.x_actorlens_relation === 'develops' && o.source_ref === idOf('Dridex') && o.target_ref === idOf('TA505'))!;
    expect(rel.relationship_type).toBe('authored-by');
    expect('confidence' in rel).toBe(false);
    const plan = parseStixBundle(bundle, 'e.json');
    const planId = (name: string) => plan.entities.find((e) => e.name === name)!.id;
    const developed = plan.links.find((l) => l.relation === 'develops' && l.from === planId('TA505') && l.to === planId('Dridex'))!;
    expect(developed).toBeDefined();
    expect(plan.claims.find((c) => c.linkId === developed.id)?.confidence).toBeUndefined();
  });

  it('ids are deterministic across exports; the bundle id is random', async () => {
    const repo = await populated();
    const a = await exportStix(repo, { scope: 'all' });
    const b = await exportStix(repo, { scope: 'all' });
    expect(a.objects.map((o) => o.id)).toEqual(b.objects.map((o) => o.id));
    expect(a.id).not.toBe(b.id);
  });

  it('scope "annotations" holds the user claims and only what they need', async () => {
    const repo = await populated();
    const bundle = await exportStix(repo, { scope: 'annotations' });
    expect(validate(bundle)).toEqual([]);
    const named = (type: string) => bundle.objects.filter((o) => o.type === type).map((o) => o.name).sort();
    expect(named('intrusion-set')).toEqual(['Lazarus Group', 'TA505']);
    expect(named('malware')).toEqual(['Dridex', 'WannaCry']);
    expect(bundle.objects.filter((o) => o.type === 'relationship')).toHaveLength(2);
    expect(bundle.objects.filter((o) => o.type === 'note')).toHaveLength(2);
  });

  it('re-importing the export gives the same entities and links', async () => {
    const repo = await populated();
    const bundle = await exportStix(repo, { scope: 'all' });
    const plan = parseStixBundle(JSON.parse(JSON.stringify(bundle)), 'export.json');
    expect(plan.errors).toEqual([]);
    expect(plan.warnings).toEqual([]);

    const entities = await repo.allEntities();
    expect(plan.entities.map(entityKey).sort()).toEqual(entities.map(entityKey).sort());
    const byName = new Map(entities.map((e) => [e.name, e]));
    for (const e of plan.entities) {
      const original = byName.get(e.name)!;
      expect(e.aliases).toEqual(original.aliases);
      expect(e.externalIds?.attack).toEqual(original.externalIds?.attack);
      expect(e.externalIds?.misp).toEqual(original.externalIds?.misp);
      expect(e.country).toEqual(original.country);
      expect(e.description).toEqual(original.description);
      expect(e.nameAmbiguous).toEqual(original.nameAmbiguous);
    }
    const nameOf = new Map([...entities.map((e) => [e.id, e.name] as const), ...plan.entities.map((e) => [e.id, e.name] as const)]);
    const linkKey = (l: { from: string; relation: string; to: string; status: string }) => `${nameOf.get(l.from)} ${l.relation} ${nameOf.get(l.to)} (${l.status})`;
    const links = await repo.db.links.toArray();
    expect(plan.links.map(linkKey).sort()).toEqual(links.map(linkKey).sort());

    // The user's claims come back as claims with their quote, stance, confidence and source.
    const quoted = plan.claims.find((c) => c.quote?.exact === 'code overlaps with Lazarus tooling')!;
    expect(quoted).toMatchObject({
      stance: 'supports',
      confidence: 85,
      pageUrl: 'https://example.com/wannacry',
      quote: { type: 'TextQuoteSelector', exact: 'code overlaps with Lazarus tooling', prefix: 'the ', suffix: ' seen' },
      source: { title: 'WannaCry and Lazarus', publisher: 'Example News', url: 'https://example.com/wannacry', date: '2017-05-20', reliability: 'B' },
      created: '2026-01-01T12:00:00.000Z',
    });
    expect(plan.claims.find((c) => c.stance === 'refutes' && c.origin === 'user')?.source.title).toBe('My own notes');

    // Applied to the same database, the export adds no entity and no link.
    const result = await applyImport(repo, plan);
    expect(result.record.counts).toMatchObject({ newEntities: 0, newLinks: 0 });
  });
});
