import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { ENTITY_KINDS } from '../../../src/core/model/entity';
import { LINK_STATUSES, RELATIONS } from '../../../src/core/model/link';

const data = bundledDataset();
const byId = new Map(data.entities.map((e) => [e.id, e]));

describe('bundled dataset', () => {
  it('has at least 150 entities and 40 links', () => {
    expect(data.entities.length).toBeGreaterThanOrEqual(150);
    expect(data.links.length).toBeGreaterThanOrEqual(40);
  });

  it('has unique, slug-shaped entity ids and unique link ids', () => {
    expect(byId.size).toBe(data.entities.length);
    for (const e of data.entities) expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(data.links.map((l) => l.id)).size).toBe(data.links.length);
  });

  it('uses only valid kinds, relations and statuses', () => {
    for (const e of data.entities) expect(ENTITY_KINDS).toContain(e.kind);
    for (const l of data.links) {
      expect(RELATIONS).toContain(l.relation);
      expect(LINK_STATUSES).toContain(l.status);
    }
  });

  it('links only existing entities', () => {
    for (const l of data.links) {
      expect(byId.has(l.from), `${l.id}: from`).toBe(true);
      expect(byId.has(l.to), `${l.id}: to`).toBe(true);
      expect(l.from).not.toBe(l.to);
    }
  });

  it('gives every link at least one claim with an https source address', () => {
    for (const l of data.links) {
      const claims = data.claims.filter((c) => c.linkId === l.id);
      expect(claims.some((c) => c.source.url?.startsWith('https://')), l.id).toBe(true);
    }
  });

  it('keeps claim confidences and reliabilities in range', () => {
    for (const c of data.claims) {
      if (c.confidence !== undefined) {
        expect(c.confidence).toBeGreaterThan(0);
        expect(c.confidence).toBeLessThanOrEqual(100);
      }
      expect(c.source.title.length).toBeGreaterThan(0);
      if (c.source.date) expect(c.source.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });

  it('gives no entity an alias that its own description calls unrelated or different', () => {
    // Audit H: Medusa listed MedusaLocker as an alias while its description said the two are unrelated, so every
    // MedusaLocker mention was shown as Medusa with Medusa's links.
    for (const e of data.entities) {
      const d = (e.description ?? '').toLowerCase();
      for (const a of e.aliases) {
        const name = a.name.toLowerCase();
        const at = d.indexOf(name);
        if (at < 0) continue;
        const before = d.slice(Math.max(0, at - 60), at);
        expect(/\b(unrelated|not to be confused|different|distinct)\b/.test(before), `${e.id}: ${a.name}`).toBe(false);
      }
    }
  });

  it('shares an alias between entities only when it is flagged ambiguous', () => {
    const owners = new Map<string, { ids: Set<string>; ambiguous: boolean }>();
    for (const e of data.entities) {
      for (const a of e.aliases) {
        const key = a.name.toLowerCase();
        const entry = owners.get(key) ?? { ids: new Set<string>(), ambiguous: true };
        entry.ids.add(e.id);
        entry.ambiguous &&= !!a.ambiguous;
        owners.set(key, entry);
      }
    }
    for (const [name, { ids, ambiguous }] of owners) {
      if (ids.size > 1) expect(ambiguous, `alias "${name}" shared by ${[...ids].join(', ')}`).toBe(true);
    }
  });

  it('never uses another entity\'s canonical name as an alias', () => {
    const canonical = new Map(data.entities.map((e) => [e.name.toLowerCase(), e.id]));
    // Two entities may share a canonical name only when they are of different kinds and one carries an ATT&CK id:
    // the feed merge then joins ATT&CK's object by its id and every other feed's by kind ("Medusa" the ransomware
    // and "MEDUSA" the rootkit; the Chaos ransomware and ATT&CK's Chaos backdoor), and the matcher tells them apart
    // by the cue next to the name.
    const byName = new Map<string, typeof data.entities>();
    for (const e of data.entities) byName.set(e.name.toLowerCase(), [...(byName.get(e.name.toLowerCase()) ?? []), e]);
    for (const [name, owners] of byName) {
      if (owners.length === 1) continue;
      expect(owners.length, name).toBe(2);
      const [a, b] = owners as [(typeof owners)[0], (typeof owners)[0]];
      expect(a.kind, `"${name}" shared by two entities of one kind`).not.toBe(b.kind);
      expect(!!(a.externalIds?.attack?.length || b.externalIds?.attack?.length), `"${name}" shared without an ATT&CK id to tell them apart`).toBe(true);
    }
    for (const e of data.entities) {
      for (const a of e.aliases) {
        const owner = canonical.get(a.name.toLowerCase());
        if (owner === e.id || (owner !== undefined && e.name.toLowerCase() === a.name.toLowerCase())) continue; // a spelling variant of the own name ("Trickbot") is allowed
        expect(owner, `${e.id} alias "${a.name}" is the name of ${owner}`).toBeUndefined();
      }
    }
  });

  it('keeps the demo article links with their statuses', () => {
    const status = (id: string) => data.links.find((l) => l.id === id)?.status;
    expect(status('lazarus-group~obtains-access-from~trickbot')).toBe('active');
    expect(status('dridex~affiliated-with~lazarus-group')).toBe('refuted');
    expect(status('lazarus-group~affiliated-with~ta505')).toBe('historical');
  });

  it('keeps descriptions short', () => {
    for (const e of data.entities) expect((e.description ?? '').length, e.id).toBeLessThanOrEqual(400);
  });

  it('uses ISO country codes and ATT&CK ids of the right shape', () => {
    for (const e of data.entities) {
      if (e.country) expect(e.country).toMatch(/^[A-Z]{2}$/);
      for (const id of e.externalIds?.attack ?? []) {
        expect(id).toMatch(e.kind === 'actor' ? /^G\d{4}$/ : /^S\d{4}$/);
      }
    }
  });
});
