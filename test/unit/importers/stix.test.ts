import { describe, expect, it } from 'vitest';
import { detectAndParse, parseStixBundle } from '../../../src/core/importers/index';
import { linkId, RELATIONS, type Relation } from '../../../src/core/model/link';
import { ATTACK_FILE, fixture, HAS_SHARED, shared, warnIfNoShared } from './helpers';

warnIfNoShared('ATT&CK parser counts');

describe('parseStixBundle — STIX 2.1 sample', () => {
  const plan = detectAndParse(fixture('stix21-sample.json'), 'stix21-sample.json', { now: new Date('2025-01-01T00:00:00Z') });
  const byName = (name: string) => plan.entities.find((e) => e.name === name);

  it('parses without errors and detects the format and producer', () => {
    expect(plan.errors).toEqual([]);
    expect(plan.format).toBe('stix-2.1');
    // The producer identity names the feed (ATT&CK ids inside do not make it an ATT&CK feed).
    expect(plan.feed).toBe('stix:Example CTI');
  });

  it('maps object types onto kinds, ATT&CK ids and aliases', () => {
    expect(plan.entities.map((e) => [e.name, e.kind]).sort()).toEqual(
      [
        ['Cobalt Strike', 'tool'],
        ['Example Crew', 'actor'],
        ['Example Panda', 'actor'],
        ['ExampleLocker', 'ransomware'],
        ['Lazarus Group', 'actor'],
        ['TrickBot', 'malware'],
      ].sort(),
    );
    const laz = byName('Lazarus Group')!;
    expect(laz.id).toBe('attack:G0032');
    expect(laz.externalIds).toEqual({ attack: ['G0032'], stix: ['intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a'] });
    expect(laz.aliases.map((a) => a.name)).toEqual(['HIDDEN COBRA', 'Diamond Sleet']);
    // Descriptions are plain text: tags and citation markers removed.
    expect(laz.description).toBe('North Korean state-sponsored group. Bold claim');
    const panda = byName('Example Panda')!;
    expect(panda.aliases.map((a) => a.name)).toEqual(['Sample Typhoon', 'Spacey Alias', 'APT-Q-99']);
    expect(panda.firstSeen).toBe('2019-05-01');
    expect(panda.motivation).toBe('organizational gain');
    expect(panda.id).toBe('stix:intrusion-set--11111111-2222-4333-8444-555555555555');
  });

  it('skips revoked, deprecated and unsupported objects and counts them', () => {
    expect(byName('Old Group')).toBeUndefined();
    expect(byName('Old Malware')).toBeUndefined();
    expect(plan.skipped).toEqual({ revoked: 1, deprecated: 1, unsupported: 2, orphaned: 1 });
  });

  it('turns relationships into links and claims with confidence and sources', () => {
    // a symmetric relation's statement lands on its one link, stated either way (linkId)
    const rel = (from: string, relation: Relation, to: string) => plan.links.find((l) => l.id === linkId(byName(from)!.id, relation, byName(to)?.id ?? to));
    const uses = rel('Lazarus Group', 'uses', 'TrickBot')!;
    expect(uses).toBeDefined();
    const claim = plan.claims.find((c) => c.linkId === uses.id)!;
    expect(claim.confidence).toBe(70);
    expect(claim.source).toEqual({ title: 'Example Vendor: Lazarus and TrickBot', publisher: 'Example Vendor', url: 'https://example.com/lazarus-trickbot' });
    expect(claim.origin).toBe('import:stix:Example CTI');
    expect(claim.created).toBe('2024-03-01T10:00:00.000Z');
    // No confidence → unspecified, never 0; the source comes from the report that contains the relationship.
    const panda = plan.claims.find((c) => c.linkId === rel('Example Panda', 'uses', 'Cobalt Strike')!.id)!;
    expect(panda.confidence).toBeUndefined();
    expect(panda.source).toEqual({ title: 'Example Panda activity report', publisher: 'Example CTI', date: '2024-02-29' });
    expect(rel('ExampleLocker', 'shares-code-with', 'TrickBot')).toBeDefined();
    expect(rel('Example Panda', 'attributed-to', 'Example Crew')).toBeDefined();
    // Unknown relationship type → affiliated-with, with a warning.
    expect(rel('Example Crew', 'affiliated-with', 'Example Panda')).toBeDefined();
    expect(plan.warnings.some((w) => w.field === 'relationship_type' && /sponsors/.test(w.message))).toBe(true);
    // A target outside the bundle is kept as an external reference for the apply step to resolve.
    expect(plan.links.some((l) => l.to === 'stix:malware--99999999-0000-4000-8000-000000000000')).toBe(true);
    for (const l of plan.links) expect(RELATIONS).toContain(l.relation);
  });
});

