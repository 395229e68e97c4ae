/**
 * Named queries and mutations over the ActorLens database: the only database API the rest of the code uses.
 * Every write runs in one transaction. User data (claims with origin "user", link overrides) is never
 * overwritten by a re-seed or an import.
 */
import Dexie from 'dexie';
import type { Dataset } from '../data/index';
import { deriveConfidence, type DerivedConfidence } from '../model/confidence';
import { allNames, type Entity, type EntityKind } from '../model/entity';
import { canonicalEnds, distinctLinks, linkId, shownLink, SYMMETRIC_RELATIONS, type Claim, type Link, type Relation, type Source, type Stance, type TextQuoteSelector } from '../model/link';
import type { ActorLensDb, EntityRow } from './database';
import { nameKey, wordKeys } from './keys';
import { MAX_ID } from './limits';
import { uuidv5 } from './uuid';
import { readerClaim, readerName, readerReason } from './reader-input';
import { forgetRemoval, recordRemoval } from './removals';
import { keepDeleted } from './deleted-claims';

export const USER_ORIGIN = 'user';

export interface LinkView {
  link: Link;
  /** The entity at the other end. */
  other: Entity;
  /** "out" when the viewed entity is `from`. */
  direction: 'out' | 'in';
  claims: Claim[];
  derived: DerivedConfidence;
}

export interface Pivot {
  /** The entity to look for next. */
  entity: Entity;
  /** The partner through which it is reached. */
  via: Entity;
  /** Product of both links' confidences (0–100). */
  confidence: number;
}

export interface NewClaim {
  from: string;
  relation: Relation;
  to: string;
  stance: Stance;
  confidence?: number;
  source: Source;
  quote?: TextQuoteSelector;
  pageUrl?: string;
}

/** What an edit may change: the claim's own fields, and the link it belongs to (its two entities and relation). */
export type ClaimPatch = Partial<Pick<Claim, 'stance' | 'confidence' | 'source' | 'quote'>> & {
  link?: { from: string; relation: Relation; to: string };
};

export function toRow(entity: Entity): EntityRow {
  const names = allNames(entity).map((a) => a.name);
  const keys = [...new Set(names.map(nameKey).filter(Boolean))];
  const ext = [
    ...(entity.externalIds?.attack ?? []).map((id) => `attack:${id}`),
    ...(entity.externalIds?.misp ?? []).map((id) => `misp:${id}`),
    ...(entity.externalIds?.stix ?? []).map((id) => `stix:${id}`),
  ];
  return { ...entity, keys, ext, words: wordKeys(names) };
}

export function fromRow(row: EntityRow): Entity {
  const { keys: _keys, ext: _ext, words: _words, ...entity } = row;
  return entity;
}

/** A stored row written again (undo, reset): its derived keys computed afresh, as a row read before v3 has no words. */
export function reindexRow(row: EntityRow): EntityRow {
  return toRow(fromRow(row));
}

export class Repository {
  /**
   * `onDataChanged` runs after every change that moves the data version, once its transaction has committed (so
   * whoever it tells reads the new data): the extension's pages use it to have the background publish the new
   * dictionary. `onClaimsChanged` runs, likewise after the commit, when claims were added or removed without the data
   * version moving (a link that stays): the background then writes the list of origins with claims again
   * (background/claim-origins.ts), which a change of the data version does too.
   */
  constructor(
    readonly db: ActorLensDb,
    private readonly onDataChanged?: () => void,
    private readonly onClaimsChanged?: () => void,
  ) {}

  /** Loads the bundled dataset, replacing earlier bundled rows but never user data or imported provenance. */
  async seed(dataset: Dataset, version: string): Promise<boolean> {
    const current = await this.db.meta.get('bundledVersion');
    if (current?.value === version) return false;
    await this.db.transaction('rw', [this.db.entities, this.db.links, this.db.claims, this.db.meta], async () => {
      const existing = await this.db.entities.bulkGet(dataset.entities.map((e) => e.id));
      const rows = dataset.entities.map((e, i) => {
        const old = existing[i];
        // An entity enriched by imports keeps its extra provenance, aliases and ids.
        if (old && old.provenance.some((p) => p !== 'bundled')) {
          const merged: Entity = {
            ...e,
            aliases: mergeAliases(e.name, e.aliases, old.aliases),
            provenance: [...new Set(['bundled', ...old.provenance])],
            externalIds: mergeIds(e.externalIds, old.externalIds),
          };
          return toRow(merged);
        }
        return toRow(e);
      });
      await this.db.entities.bulkPut(rows);
      await this.db.links.bulkPut(
        await Promise.all(
          dataset.links.map(async (l) => {
            const old = await this.db.links.get(l.id);
            return old?.override ? { ...l, override: old.override } : l;
          }),
        ),
      );
      const oldBundled = await this.db.claims.where('origin').equals('bundled').primaryKeys();
      const keep = new Set(dataset.claims.map((c) => c.id));
      await this.db.claims.bulkDelete(oldBundled.filter((id) => !keep.has(id)));
      await this.db.claims.bulkPut(dataset.claims);
      await this.db.meta.put({ key: 'bundledVersion', value: version });
      await this.bumpDataVersion();
    });
    return true;
  }

