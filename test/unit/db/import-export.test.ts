import { describe, expect, it } from 'vitest';
import { applyImport, importLog, previewImport, undoImport } from '../../../src/core/db/import-export';
import { nameKey } from '../../../src/core/db/keys';
import type { Repository } from '../../../src/core/db/repository';
import { detectAndParse, type ImportPlan } from '../../../src/core/importers/index';
import { dump, fixture, freshRepo, HAS_SHARED, shared, warnIfNoShared } from '../importers/helpers';

warnIfNoShared('ATT&CK + MISP database import tests');

const parse = (name: string) => detectAndParse(fixture(name), name);

async function entitiesNamed(repo: Repository, name: string) {
  return repo.db.entities.where('keys').equals(nameKey(name)).toArray();
}

function counts(r: Awaited<ReturnType<typeof applyImport>>) {
  return r.record.counts;
}

describe('applyImport — merge rules', () => {
  it('imports a STIX 2.1 bundle into the seeded database and merges known entities', async () => {
    const repo = await freshRepo();
    const plan = parse('stix21-sample.json');
    const bundledCount = await repo.db.entities.count();
    const result = await applyImport(repo, plan);
    // Lazarus (by ATT&CK id) and TrickBot (by name, same software family) merge into the bundled entities;
    // everything else in the file either merges into one bundled entity or is new — never duplicated.
    expect(await repo.db.entities.count()).toBe(bundledCount + counts(result).newEntities);
    expect(result.preview.updatedEntities.map((c) => c.after.id)).toEqual(expect.arrayContaining(['lazarus-group', 'trickbot']));
    for (const e of plan.entities) expect(await entitiesNamed(repo, e.name)).toHaveLength(1);
    const laz = (await repo.entity('lazarus-group'))!;
    expect(laz.provenance).toEqual(['bundled', 'stix:Example CTI']);
    expect(laz.externalIds?.stix).toEqual(['intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a']);
    expect(laz.description).toMatch(/^A North Korean state cluster/); // bundled description kept
    const trick = (await repo.entity('trickbot'))!;
    expect(trick.aliases.map((a) => a.name)).toContain('Totbrick');
    expect(trick.kind).toBe('malware');
    // The link to a malware outside the bundle and outside the database is skipped with a warning.
    expect(result.preview.warnings.some((w) => /malware--99999999/.test(w.message))).toBe(true);
    const views = await repo.linksOf('lazarus-group');
    const uses = views.find((v) => v.link.relation === 'uses' && v.other.id === 'trickbot')!;
    expect(uses.claims).toHaveLength(1);
    expect(uses.derived.confidence).toBeGreaterThan(0);
    expect((await repo.entityByAlias('Sample Typhoon'))?.name).toBe('Example Panda');
  });

  it('previewImport predicts apply exactly and writes nothing', async () => {
    const repo = await freshRepo();
    const plan = parse('misp-threat-actor-sample.json');
    const before = await dump(repo);
    const preview = await previewImport(repo, plan);
    expect(await dump(repo)).toBe(before);
    const result = await applyImport(repo, plan);
    expect(result.preview.newEntities.map((e) => e.id)).toEqual(preview.newEntities.map((e) => e.id));
    expect(result.preview.updatedEntities.map((c) => c.after)).toEqual(preview.updatedEntities.map((c) => c.after));
    expect(result.preview.newLinks).toEqual(preview.newLinks);
    expect(result.preview.newClaims.map((c) => c.id)).toEqual(preview.newClaims.map((c) => c.id));
  });

  it('bundled + ATT&CK G0032 + MISP "Lazarus Group" become ONE entity with all provenance', async () => {
    const repo = await freshRepo();
    await applyImport(repo, parse('stix20-attack-sample.json'));
    const misp = await applyImport(repo, parse('misp-threat-actor-sample.json'));
    const rows = await entitiesNamed(repo, 'Lazarus Group');
    expect(rows).toHaveLength(1);
    const laz = rows[0]!;
    expect(laz.id).toBe('lazarus-group');
    expect(laz.provenance).toEqual(['bundled', 'attack', 'misp:threat-actor']);
    expect(laz.externalIds?.attack).toEqual(['G0032']);
    expect(laz.externalIds?.misp).toEqual(['68391641-859f-4a9a-9a1e-3e5cf71ec376']);
    expect(laz.country).toBe('KP');
    const names = laz.aliases.map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['HIDDEN COBRA', 'NICKEL ACADEMY', 'DEV-0139']));
    // The sample lists Daggerfly (Symantec's name for a Chinese group, bundled as its own entity) among Lazarus's
    // synonyms: dropped like Andariel below, so a Daggerfly mention is not shown as Lazarus.
    expect(names).not.toContain('Daggerfly');
    expect(misp.preview.conflicts).toContainEqual(expect.objectContaining({ kind: 'alias-dropped', entityId: 'lazarus-group', name: 'Daggerfly' }));
    expect(laz.aliases.find((a) => a.name === 'DEV-0139')?.usedBy).toBe('Microsoft');
    // "Hidden Cobra" beside the bundled "HIDDEN COBRA": each writing kept once (the matcher's case rules tell them apart).
    expect(names.filter((n) => nameKey(n) === 'hiddencobra')).toEqual(['HIDDEN COBRA', 'Hidden Cobra']);
    // Andariel is its own MISP cluster: not added as an alias of Lazarus, reported as a conflict.
    expect(names).not.toContain('Andariel');
    expect(misp.preview.conflicts).toContainEqual(expect.objectContaining({ kind: 'alias-dropped', entityId: 'lazarus-group', name: 'Andariel' }));
    const andarielRows = await entitiesNamed(repo, 'Andariel');
    expect(andarielRows).toHaveLength(1);
    expect(andarielRows[0]!.externalIds?.misp).toEqual(['a1b2c3d4-0000-4000-8000-000000000001']);
    // MISP's "similar" to the ATT&CK Lazarus (same STIX uuid) collapses onto the entity itself: no self-link.
    expect((await repo.linksOf('lazarus-group')).every((v) => v.other.id !== 'lazarus-group')).toBe(true);
    const andariel = (await repo.linksOf('lazarus-group')).find((v) => v.other.name === 'Andariel' && v.link.relation === 'affiliated-with')!;
    expect(andariel.link.relation).toBe('affiliated-with');
    expect(andariel.claims.find((c) => c.origin === 'import:misp:threat-actor')?.confidence).toBe(85);
  });

  it('re-importing the same file is idempotent (0 new, 0 updated)', async () => {
    const repo = await freshRepo();
    for (const name of ['stix21-sample.json', 'stix20-attack-sample.json', 'misp-threat-actor-sample.json']) {
      await applyImport(repo, parse(name));
    }
    const version = await repo.dataVersion();
    const before = await dump(repo, { ignoreMeta: ['imports'] });
    for (const name of ['stix21-sample.json', 'stix20-attack-sample.json', 'misp-threat-actor-sample.json']) {
      const again = await applyImport(repo, parse(name));
      expect(counts(again)).toMatchObject({ newEntities: 0, updatedEntities: 0, newLinks: 0, updatedLinks: 0, newClaims: 0, updatedClaims: 0 });
    }
    expect(await dump(repo, { ignoreMeta: ['imports'] })).toBe(before);
    expect(await repo.dataVersion()).toBe(version); // nothing changed: no rebuild needed
  });

  it('keeps ATT&CK objects with different ids apart even when a name is an alias elsewhere', async () => {
    const repo = await freshRepo();
    const plan = detectAndParse(
      JSON.stringify({
        type: 'bundle',
        id: 'bundle--9b3c1f0e-2a4d-4c6b-8e7f-0a1b2c3d4e5f',
        spec_version: '2.0',
        objects: [
          {
            type: 'intrusion-set',
            id: 'intrusion-set--00f67a77-86a4-4adf-be26-1a54fc713340',
            created: '2019-01-29T21:27:24.793Z',
            modified: '2025-01-22T21:54:11.727Z',
            created_by_ref: 'identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5',
            name: 'APT38',
            aliases: ['APT38', 'BeagleBoyz'],
            external_references: [{ source_name: 'mitre-attack', external_id: 'G0082' }],
          },
        ],
      }),
      'apt38.json',
    );
    const result = await applyImport(repo, plan);
    expect(counts(result)).toMatchObject({ newEntities: 1, updatedEntities: 0 });
    expect(result.preview.conflicts).toContainEqual(expect.objectContaining({ kind: 'kept-separate', entityId: 'lazarus-group' }));
    expect((await repo.entity('attack:G0082'))?.name).toBe('APT38');
  });

  it('never overwrites user claims or link overrides', async () => {
    const repo = await freshRepo();
    await applyImport(repo, parse('stix21-sample.json'));
    const userClaim = await repo.addClaim({
      from: 'lazarus-group',
      relation: 'uses',
      to: 'trickbot',
      stance: 'refutes',
      confidence: 40,
      source: { title: 'My notes' },
    });
    await repo.setOverride('lazarus-group~uses~trickbot', 20, 'I disagree');
    // A crafted plan that tries to replace the user's claim by id.
    const plan = parse('stix21-sample.json');
    const hostile: ImportPlan = {
      ...plan,
      claims: plan.claims.map((c, i) => (i === 0 ? { ...c, id: userClaim.id, stance: 'supports' as const, confidence: 100 } : c)),
    };
    const result = await applyImport(repo, hostile);
    expect(result.preview.conflicts).toContainEqual(expect.objectContaining({ kind: 'user-claim', claimId: userClaim.id }));
    expect(await repo.db.claims.get(userClaim.id)).toEqual(userClaim);
    expect((await repo.db.links.get('lazarus-group~uses~trickbot'))?.override).toMatchObject({ confidence: 20, reason: 'I disagree' });
  });

  it('undoImport restores the database as it was', async () => {
    const repo = await freshRepo();
    await applyImport(repo, parse('stix20-attack-sample.json'));
    const before = await dump(repo, { ignoreMeta: ['dataVersion'] });
    const result = await applyImport(repo, parse('misp-threat-actor-sample.json'));
    expect(result.undo.added.entities.length).toBeGreaterThan(0);
    expect(result.undo.previous.entities.map((e) => e.id)).toContain('lazarus-group');
    expect(await dump(repo, { ignoreMeta: ['dataVersion'] })).not.toBe(before);
    const version = await repo.dataVersion();
    await undoImport(repo, result.undo);
    expect(await dump(repo, { ignoreMeta: ['dataVersion'] })).toBe(before);
    expect(await repo.dataVersion()).toBeGreaterThan(version);
  });

  it('a failure inside the transaction leaves the database exactly as before', async () => {
    const repo = await freshRepo();
    const before = await dump(repo);
    repo.bumpDataVersion = async () => {
      throw new Error('disk full');
    };
    await expect(applyImport(repo, parse('stix21-sample.json'))).rejects.toThrow('disk full');
    expect(await dump(repo)).toBe(before);
  });

  it('records each import in the meta table for the options page', async () => {
    const repo = await freshRepo();
    const at = new Date('2026-01-02T03:04:05.000Z');
    const result = await applyImport(repo, parse('misp-threat-actor-sample.json'), at);
    const log = await importLog(repo);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      fileName: 'misp-threat-actor-sample.json',
      format: 'misp-galaxy',
      feed: 'misp:threat-actor',
      at: '2026-01-02T03:04:05.000Z',
      counts: { newEntities: result.preview.newEntities.length, updatedEntities: result.preview.updatedEntities.length },
    });
    expect(log[0]!.counts.newEntities + log[0]!.counts.updatedEntities).toBeGreaterThan(0);
    await applyImport(repo, parse('stix21-sample.json'), new Date('2026-01-03T00:00:00.000Z'));
    expect((await importLog(repo)).map((r) => r.fileName)).toEqual(['stix21-sample.json', 'misp-threat-actor-sample.json']);
  });
});

