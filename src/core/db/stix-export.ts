/**
 * Export to a STIX 2.1 bundle.
 *
 * - Entities: actor → intrusion-set, malware → malware (is_family: true), ransomware → malware with
 *   malware_types ["ransomware"], tool → tool. Ids are UUIDv5 of the ActorLens id (stable across exports).
 * - Links → relationship (type per relations.ts; our exact relation in x_actorlens_relation, the asserted
 *   status in x_actorlens_status, override and provenance in x_actorlens_*), confidence = the derived 0–100
 *   confidence, only when defined: an assessment for other tools, never evidence (our importer ignores it).
 *   Non-user claims become the relationship's external_references (source_name = publisher, description =
 *   title, url) for other tools, and are kept whole, id and origin included, in x_actorlens_claims, with their number
 *   in x_actorlens_claim_count (always present: 0 tells our importer the link has none but the user's; STIX forbids
 *   the empty list that said so before).
 * - User claims → a note per claim (content = the quote, or a one-line summary) referencing the
 *   relationship, with the claim's id, confidence, stance and full source in x_actorlens_* properties.
 * - Entities carry their ActorLens id, provenance, STIX ids and exact first/last seen dates (YYYY, YYYY-MM or
 *   YYYY-MM-DD, which STIX timestamps cannot hold) in x_actorlens_*, so that our importer restores them.
 * - What the reader removed travels too: a claim they deleted is its note again, revoked (withdrawnNotes), and a link
 *   whose override they cleared says when in x_actorlens_override_cleared; the importer applies both (a removal is
 *   not carried by leaving a thing out: a database that has it keeps it).
 * - An identity object for ActorLens (ACTORLENS_IDENTITY) is every object's created_by_ref: it is how the
 *   importer knows a bundle is our own export.
 * Entities have no creation date in ActorLens: their `created` is a fixed epoch (EXPORT_EPOCH), `modified`
 * the export time.
 * scope "annotations" = the reader's claims, overridden links and hand-added entities, plus the links and entities
 * they need; "all" = everything.
 */
import { deriveConfidence } from '../model/confidence';
import { openableUrl } from '../model/address';
import type { Entity } from '../model/entity';
import type { Claim, Link } from '../model/link';
import { stixRelationFor } from '../importers/relations';
import { ACTORLENS_IDENTITY } from '../importers/stix';
import { readRemovals, REMOVALS_KEY, type Removals } from './removals';
import { USER_ORIGIN, fromRow, type Repository } from './repository';
import { uuidv4, uuidv5 } from './uuid';

export type ExportScope = 'annotations' | 'all';

export interface StixObject {
  type: string;
  id: string;
  spec_version: '2.1';
  created: string;
  modified: string;
  [property: string]: unknown;
}

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

export const EXPORT_EPOCH = '2020-01-01T00:00:00.000Z';

interface ExternalReference {
  source_name: string;
  description?: string;
  url?: string;
  external_id?: string;
}

function stixTypeOf(entity: Entity): 'intrusion-set' | 'malware' | 'tool' {
  return entity.kind === 'actor' ? 'intrusion-set' : entity.kind === 'tool' ? 'tool' : 'malware';
}

function timestamp(value: string | undefined, fallback: string): string {
  const t = value ? Date.parse(value) : NaN;
  return Number.isFinite(t) ? new Date(t).toISOString() : fallback;
}

/** "2009" → "2009-01-01T00:00:00.000Z". */
function seenTimestamp(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return undefined;
  return timestamp(`${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T00:00:00.000Z`, '') || undefined;
}

/** An override without its reason when it has none: our importer reads a missing reason as "". */
function overrideOf(override: NonNullable<Link['override']>): Partial<NonNullable<Link['override']>> {
  const { reason, ...rest } = override;
  return reason ? override : rest;
}

function sourceReference(claim: Claim): ExternalReference {
  const s = claim.source;
  return {
    source_name: (s.publisher ?? s.title).slice(0, 250) || 'unknown',
    description: s.title,
    ...(openableUrl(s.url) ? { url: s.url } : {}),
  };
}

