/**
 * Audit R, finding 4: every object of a STIX export checked against the STIX 2.1 specification (OASIS, 2021):
 * required properties, formats and references. The validator is written here, from the specification, and not
 * shipped. It runs on an "all" export of the bundled dataset with the reader's claims and on an "annotations" one.
 */
import { describe, expect, it } from 'vitest';
import { exportStix, type StixBundle } from '../../../src/core/db/import-export';
import type { Repository } from '../../../src/core/db/repository';
import { readFileSync } from 'node:fs';
import { applyImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { ATTACK_FILE, fixture, freshRepo, HAS_SHARED, MISP_DIR, VENDOR_CLAIM, warnIfNoShared } from '../importers/helpers';

warnIfNoShared('the STIX export check after importing ATT&CK and the MISP galaxies');

/** RFC 3339 date-time in UTC with "Z" (STIX 2.1 §2.14 timestamp). */
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?Z$/;
/** §2.9: object-type--UUID, RFC 4122 variant; SDOs, SROs and SMOs SHOULD use v4, producers using another SHOULD use v5. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** §3.1: type names. */
const TYPE_NAME = /^[a-z0-9](?:[a-z0-9]|-(?!-)){1,248}[a-z0-9]$/;
/** §3.1: property names (custom ones, §11.1, lower case only). */
const PROPERTY = /^[a-zA-Z0-9_]{3,250}$/;
const CUSTOM_PROPERTY = /^x_[a-z0-9_]{1,248}$/;
const RELATIONSHIP_TYPE = /^[a-z0-9-]+$/;

type Obj = Record<string, unknown>;

function validate(bundle: StixBundle): string[] {
  const problems: string[] = [];
  const bad = (where: string, what: string) => problems.push(`${where}: ${what}`);
  const b = bundle as unknown as Obj;
  if (b.type !== 'bundle') bad('bundle', 'type must be "bundle"');
  if (typeof b.id !== 'string' || !b.id.startsWith('bundle--') || !UUID.test(b.id.slice(8))) bad('bundle', `id ${String(b.id)}`);
  if ('spec_version' in b) bad('bundle', 'a 2.1 bundle has no spec_version');
  if (!Array.isArray(b.objects) || !b.objects.length) bad('bundle', 'objects must be a non-empty list');
  const objects = (b.objects ?? []) as Obj[];
  const ids = new Map<string, string>();
  for (const o of objects) {
    if (typeof o.id === 'string') {
      if (ids.has(o.id)) bad(o.id, 'duplicate id');
      ids.set(o.id, String(o.type));
    }
  }
  const ref = (where: string, field: string, value: unknown, types?: string[]) => {
    if (typeof value !== 'string') return bad(where, `${field} must be an identifier`);
    const [type, uuid] = value.split('--');
    if (!type || !uuid || !UUID.test(uuid)) bad(where, `${field} ${value} is not type--UUID`);
    if (!ids.has(value)) bad(where, `${field} ${value} is not in the bundle`);
    if (types && !types.includes(type!)) bad(where, `${field} ${value} must be one of ${types.join(', ')}`);
  };
  /** No null anywhere; no empty string or empty list anywhere (§2.7 lists; strings checked the same way). */
  const walk = (where: string, path: string, v: unknown): void => {
    if (v === null) bad(where, `${path} is null`);
    else if (v === '') bad(where, `${path} is an empty string`);
    else if (Array.isArray(v)) {
      if (!v.length) bad(where, `${path} is an empty list`);
      v.forEach((x, i) => walk(where, `${path}[${i}]`, x));
    } else if (typeof v === 'object') for (const [k, x] of Object.entries(v as Obj)) walk(where, `${path}.${k}`, x);
    else if (typeof v === 'number' && !Number.isFinite(v)) bad(where, `${path} is not a finite number`);
  };
  for (const o of objects) {
    const where = `${String(o.type)} ${String(o.id)}${typeof o.name === 'string' ? ` (${o.name})` : ''}`;
    for (const [k, v] of Object.entries(o)) {
      walk(where, k, v);
      if (!PROPERTY.test(k) && k !== 'id') bad(where, `property name ${k}`);
      if (k.startsWith('x_') && !CUSTOM_PROPERTY.test(k)) bad(where, `custom property name ${k}`);
    }
    if (typeof o.type !== 'string' || !TYPE_NAME.test(o.type)) bad(where, 'type');
    if (o.spec_version !== '2.1') bad(where, 'spec_version must be "2.1"');
    if (typeof o.id !== 'string' || !o.id.startsWith(`${String(o.type)}--`) || !UUID.test(o.id.slice(String(o.type).length + 2))) bad(where, 'id must be type--UUID (v4 or v5)');
    for (const f of ['created', 'modified'] as const) if (typeof o[f] !== 'string' || !TIMESTAMP.test(o[f])) bad(where, `${f} ${String(o[f])} is not an RFC 3339 UTC timestamp`);
    if (typeof o.created === 'string' && typeof o.modified === 'string' && Date.parse(o.modified) < Date.parse(o.created)) bad(where, 'modified before created');
    if ('created_by_ref' in o) ref(where, 'created_by_ref', o.created_by_ref, ['identity']);
    if ('confidence' in o && !(Number.isInteger(o.confidence) && (o.confidence as number) >= 0 && (o.confidence as number) <= 100)) bad(where, 'confidence must be an integer 0–100');
    if ('description' in o && typeof o.description !== 'string') bad(where, 'description must be a string');
    if ('external_references' in o) {
      if (!Array.isArray(o.external_references)) bad(where, 'external_references must be a list');
      else
        (o.external_references as Obj[]).forEach((r, i) => {
          if (typeof r.source_name !== 'string' || !r.source_name) bad(where, `external_references[${i}].source_name is required`);
          if (!['description', 'url', 'external_id'].some((k) => typeof r[k] === 'string')) bad(where, `external_references[${i}] needs a description, url or external_id`);
          if (typeof r.url === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(r.url)) bad(where, `external_references[${i}].url is not a URL`);
        });
    }
    const name = () => {
      if (typeof o.name !== 'string' || !o.name.trim()) bad(where, 'name is required');
    };
    const strings = (field: string) => {
      if (field in o && !(Array.isArray(o[field]) && (o[field] as unknown[]).every((s) => typeof s === 'string' && s))) bad(where, `${field} must be a list of strings`);
    };
    const seen = () => {
      for (const f of ['first_seen', 'last_seen']) if (f in o && (typeof o[f] !== 'string' || !TIMESTAMP.test(o[f] as string))) bad(where, `${f} is not a timestamp`);
      if (typeof o.first_seen === 'string' && typeof o.last_seen === 'string' && Date.parse(o.last_seen) < Date.parse(o.first_seen)) bad(where, 'last_seen before first_seen');
    };
    switch (o.type) {
      case 'identity':
        name();
        break;
      case 'intrusion-set':
        name();
        strings('aliases');
        seen();
        break;
      case 'malware':
        if (typeof o.is_family !== 'boolean') bad(where, 'is_family is required');
        if (o.is_family === true) name();
        strings('aliases');
        strings('malware_types');
        seen();
        break;
      case 'tool':
        name();
        strings('aliases');
        break;
      case 'relationship':
        if (typeof o.relationship_type !== 'string' || !RELATIONSHIP_TYPE.test(o.relationship_type)) bad(where, 'relationship_type');
        ref(where, 'source_ref', o.source_ref);
        ref(where, 'target_ref', o.target_ref);
        if (o.source_ref === o.target_ref) bad(where, 'source_ref equals target_ref');
        break;
      case 'note':
        if (typeof o.content !== 'string' || !o.content) bad(where, 'content is required');
        if (!Array.isArray(o.object_refs) || !o.object_refs.length) bad(where, 'object_refs is required');
        else o.object_refs.forEach((r, i) => ref(where, `object_refs[${i}]`, r));
        strings('authors');
        break;
      default:
        bad(where, 'unexpected object type in an ActorLens export');
    }
  }
  return problems;
}

async function withClaims(): Promise<Repository> {
  const repo = await freshRepo();
  const at = new Date('2025-03-04T05:06:07.089Z');
  await repo.addClaim(VENDOR_CLAIM, at);
  // Only a title: no publisher, no address, no quote.
  await repo.addClaim({ from: 'apt28', relation: 'overlaps-with', to: 'apt29', stance: 'refutes', source: { title: 'Analyst note', author: 'me' } }, at);
  const mine = await repo.addEntity({ name: 'Quokka Bear', kind: 'actor', description: 'my own actor' });
  await repo.addClaim({ from: mine.id, relation: 'uses', to: 'trickbot', stance: 'supports', confidence: 15, source: { title: 'Hunch' } }, at);
  // Blank optional fields, as a caller other than the claim form may send them.
  await repo.addClaim({ from: mine.id, relation: 'uses', to: 'lazarus-group', stance: 'supports', source: { title: 'Blank', publisher: '', author: ' ', url: '', date: '' } }, at);
  const links = await repo.db.links.where('from').equals(mine.id).toArray();
  await repo.setOverride(links[0]!.id, 42, '');
  // Removals: a claim deleted on a link that stays, one whose link went with it, an override cleared.
  const later = new Date('2025-05-06T07:08:09.010Z');
  await repo.deleteClaim((await repo.addClaim({ ...VENDOR_CLAIM, source: { title: 'Second thoughts' } }, at)).id, later);
  await repo.deleteClaim((await repo.addClaim({ from: mine.id, relation: 'develops', to: 'trickbot', stance: 'supports', source: { title: 'Gone' } }, at)).id, later);
  await repo.setOverride(links[1]!.id, 30, 'tmp', at);
  await repo.setOverride(links[1]!.id, null, '', later);
  return repo;
}

describe('STIX 2.1 export against the specification', () => {
  it('the validator itself catches what it should', () => {
    const broken = {
      type: 'bundle',
      id: 'bundle--00000000-0000-4000-8000-000000000000',
      objects: [
        { type: 'tool', spec_version: '2.1', id: 'tool--00000000-0000-1000-8000-000000000000', created: '2020-01-01T00:00:00+01:00', modified: '2020-01-01T00:00:00.000Z', name: '' },
        { type: 'relationship', spec_version: '2.1', id: 'relationship--00000000-0000-4000-8000-000000000001', created: '2020-01-01T00:00:00.000Z', modified: '2020-01-01T00:00:00.000Z', relationship_type: 'uses', source_ref: 'tool--00000000-0000-4000-8000-000000000009', target_ref: 'tool--00000000-0000-4000-8000-000000000009', x_list: [] },
      ],
    } as unknown as StixBundle;
    const problems = validate(broken).join('\n');
    for (const p of ['id must be type--UUID', 'created 2020-01-01T00:00:00+01:00', 'name is required', 'is not in the bundle', 'x_list is an empty list', 'name is an empty string']) expect(problems).toContain(p);
  });

  for (const scope of ['all', 'annotations'] as const) {
    it(`an "${scope}" export of the bundled data and the reader's claims has no problem`, async () => {
      const repo = await withClaims();
      const bundle = await exportStix(repo, { scope, now: new Date('2026-01-02T03:04:05.678Z') });
      expect(bundle.objects.filter((o) => o.type === 'note' && !o.revoked)).toHaveLength(4);
      expect(bundle.objects.filter((o) => o.type === 'note' && o.revoked === true)).toHaveLength(2);
      expect(validate(bundle)).toEqual([]);
    });
  }

  it.skipIf(!HAS_SHARED)('an "all" export after importing the sample files, ATT&CK and four MISP galaxies has no problem (needs ../shared/data)', async () => {
    const repo = await withClaims();
    for (const f of ['stix20-attack-sample.json', 'misp-threat-actor-sample.json', 'stix21-sample.json']) await applyImport(repo, detectAndParse(fixture(f), f));
    await applyImport(repo, detectAndParse(readFileSync(ATTACK_FILE, 'utf8'), 'enterprise-groups-software.json'));
    for (const f of ['threat-actor.json', 'tool.json', 'ransomware.json', 'malpedia.json']) await applyImport(repo, detectAndParse(readFileSync(`${MISP_DIR}/${f}`, 'utf8'), f));
    const bundle = await exportStix(repo, { scope: 'all', now: new Date('2026-01-02T03:04:05.678Z') });
    expect(bundle.objects.length).toBeGreaterThan(5000);
    expect(validate(bundle).slice(0, 20)).toEqual([]);
  }, 120_000);
});