describe('parseStixBundle — STIX 2.0 (ATT&CK style)', () => {
  const plan = detectAndParse(fixture('stix20-attack-sample.json'), 'stix20-attack-sample.json');

  it('accepts 2.0 bundles, labels ATT&CK provenance, detects ransomware from the description', () => {
    expect(plan.errors).toEqual([]);
    expect(plan.format).toBe('stix-2.0');
    expect(plan.feed).toBe('attack');
    const kinds = Object.fromEntries(plan.entities.map((e) => [e.name, e.kind]));
    expect(kinds).toEqual({ 'Lazarus Group': 'actor', TrickBot: 'malware', WannaCry: 'ransomware', Net: 'tool' });
    const trick = plan.entities.find((e) => e.name === 'TrickBot')!;
    expect(trick.aliases.map((a) => a.name)).toEqual(['Totbrick', 'TSPY_TRICKLOAD']);
    expect(trick.provenance).toEqual(['attack']);
    expect(plan.entities.find((e) => e.name === 'Lazarus Group')!.description).toBe(
      'Lazarus Group is a North Korean state-sponsored cyber threat group.',
    );
  });

  it('reads ATT&CK citations into claim sources (publisher MITRE ATT&CK, date from the citation)', () => {
    const claim = plan.claims.find((c) => c.id === 'stix:relationship--b0000000-0000-4000-8000-000000000001')!;
    expect(claim.source).toEqual({
      title: 'Doe, J. (2020, September 3). Lazarus and TrickBot. Retrieved May 1, 2021.',
      publisher: 'MITRE ATT&CK',
      date: '2020-09-03',
      url: 'https://example.org/lazarus-trickbot',
    });
    expect(claim.confidence).toBeUndefined();
    // revoked-by is not a link between actors.
    expect(plan.skipped.unsupported).toBe(1);
    expect(plan.links).toHaveLength(2);
  });
});

describe('parseStixBundle — wrong shapes', () => {
  it('rejects non-bundles with an ImportError naming file and field', () => {
    const plan = parseStixBundle({ type: 'indicator' }, 'x.json');
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatchObject({ file: 'x.json', field: 'type' });
  });

  it('rejects a bundle whose objects is not a list', () => {
    const plan = parseStixBundle({ type: 'bundle', id: 'bundle--9b3c1f0e-2a4d-4c6b-8e7f-0a1b2c3d4e5f', objects: {} }, 'x.json');
    expect(plan.errors[0]).toMatchObject({ file: 'x.json', path: 'objects', field: 'objects' });
  });

  it('rejects an object with a malformed id', () => {
    const plan = parseStixBundle({ type: 'bundle', objects: [{ type: 'malware', id: 'malware--nope', name: 'X' }] }, 'x.json');
    expect(plan.errors[0]).toMatchObject({ path: 'objects[0]', field: 'id' });
  });
});

describe.skipIf(!HAS_SHARED)('parseStixBundle — ATT&CK v18.1 enterprise groups and software (../shared)', () => {
  it('keeps every non-revoked, non-deprecated group and software, and every usable relationship', () => {
    const text = shared('attack/enterprise-groups-software.json');
    const raw = JSON.parse(text) as { objects: Record<string, unknown>[] };
    // Independent count, straight from the file.
    const live = (o: Record<string, unknown>) => o.revoked !== true && o.x_mitre_deprecated !== true;
    const count = (type: string) => raw.objects.filter((o) => o.type === type && live(o)).length;
    const liveIds = new Set(raw.objects.filter((o) => o.type !== 'relationship' && live(o)).map((o) => o.id));
    const uses = raw.objects.filter((o) => o.type === 'relationship' && o.relationship_type === 'uses' && live(o) && liveIds.has(o.source_ref) && liveIds.has(o.target_ref));
    const revoked = raw.objects.filter((o) => o.revoked === true).length;
    const deprecated = raw.objects.filter((o) => o.revoked !== true && o.x_mitre_deprecated === true).length;

    const plan = detectAndParse(text, ATTACK_FILE);
    expect(plan.errors).toEqual([]);
    expect(plan.format).toBe('stix-2.0');
    const kinds = (k: string[]) => plan.entities.filter((e) => k.includes(e.kind)).length;
    expect(kinds(['actor'])).toBe(count('intrusion-set'));
    expect(kinds(['malware', 'ransomware'])).toBe(count('malware'));
    expect(kinds(['tool'])).toBe(count('tool'));
    expect(plan.skipped.revoked).toBe(revoked);
    expect(plan.skipped.deprecated).toBe(deprecated);
    expect(plan.links).toHaveLength(new Set(uses.map((o) => `${o.source_ref}|${o.target_ref}`)).size);
    // One claim per cited source (a reference repeated word for word counts once), or one for the feed itself.
    const cited = (o: Record<string, unknown>) => {
      const refs = ((o.external_references as Record<string, unknown>[] | undefined) ?? []).filter(
        (r) => r.source_name !== 'mitre-attack' && (typeof r.url === 'string' || typeof r.description === 'string'),
      );
      return Math.max(1, new Set(refs.map((r) => JSON.stringify([r.source_name, r.description, r.url]))).size);
    };
    expect(plan.claims).toHaveLength(uses.reduce((n, o) => n + cited(o), 0));
    expect(plan.claims.length).toBeGreaterThan(uses.length);
    const laz = plan.entities.find((e) => e.externalIds?.attack?.includes('G0032'))!;
    expect(laz.name).toBe('Lazarus Group');
    expect(laz.id).toBe('attack:G0032');
    // Every ATT&CK entity carries its ATT&CK id.
    expect(plan.entities.every((e) => e.externalIds?.attack?.length === 1)).toBe(true);
  });
});