export async function exportStix(repo: Repository, options: { scope: ExportScope; now?: Date }): Promise<StixBundle> {
  const now = (options.now ?? new Date()).toISOString();
  const db = repo.db;
  const { entities, links, claims, removals } = await db.transaction('r', [db.entities, db.links, db.claims, db.meta], async () => {
    const removals = readRemovals((await db.meta.get(REMOVALS_KEY))?.value);
    if (options.scope === 'all') {
      return {
        entities: (await db.entities.toArray()).map(fromRow),
        links: await db.links.toArray(),
        claims: await db.claims.toArray(),
        removals,
      };
    }
    // The reader's work, as a reset keeps it (backup.ts resetToBundled): their claims, their overrides (a link they
    // scored without recording a claim) and the entities they added by hand (a possible actor with no claim yet). An
    // export of the claims alone lost the other two on the way to another browser.
    const user = await db.claims.where('origin').equals(USER_ORIGIN).toArray();
    const overridden = await db.links.filter((l) => !!l.override).primaryKeys();
    // A link whose override the reader cleared carries that clearing (x_actorlens_override_cleared).
    const cleared = [...removals.overrides.keys()];
    const ls = (await db.links.bulkGet([...new Set([...user.map((c) => c.linkId), ...overridden, ...cleared])])).filter((l): l is Link => !!l);
    const added = await db.entities.filter((e) => e.provenance.includes(USER_ORIGIN)).primaryKeys();
    const es = (await db.entities.bulkGet([...new Set([...ls.flatMap((l) => [l.from, l.to]), ...added])])).filter((e) => !!e).map(fromRow);
    // Derived confidence of an annotated link uses all its claims.
    // One equals() per link: anyOf() degrades badly on some IndexedDB implementations (fake-indexeddb).
    const all = (await Promise.all(ls.map((l) => db.claims.where('linkId').equals(l.id).toArray()))).flat();
    return { entities: es, links: ls, claims: all, removals };
  });

  const identityId = ACTORLENS_IDENTITY;
  const objects: StixObject[] = [
    {
      type: 'identity',
      spec_version: '2.1',
      id: identityId,
      created: EXPORT_EPOCH,
      modified: EXPORT_EPOCH,
      name: 'ActorLens',
      identity_class: 'system',
      description: 'ActorLens browser extension export.',
    },
  ];

  const stixIdOf = new Map<string, string>();
  for (const entity of [...entities].sort((a, b) => a.id.localeCompare(b.id))) {
    const type = stixTypeOf(entity);
    const id = `${type}--${await uuidv5(`entity:${entity.id}`)}`;
    stixIdOf.set(entity.id, id);
    const refs: ExternalReference[] = [
      ...(entity.externalIds?.attack ?? []).map((ext) => ({
        source_name: 'mitre-attack',
        external_id: ext,
        url: `https://attack.mitre.org/${ext.startsWith('G') ? 'groups' : ext.startsWith('C') ? 'campaigns' : 'software'}/${ext}`,
      })),
      ...(entity.externalIds?.misp ?? []).map((ext) => ({ source_name: 'misp-galaxy', external_id: ext })),
    ];
    const annotated = entity.aliases.filter((a) => a.usedBy || a.ambiguous);
    const firstSeen = seenTimestamp(entity.firstSeen);
    const lastSeen = seenTimestamp(entity.lastSeen);
    objects.push({
      type,
      spec_version: '2.1',
      id,
      created_by_ref: identityId,
      created: EXPORT_EPOCH,
      modified: now,
      name: entity.name,
      ...(entity.description ? { description: entity.description } : {}),
      ...(entity.aliases.length ? { aliases: entity.aliases.map((a) => a.name) } : {}),
      ...(type === 'malware' ? { is_family: true } : {}),
      ...(entity.kind === 'ransomware' ? { malware_types: ['ransomware'] } : {}),
      ...(type !== 'tool' && firstSeen ? { first_seen: firstSeen } : {}),
      ...(type !== 'tool' && lastSeen && (!firstSeen || lastSeen >= firstSeen) ? { last_seen: lastSeen } : {}),
      ...(refs.length ? { external_references: refs } : {}),
      x_actorlens_id: entity.id,
      x_actorlens_kind: entity.kind,
      ...(entity.nameAmbiguous ? { x_actorlens_name_ambiguous: true } : {}),
      ...(entity.country ? { x_actorlens_country: entity.country } : {}),
      ...(entity.motivation ? { x_actorlens_motivation: entity.motivation } : {}),
      ...(annotated.length ? { x_actorlens_aliases: annotated.map((a) => ({ ...a })) } : {}),
      ...(entity.firstSeen ? { x_actorlens_first_seen: entity.firstSeen } : {}),
      ...(entity.lastSeen ? { x_actorlens_last_seen: entity.lastSeen } : {}),
      ...(entity.externalIds?.stix?.length ? { x_actorlens_stix_ids: entity.externalIds.stix } : {}),
      x_actorlens_provenance: entity.provenance,
    });
  }

  const claimsByLink = new Map<string, Claim[]>();
  for (const c of claims) claimsByLink.set(c.linkId, [...(claimsByLink.get(c.linkId) ?? []), c]);
  const relIdOf = new Map<string, string>();
  for (const link of [...links].sort((a, b) => a.id.localeCompare(b.id))) {
    const from = stixIdOf.get(link.from);
    const to = stixIdOf.get(link.to);
    if (!from || !to) continue; // dangling link: nothing to point at
    const own = claimsByLink.get(link.id) ?? [];
    const derived = deriveConfidence(link, own);
    const { type, reversed } = stixRelationFor(link.relation);
    const id = `relationship--${await uuidv5(`link:${link.id}`)}`;
    relIdOf.set(link.id, id);
    const seen = new Set<string>();
    const evidence = own.filter((c) => c.origin !== USER_ORIGIN).sort((a, b) => a.id.localeCompare(b.id));
    const refs = evidence
      .map(sourceReference)
      .filter((r) => {
        const k = `${r.source_name}|${r.description}|${r.url ?? ''}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    const confidence = derived.confidence === undefined ? undefined : Math.max(0, Math.min(100, Math.round(derived.confidence)));
    objects.push({
      type: 'relationship',
      spec_version: '2.1',
      id,
      created_by_ref: identityId,
      created: EXPORT_EPOCH,
      modified: now,
      relationship_type: type,
      source_ref: reversed ? to : from,
      target_ref: reversed ? from : to,
      ...(confidence !== undefined ? { confidence } : {}),
      ...(link.note ? { description: link.note } : {}),
      ...(refs.length ? { external_references: refs } : {}),
      x_actorlens_relation: link.relation,
      x_actorlens_status: link.status,
      ...(link.override ? { x_actorlens_override: overrideOf(link.override) } : {}),
      ...(!link.override && removals.overrides.has(link.id) ? { x_actorlens_override_cleared: removals.overrides.get(link.id) } : {}),
      // The count is always present: it tells our importer that the relationship's claims are all listed here (none
      // when 0). An empty list would say the same but STIX 2.1 forbids empty lists (§2.7, list).
      x_actorlens_claim_count: evidence.length,
      ...(evidence.length ? { x_actorlens_claims: evidence.map(({ linkId: _link, ...claim }) => claim) } : {}),
      x_actorlens_provenance: link.provenance,
    });
  }

  const names = new Map(entities.map((e) => [e.id, e.name]));
  const linkById = new Map(links.map((l) => [l.id, l]));
  for (const claim of claims.filter((c) => c.origin === USER_ORIGIN).sort((a, b) => a.id.localeCompare(b.id))) {
    const rel = relIdOf.get(claim.linkId);
    const link = linkById.get(claim.linkId);
    if (!rel || !link) continue;
    const summary = `${claim.stance === 'refutes' ? 'Refutes' : 'Supports'}: ${names.get(link.from)} ${link.relation} ${names.get(link.to)}`;
    const created = timestamp(claim.created, now);
    const modified = timestamp(claim.updated, created);
    objects.push({
      type: 'note',
      spec_version: '2.1',
      id: `note--${await uuidv5(`claim:${claim.id}`)}`,
      created_by_ref: identityId,
      created,
      modified: modified < created ? created : modified,
      abstract: summary,
      content: claim.quote?.exact ?? summary,
      ...(claim.source.author ? { authors: [claim.source.author] } : {}),
      object_refs: [rel],
      ...(claim.confidence !== undefined ? { confidence: Math.max(0, Math.min(100, Math.round(claim.confidence))) } : {}),
      external_references: [sourceReference(claim)],
      x_actorlens_claim_id: claim.id,
      ...(claim.updated ? { x_actorlens_updated: claim.updated } : {}),
      x_actorlens_stance: claim.stance,
      x_actorlens_source: claim.source,
      ...(claim.quote ? { x_actorlens_quote: claim.quote } : {}),
      ...(claim.pageUrl ? { x_actorlens_page_url: claim.pageUrl } : {}),
    });
  }

  objects.push(...(await withdrawnNotes(removals, new Set(relIdOf.values()))));
  return { type: 'bundle', id: `bundle--${uuidv4()}`, objects };
}

/**
 * Each claim the reader deleted, as the note it was exported as, revoked (STIX 2.1 §3.6: the creator no longer stands
 * by it): the same id, `modified` the time of the deletion. A tool that holds the note from an earlier export is told
 * to drop it; our importer deletes the claim where its copy is no newer, and remembers the deletion, so that the
 * export brings a database to the state it was made in. Leaving the note out said nothing to a database that had it.
 * The note's required properties are there (a revoked version keeps them): object_refs names its relationship where
 * the export holds it, else our identity, the one object every export holds (a reference into the bundle, which a
 * consumer can resolve; the link a deleted claim was alone on is gone with it).
 */
async function withdrawnNotes(removals: Removals, exported: ReadonlySet<string>): Promise<StixObject[]> {
  const out: StixObject[] = [];
  for (const [claimId, at] of [...removals.claims].sort((a, b) => a[0].localeCompare(b[0]))) {
    const details = removals.details.get(claimId);
    const created = details?.created && details.created <= at ? details.created : at;
    const rel = details?.link ? `relationship--${await uuidv5(`link:${details.link}`)}` : undefined;
    const ref = rel && exported.has(rel) ? rel : ACTORLENS_IDENTITY;
    out.push({
      type: 'note',
      spec_version: '2.1',
      id: `note--${await uuidv5(`claim:${claimId}`)}`,
      created_by_ref: ACTORLENS_IDENTITY,
      created,
      modified: at,
      revoked: true,
      content: `Deleted by the reader on ${at.slice(0, 10)}.`,
      object_refs: [ref],
      x_actorlens_claim_id: claimId,
    });
  }
  return out;
}