  /** Incremented on every change that affects spotting, so compiled dictionaries are rebuilt. */
  async dataVersion(): Promise<number> {
    return ((await this.db.meta.get('dataVersion'))?.value as number | undefined) ?? 0;
  }

  async bumpDataVersion(): Promise<void> {
    await this.db.meta.put({ key: 'dataVersion', value: (await this.dataVersion()) + 1 });
    const notify = this.onDataChanged;
    if (!notify) return;
    const tx = Dexie.currentTransaction;
    if (tx) tx.on('complete', () => notify());
    else notify();
  }

  /** Claims were added or removed: tells onClaimsChanged once the transaction has committed. */
  claimsChanged(): void {
    const notify = this.onClaimsChanged;
    if (!notify) return;
    const tx = Dexie.currentTransaction;
    if (tx) tx.on('complete', () => notify());
    else notify();
  }

  async allEntities(): Promise<Entity[]> {
    return (await this.db.entities.toArray()).map(fromRow);
  }

  /** Both ends and the relation of every link (the compiled dictionary's linked names, the explorer's reach). */
  async linkEnds(): Promise<Pick<Link, 'from' | 'to' | 'relation'>[]> {
    return (await this.db.links.toArray()).map(({ from, to, relation }) => ({ from, to, relation }));
  }

  /**
   * Links per entity id, read from the links alone (no claims). A link is never from an entity to itself: addLink and
   * the importers refuse it.
   */
  async linkCounts(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const { from, to } of distinctLinks(await this.linkEnds())) {
      counts.set(from, (counts.get(from) ?? 0) + 1);
      counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    return counts;
  }

  async entity(id: string): Promise<Entity | undefined> {
    const row = await this.db.entities.get(id);
    return row && fromRow(row);
  }

  /** Exact name or alias, case-, accent- and punctuation-insensitive. */
  async entityByAlias(name: string): Promise<Entity | undefined> {
    const key = nameKey(name);
    if (!key) return undefined;
    const row = await this.db.entities.where('keys').equals(key).first();
    return row && fromRow(row);
  }

  /** Prefix search over names and aliases; reports which alias matched. Canonical-name hits first. */
  async search(query: string, limit = 20): Promise<{ entity: Entity; matched: string }[]> {
    const key = nameKey(query);
    if (!key) return [];
    const rows = await this.db.entities.where('keys').startsWith(key).distinct().limit(limit * 3).toArray();
    const results = rows.map((row) => {
      const entity = fromRow(row);
      const matched = allNames(entity).find((a) => nameKey(a.name).startsWith(key))?.name ?? entity.name;
      const score = (nameKey(entity.name).startsWith(key) ? 0 : 1) + (nameKey(matched) === key ? -0.5 : 0);
      return { entity, matched, score };
    });
    results.sort((a, b) => a.score - b.score || a.entity.name.localeCompare(b.entity.name));
    return results.slice(0, limit).map(({ entity, matched }) => ({ entity, matched }));
  }