describe.skipIf(!HAS_SHARED)('applyImport — real ATT&CK and MISP files (../shared)', () => {
  it('imports ATT&CK v18.1 and the MISP threat-actor galaxy, merges Lazarus, and is idempotent', async () => {
    const repo = await freshRepo();
    const attackPlan = detectAndParse(shared('attack/enterprise-groups-software.json'), 'enterprise-groups-software.json');
    const bundled = await repo.allEntities();
    const planAttackIds = new Set(attackPlan.entities.flatMap((e) => e.externalIds?.attack ?? []));
    const bundledWithAttack = bundled.filter((e) => e.externalIds?.attack?.some((id) => planAttackIds.has(id))).length;
    expect(bundledWithAttack).toBeGreaterThan(0);
    const attack = await applyImport(repo, attackPlan);
    expect(attack.record.counts.newEntities).toBeLessThanOrEqual(attackPlan.entities.length - bundledWithAttack);
    expect(attack.record.counts.updatedEntities).toBeGreaterThanOrEqual(bundledWithAttack);
    expect(await repo.db.entities.count()).toBe(bundled.length + attack.record.counts.newEntities);
    // Every kept ATT&CK object is findable by its id.
    for (const e of attackPlan.entities) {
      expect(await repo.db.entities.where('ext').equals(`attack:${e.externalIds!.attack![0]}`).count()).toBe(1);
    }

    const mispPlan = detectAndParse(shared('misp-galaxy/threat-actor.json'), 'threat-actor.json');
    const misp = await applyImport(repo, mispPlan);
    const { newEntities, updatedEntities } = misp.record.counts;
    expect(newEntities + updatedEntities).toBeLessThanOrEqual(mispPlan.entities.length);
    expect(await repo.db.entities.count()).toBe(bundled.length + attack.record.counts.newEntities + newEntities);
    // Every MISP cluster landed somewhere.
    for (const e of mispPlan.entities) {
      expect(await repo.db.entities.where('ext').equals(`misp:${e.externalIds!.misp![0]}`).count()).toBe(1);
    }

    const laz = await entitiesNamed(repo, 'Lazarus Group');
    expect(laz).toHaveLength(1);
    expect(laz[0]!.id).toBe('lazarus-group');
    expect(laz[0]!.provenance).toEqual(['bundled', 'attack', 'misp:threat-actor']);
    expect(laz[0]!.externalIds?.attack).toEqual(['G0032']);
    expect(laz[0]!.externalIds?.misp).toEqual(['68391641-859f-4a9a-9a1e-3e5cf71ec376']);

    const before = await dump(repo, { ignoreMeta: ['imports'] });
    const again1 = await applyImport(repo, detectAndParse(shared('attack/enterprise-groups-software.json'), 'enterprise-groups-software.json'));
    const again2 = await applyImport(repo, detectAndParse(shared('misp-galaxy/threat-actor.json'), 'threat-actor.json'));
    for (const again of [again1, again2]) {
      expect(again.record.counts).toMatchObject({ newEntities: 0, updatedEntities: 0, newLinks: 0, updatedLinks: 0, newClaims: 0, updatedClaims: 0 });
    }
    expect(await dump(repo, { ignoreMeta: ['imports'] })).toBe(before);
  }, 60_000);
});
