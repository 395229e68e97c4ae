/**
 * The removals our own STIX export carries (a claim the reader deleted, as its note revoked; an override they cleared,
 * as x_actorlens_override_cleared), applied by the merge: the export, imported into a database that still has what
 * was removed where it was made, gives the view it was made from. Without them a second browser that had received an
 * earlier export kept the claim for ever, and so did the browser itself after a restore of an older backup.
 *
 * Same time rule as removals.ts, the other way round: a removal takes away a copy here last changed no later than it;
 * one changed since (the claim edited here after the deletion there) stays, as an edit would, and the preview says so.
 * Only the reader's own claims are taken: a file cannot delete the curators' or a feed's claims by naming their ids.
 * Every removal read is remembered here too, so that an export older than it, imported next, does not undo it.
 */
import type { Claim, Link } from '../model/link';
import type { ImportPlan } from '../importers/types';
import type { ActorLensDb } from './database';
import type { Change, ImportConflict } from './import-merge';
import type { Removals } from './removals';
import { USER_ORIGIN } from './repository';

export interface RemovalsResult {
  removedClaims: Claim[];
  /** Links only the reader made, left without a claim by removedClaims: they go with their last claim. */
  removedLinks: Link[];
  /** Removals to remember (id → time) that this database did not hold yet, or held as older. */
  remember: { claims: Map<string, string>; overrides: Map<string, string> };
}

interface Context {
  db: ActorLensDb;
  plan: ImportPlan;
  removals: Removals;
  /** Plan link id → database link id. */
  finalLinkOf: ReadonlyMap<string, string>;
  linkName: (l: Link) => string;
  newClaims: Claim[];
  updatedLinks: Change<Link>[];
  conflicts: ImportConflict[];
}

const newer = (a: string, b: string | undefined) => b === undefined || Date.parse(a) > Date.parse(b);
const notAfter = (changed: string | undefined, at: string) => !changed || !(Date.parse(changed) > Date.parse(at));
const day = (at: string) => at.slice(0, 10);

/** Mutates ctx.newClaims and ctx.updatedLinks (a copy the file both carries and removes; an override cleared). */
export async function mergeRemovals(ctx: Context): Promise<RemovalsResult> {
  const result: RemovalsResult = { removedClaims: [], removedLinks: [], remember: { claims: new Map(), overrides: new Map() } };
  const incoming = ctx.plan.removals;
  if (!incoming) return result;
  const { db, removals, conflicts } = ctx;

  const claimIds = [...new Set(incoming.claims.map((r) => r.id))];
  const latest = new Map<string, string>();
  for (const r of incoming.claims) if (newer(r.at, latest.get(r.id))) latest.set(r.id, r.at);
  const stored = await db.claims.bulkGet(claimIds);
  claimIds.forEach((id, i) => {
    const at = latest.get(id)!;
    const old = stored[i];
    if (old && old.origin === USER_ORIGIN) {
      if (notAfter(old.updated ?? old.created, at)) result.removedClaims.push(old);
      else {
        conflicts.push({
          kind: 'removed-since',
          claimId: id,
          message: `Your claim "${old.source.title.slice(0, 80)}" was deleted where ${ctx.plan.fileName} was made, on ${day(at)}, but you have changed it here since; it is kept.`,
        });
        return;
      }
    } else if (old) return; // not the reader's: a file does not delete the curators' or a feed's claims
    if (newer(at, removals.claims.get(id))) result.remember.claims.set(id, at);
  });
  // The file carrying a copy of a claim it also removes (a hand-edited or hostile file): the removal stands against a
  // copy no newer than it, as it would against the stored one.
  for (let i = ctx.newClaims.length - 1; i >= 0; i--) {
    const c = ctx.newClaims[i]!;
    const at = latest.get(c.id);
    if (at && notAfter(c.updated ?? c.created, at)) ctx.newClaims.splice(i, 1);
  }

  // A link only the reader made goes with its last claim (Repository.dropIfEmptyUserLink).
  const removedIds = new Set(result.removedClaims.map((c) => c.id));
  const arriving = new Set(ctx.newClaims.map((c) => c.linkId));
  for (const linkId of new Set(result.removedClaims.map((c) => c.linkId))) {
    const link = await db.links.get(linkId);
    if (!link || link.provenance.length !== 1 || link.provenance[0] !== USER_ORIGIN || arriving.has(linkId)) continue;
    const left = await db.claims.where('linkId').equals(linkId).primaryKeys();
    if (left.every((id) => removedIds.has(id))) result.removedLinks.push(link);
  }

  for (const r of incoming.overrides) {
    const id = ctx.finalLinkOf.get(r.link);
    if (!id) continue;
    const pending = ctx.updatedLinks.find((c) => c.before.id === id);
    const current = pending?.after ?? (await db.links.get(id));
    const override = current?.override;
    if (current && override) {
      if (!notAfter(override.at, r.at)) {
        conflicts.push({
          kind: 'removed-since',
          message: `The confidence override of ${ctx.linkName(current)} was cleared where ${ctx.plan.fileName} was made, on ${day(r.at)}, but you have set it here since; it is kept.`,
        });
        continue;
      }
      const { override: _cleared, ...after } = current;
      if (pending) pending.after = after;
      else ctx.updatedLinks.push({ before: current, after });
    }
    if (newer(r.at, removals.overrides.get(id)) && newer(r.at, result.remember.overrides.get(id))) result.remember.overrides.set(id, r.at);
  }
  return result;
}