  /**
   * Entities with a name or alias a later word of which starts with the query (case, accents and punctuation
   * ignored; "panda" finds Mustang Panda), by the word index: only those rows are read. In id order.
   */
  async entitiesByLaterWord(query: string): Promise<Entity[]> {
    const key = nameKey(query);
    if (!key) return [];
    // A row comes once per word of it that matches: one is kept here, as distinct() walks a cursor, which took 1.1 s
    // for 2,000 rows in fake-indexeddb where this single read takes 0.1 s for 10,000.
    const rows = new Map((await this.db.entities.where('words').startsWith(key).toArray()).map((row) => [row.id, row]));
    // Id order, as a read of the whole table gives (IndexedDB orders string keys by UTF-16 code unit, as sort() does).
    return [...rows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(fromRow);
  }

  /** Links of an entity in both directions, each with its claims and derived confidence. */
  async linksOf(entityId: string): Promise<LinkView[]> {
    const [out, inc] = await Promise.all([
      this.db.links.where('from').equals(entityId).toArray(),
      this.db.links.where('to').equals(entityId).toArray(),
    ]);
    const links = [...out, ...inc.filter((l) => l.from !== entityId)];
    if (!links.length) return [];
    const others = await this.db.entities.bulkGet(links.map((l) => (l.from === entityId ? l.to : l.from)));
    // One equality query per link: anyOf() over a large claims table is far slower in IndexedDB shims.
    const claims = (await Promise.all(links.map((l) => this.db.claims.where('linkId').equals(l.id).toArray()))).flat();
    const views: LinkView[] = [];
    /**
     * A symmetric relation's view per other entity, read "out" from either end. Its link is stored once (schema v6,
     * symmetric-links.ts); a row the other way round, which no write makes any more, would join it.
     */
    const both = new Map<string, LinkView>();
    const byDate = (a: Claim, b: Claim) => (b.source.date ?? '').localeCompare(a.source.date ?? '');
    links.forEach((link, i) => {
      const other = others[i];
      if (!other) return; // dangling reference from an import: nothing to show
      const own = claims.filter((c) => c.linkId === link.id).sort(byDate);
      if (!SYMMETRIC_RELATIONS.has(link.relation)) {
        views.push({ link, other: fromRow(other), direction: link.from === entityId ? 'out' : 'in', claims: own, derived: deriveConfidence(link, own) });
        return;
      }
      const key = `${link.relation}\u0000${other.id}`;
      const seen = both.get(key);
      if (!seen) {
        const view: LinkView = { link, other: fromRow(other), direction: 'out', claims: own, derived: deriveConfidence(link, own) };
        both.set(key, view);
        views.push(view);
        return;
      }
      // One fact stated twice: the claims of both count together, and one of the two links is shown (shownLink).
      seen.link = shownLink(seen.link, link);
      seen.claims = [...seen.claims, ...own].sort(byDate);
      seen.derived = deriveConfidence(seen.link, seen.claims);
    });
    return views.sort((a, b) => (b.derived.confidence ?? -1) - (a.derived.confidence ?? -1));
  }

  /**
   * Two-hop pivots: partners of partners, through links that are neither refuted nor disputed.
   * Path confidence is the product of both links' confidences; unspecified counts as 50.
   */
  async pivots(entityId: string, limit = 5): Promise<Pivot[]> {
    const direct = await this.linksOf(entityId);
    // Direct partners are already listed with the entity's links, whatever their status.
    const partners = new Set(direct.map((d) => d.other.id));
    const best = new Map<string, Pivot>();
    for (const hop of direct.filter(usable)) {
      for (const second of (await this.linksOf(hop.other.id)).filter(usable)) {
        if (second.other.id === entityId || partners.has(second.other.id)) continue;
        const confidence = Math.round(((hop.derived.confidence ?? 50) * (second.derived.confidence ?? 50)) / 100);
        const prev = best.get(second.other.id);
        if (!prev || prev.confidence < confidence) best.set(second.other.id, { entity: second.other, via: hop.other, confidence });
      }
    }
    return [...best.values()].sort((a, b) => b.confidence - a.confidence).slice(0, limit);
  }

  /** The claims recorded on a page: its address as recorded, with or without a fragment (#section) on either side. */
  async claimsForPage(url: string): Promise<Claim[]> {
    const base = url.split('#', 1)[0] as string;
    if (!base) return [];
    const claims = await this.db.claims.where('pageUrl').startsWith(base).toArray();
    return claims.filter((c) => c.pageUrl?.split('#', 1)[0] === base);
  }

  /** The addresses claims were recorded on, each once (the index's keys: no claim is read). */
  async claimPageUrls(): Promise<string[]> {
    return (await this.db.claims.orderBy('pageUrl').uniqueKeys()).filter((k): k is string => typeof k === 'string');
  }

  /** The claims recorded on a page (claimsForPage) with their link's two entities, newest first. */
  async pageClaims(url: string): Promise<{ claim: Claim; from: Entity; to: Entity; relation: Relation }[]> {
    const claims = (await this.claimsForPage(url)).sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''));
    const links = await this.db.links.bulkGet(claims.map((c) => c.linkId));
    const ends = await this.db.entities.bulkGet(links.flatMap((l) => (l ? [l.from, l.to] : [])));
    const byId = new Map(ends.flatMap((e) => (e ? [[e.id, fromRow(e)] as const] : [])));
    return claims.flatMap((claim, i) => {
      const link = links[i];
      const from = link && byId.get(link.from);
      const to = link && byId.get(link.to);
      return link && from && to ? [{ claim, from, to, relation: link.relation }] : [];
    });
  }

  async userClaims(): Promise<Claim[]> {
    return this.db.claims.where('origin').equals(USER_ORIGIN).toArray();
  }

  /** Records a reader's claim; creates the link when it does not exist yet. Returns the stored claim. */
  async addClaim(raw: NewClaim, now = new Date()): Promise<Claim> {
    if (raw.from === raw.to) throw new Error('A link needs two different entities.');
    const input = readerClaim(raw);
    return this.db.transaction('rw', [this.db.entities, this.db.links, this.db.claims, this.db.meta], async () => {
      const [a, b] = await this.db.entities.bulkGet([input.from, input.to]);
      if (!a || !b) throw new Error('Unknown entity.');
      const id = linkId(input.from, input.relation, input.to);
      await this.addUserLink(id, input);
      const claim: Claim = {
        id: `${USER_ORIGIN}:${now.getTime().toString(36)}:${Math.random().toString(36).slice(2, 8)}`,
        linkId: id,
        source: input.source,
        stance: input.stance,
        ...(input.confidence !== undefined ? { confidence: input.confidence } : {}),
        ...(input.quote ? { quote: input.quote } : {}),
        ...(input.pageUrl ? { pageUrl: input.pageUrl } : {}),
        origin: USER_ORIGIN,
        created: now.toISOString(),
      };
      await this.db.claims.add(claim);
      this.claimsChanged();
      return claim;
    });
  }

  /**
   * Changes a claim. With `link`, the claim moves to the link those two entities and that relation name (created
   * for the reader if new); a link the reader created that is left without claims goes, as on deletion.
   */
  async updateClaim(id: string, patch: ClaimPatch, now = new Date()): Promise<Claim> {
    const { link: target, ...raw } = patch;
    const fields = readerClaim(raw);
    return this.db.transaction('rw', [this.db.entities, this.db.links, this.db.claims, this.db.meta], async () => {
      const claim = await this.db.claims.get(id);
      if (!claim) throw new Error('Unknown claim.');
      let linkIdNow = claim.linkId;
      if (target) {
        if (target.from === target.to) throw new Error('A link needs two different entities.');
        const [a, b] = await this.db.entities.bulkGet([target.from, target.to]);
        if (!a || !b) throw new Error('Unknown entity.');
        linkIdNow = linkId(target.from, target.relation, target.to);
        await this.addUserLink(linkIdNow, target);
      }
      const next: Claim = { ...claim, ...fields, linkId: linkIdNow, updated: now.toISOString() };
      await this.db.claims.put(next);
      if (linkIdNow !== claim.linkId) await this.dropIfEmptyUserLink(claim.linkId);
      return next;
    });
  }

  /**
   * The reader's link, created when new. Links are spotting data too (two linked names confirm each other in a
   * sentence, linked-names.ts): a new one moves the data version, so the compiled dictionary follows.
   */
  private async addUserLink(id: string, ends: { from: string; to: string; relation: Link['relation'] }): Promise<void> {
    if (await this.db.links.get(id)) return;
    await this.db.links.add({ id, ...canonicalEnds(ends.from, ends.relation, ends.to), relation: ends.relation, status: 'active', provenance: [USER_ORIGIN] });
    await this.bumpDataVersion();
  }

  /** A link the reader created goes with its last claim (and leaves the compiled dictionary, see addUserLink). */
  private async dropIfEmptyUserLink(id: string): Promise<Link | undefined> {
    const link = await this.db.links.get(id);
    if (!link || link.provenance.length !== 1 || link.provenance[0] !== USER_ORIGIN) return undefined;
    if ((await this.db.claims.where('linkId').equals(id).count()) > 0) return undefined;
    await this.db.links.delete(id);
    await this.bumpDataVersion();
    return link;
  }

  /**
   * Deletes a claim and returns it, so the caller can offer undo with restoreClaim(). The deletion of the reader's own
   * claim is remembered (removals.ts), so that an export made before it does not bring the claim back.
   */
  async deleteClaim(id: string, now = new Date()): Promise<{ claim: Claim; link?: Link }> {
    return this.db.transaction('rw', [this.db.entities, this.db.links, this.db.claims, this.db.meta, this.db.deleted], async () => {
      const claim = await this.db.claims.get(id);
      if (!claim) throw new Error('Unknown claim.');
      // Kept in Recently deleted (deleted-claims.ts) beyond the popup's undo, which lasts as long as the popup is open.
      await keepDeleted(this.db, [claim], now.toISOString(), 'reader');
      await this.db.claims.delete(id);
      if (claim.origin === USER_ORIGIN) await recordRemoval(this.db, 'claims', id, now.toISOString(), { link: claim.linkId, created: claim.created });
      const link = await this.dropIfEmptyUserLink(claim.linkId);
      this.claimsChanged();
      return link ? { claim, link } : { claim };
    });
  }

  async restoreClaim(deleted: { claim: Claim; link?: Link }): Promise<void> {
    await this.db.transaction('rw', [this.db.links, this.db.claims, this.db.meta, this.db.deleted], async () => {
      if (deleted.link && !(await this.db.links.get(deleted.link.id))) {
        await this.db.links.add(deleted.link);
        await this.bumpDataVersion();
      }
      await this.db.claims.put(deleted.claim);
      await forgetRemoval(this.db, 'claims', deleted.claim.id);
      // Undone: as if never deleted, so nothing is left to restore.
      await this.db.deleted.delete(deleted.claim.id);
      this.claimsChanged();
    });
  }

  /**
   * Adds an entity the reader names (e.g. a "possible actor" spotted by a naming scheme). Returns the existing
   * entity when the name is already known. Spotting picks it up on the next scan (data version bump).
   */
  async addEntity(input: { name: string; kind: EntityKind; description?: string }): Promise<Entity> {
    const name = readerName(input.name);
    const key = nameKey(name);
    if (!key) throw new Error('A name needs 1–200 plain-text characters.');
    // The key may be longer than the name (NFKD spells a Hangul syllable in up to three letters, "ﷺ" in fifteen):
    // past MAX_ID it is cut and told apart by a hash of the whole, so that every backup and export still holds the id
    // (audit J, finding 4: a 100-syllable name made a 305-character id that no backup could restore).
    const room = MAX_ID - USER_ORIGIN.length - 1;
    const hash = (await uuidv5(key)).slice(0, 8);
    const idKey = key.length <= room ? key : `${key.slice(0, room - 9)}-${hash}`;
    return this.db.transaction('rw', [this.db.entities, this.db.meta], async () => {
      const known = await this.entityByAlias(name);
      if (known) return known;
      // The id holds the key of the day the entity was added, and ids never change: one added before kana voicing
      // marks counted (schema v5) as ラザルス has the id user:ラサルス, which a ラサルス added now would take again.
      const plain = `${USER_ORIGIN}:${idKey}`;
      const id = (await this.db.entities.get(plain)) ? `${USER_ORIGIN}:${key.slice(0, room - 9)}-${hash}` : plain;
      const entity: Entity = {
        id,
        kind: input.kind,
        name,
        aliases: [],
        ...(input.description ? { description: input.description } : {}),
        provenance: [USER_ORIGIN],
      };
      await this.db.entities.add(toRow(entity));
      await this.bumpDataVersion();
      return entity;
    });
  }

  /** Sets a link's override, or clears it (null): a clearing is remembered, as a deletion is (see deleteClaim). */
  async setOverride(linkIdValue: string, confidence: number | null, reason = '', now = new Date()): Promise<void> {
    await this.db.transaction('rw', [this.db.links, this.db.meta], async () => {
      const link = await this.db.links.get(linkIdValue);
      if (!link) throw new Error('Unknown link.');
      const { override: old, ...rest } = link;
      const at = now.toISOString();
      await this.db.links.put(confidence === null ? rest : { ...rest, override: { confidence, reason: readerReason(reason), at } });
      if (confidence !== null) await forgetRemoval(this.db, 'overrides', linkIdValue);
      else if (old) await recordRemoval(this.db, 'overrides', linkIdValue, at);
    });
  }
}

function usable(view: LinkView): boolean {
  return view.derived.status !== 'refuted' && view.derived.status !== 'disputed';
}

/**
 * The bundled aliases, then the imported ones the bundled data does not write the same way. By exact writing, as the
 * import merges them (import-merge.ts): a feed's "Sidewinder" beside the curators' "SideWinder" is a form the
 * matcher's case rules need, and a re-seed must not drop it.
 */
function mergeAliases(name: string, a: Entity['aliases'], b: Entity['aliases']): Entity['aliases'] {
  const seen = new Set([name, ...a.map((x) => x.name)]);
  return [...a, ...b.filter((x) => !seen.has(x.name))];
}

function mergeIds(a: Entity['externalIds'], b: Entity['externalIds']): Entity['externalIds'] {
  const u = (x?: string[], y?: string[]) => [...new Set([...(x ?? []), ...(y ?? [])])];
  return { attack: u(a?.attack, b?.attack), misp: u(a?.misp, b?.misp), stix: u(a?.stix, b?.stix) };
}
