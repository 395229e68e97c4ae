import { describe, expect, it } from 'vitest';
import { detectAndParse, parseMispGalaxy } from '../../../src/core/importers/index';
import { mapMispRelation, mapStixRelation, stixRelationFor } from '../../../src/core/importers/relations';
import { linkId, RELATIONS, type Relation } from '../../../src/core/model/link';
import { fixture, HAS_SHARED, MISP_DIR, shared, warnIfNoShared } from './helpers';

warnIfNoShared('MISP galaxy parser counts');

const LAZ = 'misp:68391641-859f-4a9a-9a1e-3e5cf71ec376';
const AND = 'misp:a1b2c3d4-0000-4000-8000-000000000001';
const SPI = 'misp:a1b2c3d4-0000-4000-8000-000000000002';

describe('parseMispGalaxy — sample threat-actor cluster file', () => {
  const plan = detectAndParse(fixture('misp-threat-actor-sample.json'), 'misp-threat-actor-sample.json');
  const entity = (id: string) => plan.entities.find((e) => e.id === id)!;

  it('reads values, synonyms, country, sponsor and usedBy', () => {
    expect(plan.errors).toEqual([]);
    expect(plan.format).toBe('misp-galaxy');
    expect(plan.feed).toBe('misp:threat-actor');
    expect(plan.entities.map((e) => e.name)).toEqual(['Lazarus Group', 'Andariel', 'Example Spider']);
    const laz = entity(LAZ);
    expect(laz.kind).toBe('actor');
    expect(laz.country).toBe('KP');
    expect(laz.motivation).toBe("state-sponsored (suspected sponsor: Korea (Democratic People's Republic of))");
    expect(laz.externalIds).toEqual({ misp: ['68391641-859f-4a9a-9a1e-3e5cf71ec376'] });
    expect(laz.provenance).toEqual(['misp:threat-actor']);
    // Trimmed, stray punctuation removed, ATT&CK ids not kept as names, usedBy from origin:<alias>.
    expect(laz.aliases).toEqual([
      { name: 'Hidden Cobra' },
      { name: 'Andariel' },
      { name: 'Daggerfly' },
      { name: 'APT-Q-27' },
      { name: 'DEV-0139', usedBy: 'Microsoft' },
      { name: 'Diamond Sleet' },
    ]);
    expect(entity(SPI).motivation).toBe('financial crime');
  });

  it('maps related[] onto links with estimative-language confidence (no tag → unspecified)', () => {
    // a symmetric relation's statement lands on its one link, stated either way (linkId)
    const link = (from: string, relation: Relation, to: string) => plan.links.find((l) => l.id === linkId(from, relation, to));
    const claimOf = (from: string, relation: Relation, to: string) => plan.claims.find((c) => c.linkId === link(from, relation, to)?.id);
    expect(claimOf(LAZ, 'overlaps-with', 'misp:c93fccb1-e8e8-42cf-ae33-2ad1d183913a')?.confidence).toBe(70);
    expect(claimOf(AND, 'affiliated-with', LAZ)?.confidence).toBe(85);
    const untagged = claimOf(SPI, 'affiliated-with', LAZ)!;
    expect(untagged).toBeDefined();
    expect(untagged.confidence).toBeUndefined();
    expect('confidence' in untagged).toBe(false);
    expect(claimOf(SPI, 'affiliated-with', AND)?.confidence).toBe(30); // unknown type "befriends" → default
    expect(plan.warnings.some((w) => w.path === 'values[2].related[1]' && /befriends/.test(w.message))).toBe(true);
    expect(claimOf(SPI, 'uses', 'misp:a1b2c3d4-0000-4000-8000-0000000000ee')?.confidence).toBe(95);
    expect(plan.skipped.unsupported).toBe(1); // targets
    expect(untagged.source).toEqual({
      title: 'MISP galaxy: Threat Actor',
      publisher: 'MISP galaxy',
      url: 'https://github.com/MISP/misp-galaxy/blob/main/clusters/threat-actor.json',
    });
  });

  it('derives the kind from the galaxy type and rejects unknown galaxies', () => {
    for (const [type, kind] of [['malpedia', 'malware'], ['tool', 'tool'], ['ransomware', 'ransomware'], ['threat-actor', 'actor']]) {
      const plan = parseMispGalaxy({ type, name: type, values: [{ value: 'Foo', uuid: 'a1b2c3d4-0000-4000-8000-000000000001' }] }, 'f.json');
      expect(plan.entities[0]!.kind).toBe(kind);
    }
    const bad = parseMispGalaxy({ type: 'sector', name: 'Sector', values: [] }, 'sector.json');
    expect(bad.errors[0]).toMatchObject({ file: 'sector.json', field: 'type' });
  });
});

