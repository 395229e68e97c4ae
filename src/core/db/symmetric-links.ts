/**
 * A symmetric relation ("overlaps with") is one link whichever way it is stated: stored once, its ends in id order
 * (model/link.ts canonicalEnds), with the claims of both statements. Every write builds its link ids with linkId(),
 * which gives that one id; this module merges what was stored before that (schema v6 in database.ts) or comes back in
 * an older copy (a backup, an import's undo record): the link stated the other way round joins the stored one, its
 * claims move to it, and no source, quote or note is lost.
 */
import type { EntityTable } from 'dexie';
import { canonicalLink, canonicalLinkIdOf, shownLink, SYMMETRIC_RELATIONS, type Claim, type Link } from '../model/link';
import type { MetaRow } from './database';
import type { DeletedClaimRow } from './deleted-claims';
import { MAX_TEXT } from './limits';
import { readRemovals, REMOVALS_KEY, storedRemovals } from './removals';

export interface LinkTables {
  links: EntityTable<Link, 'id'>;
  claims: EntityTable<Claim, 'id'>;
  deleted: EntityTable<DeletedClaimRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
}

/**
 * Two statements of one link as one row, with `a`'s id and ends: the provenance of both, both notes (a curator's and a
 * feed's explanation each say something), and the status and override of the one the popup showed when both were
 * stored (shownLink: the one the reader set an override on, else the first by id), so nothing the reader saw changes.
 * An override on the other one too is the reader's work: it stays readable in the note.
 */
export function mergeStatements(a: Link, b: Link): Link {
  const shown = shownLink(a, b);
  const other = shown === a ? b : a;
  const hidden = other.override && JSON.stringify(other.override) !== JSON.stringify(shown.override) ? other.override : undefined;
  const overrideNote = hidden && `Confidence override set on the same link stated the other way round: ${hidden.confidence} (${hidden.at}) — ${hidden.reason}`;
  const notes = [...new Set([shown.note, a.note, b.note, overrideNote].filter((n): n is string => !!n))];
  const { note: _note, override: _override, ...rest } = a;
  return {
    ...rest,
    status: shown.status,
    ...(notes.length ? { note: notes.join('\n\n').slice(0, MAX_TEXT) } : {}),
    ...(shown.override ? { override: shown.override } : {}),
    provenance: [...new Set([...a.provenance, ...b.provenance])],
  };
}

/**
 * Turns every symmetric link stored the other way round to its stored direction, merged into the link already there,
 * and points what named it (claims, Recently deleted, removals) at the one link. Call inside a read-write transaction
 * over the four tables. Returns how many links were turned.
 */
export async function mergeReversedLinks(t: LinkTables): Promise<number> {
  const reversed = (await t.links.where('relation').anyOf([...SYMMETRIC_RELATIONS]).toArray()).filter((l) => canonicalLink(l) !== l);
  for (const link of reversed) {
    const turned = canonicalLink(link);
    const held = await t.links.get(turned.id);
    await t.links.delete(link.id);
    await t.links.put(held ? mergeStatements(held, link) : turned);
  }
  // Claims by the index's keys (none read unless it names a link the other way round, dangling ones included).
  for (const key of await t.claims.orderBy('linkId').uniqueKeys()) {
    if (typeof key !== 'string' || canonicalLinkIdOf(key) === key) continue;
    await t.claims.where('linkId').equals(key).modify((c) => {
      c.linkId = canonicalLinkIdOf(key);
    });
  }
  await t.deleted.toCollection().modify((row) => {
    if (row.link) row.link = canonicalLink(row.link);
    if (row.claim && typeof row.claim.linkId === 'string') row.claim.linkId = canonicalLinkIdOf(row.claim.linkId);
  });
  await renameInRemovals(t.meta);
  return reversed.length;
}

/** A cleared override and a deleted claim's link are named by link id: the later clearing of the two stands. */
async function renameInRemovals(meta: LinkTables['meta']): Promise<void> {
  const row = await meta.get(REMOVALS_KEY);
  if (!row) return;
  const removals = readRemovals(row.value);
  let changed = false;
  const overrides = new Map<string, string>();
  for (const [id, at] of removals.overrides) {
    const to = canonicalLinkIdOf(id);
    if (to !== id) changed = true;
    const other = overrides.get(to);
    if (other === undefined || Date.parse(at) > Date.parse(other)) overrides.set(to, at);
  }
  for (const details of removals.details.values()) {
    if (details.link === undefined || canonicalLinkIdOf(details.link) === details.link) continue;
    details.link = canonicalLinkIdOf(details.link);
    changed = true;
  }
  if (!changed) return;
  await meta.put({ key: REMOVALS_KEY, value: storedRemovals({ ...removals, overrides }) });
}