describe('relation mapping', () => {
  it('always lands in the closed vocabulary', () => {
    for (const t of ['uses', 'used-by', 'similar', 'variant-of', 'successor-of', 'is-deployed-by ', 'whatever']) {
      const m = mapMispRelation(t);
      if (m) expect(RELATIONS).toContain(m.relation);
    }
    expect(mapMispRelation('used-by')).toEqual({ relation: 'uses', reversed: true });
    expect(mapMispRelation('targets')).toBeNull();
    expect(mapStixRelation('authored-by')).toEqual({ relation: 'develops', reversed: true });
    expect(mapStixRelation('related-to', 'obtains-access-from')).toEqual({ relation: 'obtains-access-from', reversed: false });
    expect(mapStixRelation('revoked-by')).toBeNull();
    expect(stixRelationFor('develops')).toEqual({ type: 'authored-by', reversed: true });
    for (const r of RELATIONS) expect(['uses', 'attributed-to', 'authored-by', 'related-to']).toContain(stixRelationFor(r).type);
  });
});

describe.skipIf(!HAS_SHARED)('parseMispGalaxy — real galaxy files (../shared)', () => {
  it('threat-actor.json: one actor per value, every synonym kept or explained', () => {
    const text = shared('misp-galaxy/threat-actor.json');
    const raw = JSON.parse(text) as { values: { value: string; uuid: string; related?: { type: string; 'dest-uuid': string }[] }[] };
    const plan = detectAndParse(text, `${MISP_DIR}/threat-actor.json`);
    expect(plan.errors).toEqual([]);
    expect(plan.entities).toHaveLength(raw.values.length);
    expect(plan.entities.every((e) => e.kind === 'actor')).toBe(true);
    const related = raw.values.flatMap((v) => (v.related ?? []).map((r) => ({ ...r, from: v.uuid })));
    const targets = related.filter((r) => r.type.trim() === 'targets').length;
    expect(plan.skipped.unsupported).toBe(targets);
    // One claim per distinct (value, type, destination); the file repeats a few entries.
    const distinct = new Set(related.filter((r) => r.type.trim() !== 'targets' && r.from !== r['dest-uuid']).map((r) => `${r.from}|${r.type.trim()}|${r['dest-uuid']}`));
    expect(plan.claims.length).toBe(distinct.size);
    expect(plan.entities.find((e) => e.name === 'Lazarus Group')?.country).toBe('KP');
  });

  it('malpedia, tool and ransomware files parse without errors', () => {
    for (const [file, kind] of [['malpedia', 'malware'], ['tool', 'tool'], ['ransomware', 'ransomware']] as const) {
      const text = shared(`misp-galaxy/${file}.json`);
      const raw = JSON.parse(text) as { values: unknown[] };
      const plan = detectAndParse(text, `${file}.json`);
      expect(plan.errors).toEqual([]);
      // malpedia's offensive-security tools described as such (SharpHound, SharpWMI…) come in as tools (misp.ts isTesterTool)
      expect(plan.entities.every((e) => e.kind === kind || (file === 'malpedia' && e.kind === 'tool'))).toBe(true);
      if (file === 'malpedia') expect(plan.entities.find((e) => e.name === 'SharpHound')?.kind).toBe('tool');
      // Values without letters or digits ("$$$") are the only ones skipped, each with a warning.
      const skippedNames = plan.warnings.filter((w) => w.field === 'value').length;
      expect(plan.entities.length + skippedNames).toBe(raw.values.length);
    }
  });
});

describe('parseMispGalaxy — bare names of platform variants', () => {
  const values = [
    'SystemBC (ELF)',
    'SystemBC (Windows)',
    'GolangGhost (OS X)',
    'Ares (Python)',
    'Unidentified 061 (ELF)',
    'Locky (Decryptor)',
    'BeaverTail',
    'BeaverTail (Javascript)',
  ];
  const plan = parseMispGalaxy(
    {
      type: 'malpedia',
      name: 'Malpedia',
      values: values.map((value, i) => ({ value, uuid: `a1b2c3d4-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, meta: value === 'SystemBC (Windows)' ? { synonyms: ['Coroxy'] } : {} })),
    },
    'malpedia.json',
  );
  const aliases = (name: string) => plan.entities.find((e) => e.name === name)!.aliases.map((a) => a.name);

  it('adds the bare name of a platform or language variant as an alias', () => {
    expect(plan.errors).toEqual([]);
    expect(aliases('SystemBC (Windows)')).toEqual(['Coroxy', 'SystemBC']);
    expect(aliases('GolangGhost (OS X)')).toEqual(['GolangGhost']);
    expect(aliases('Ares (Python)')).toEqual(['Ares']);
  });

  it('gives a bare name shared by variants to one of them, the Windows one first', () => {
    expect(aliases('SystemBC (ELF)')).toEqual([]);
  });

  it('leaves placeholders, descriptors and bare names that are values of the file alone', () => {
    expect(aliases('Unidentified 061 (ELF)')).toEqual([]);
    expect(aliases('Locky (Decryptor)')).toEqual([]);
    expect(aliases('BeaverTail (Javascript)')).toEqual([]);
  });
});
