/**
 * The opt-in local history of pages where entities were spotted (sightings table): written by the background
 * only while settings.history is on, read and erased by the options page; never exported, never sent anywhere.
 */
import type { Repository } from './repository';

/** Records one page visit's entities; a page re-read within the hour is not counted twice. */
export async function recordSightings(repo: Repository, entityIds: readonly string[], url: string, title: string, now = new Date()): Promise<void> {
  const ids = [...new Set(entityIds)];
  if (!ids.length) return;
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  await repo.db.transaction('rw', repo.db.sightings, async () => {
    const recent = new Set((await repo.db.sightings.where('at').aboveOrEqual(hourAgo).filter((r) => r.url === url).toArray()).map((r) => r.entityId));
    const at = now.toISOString();
    await repo.db.sightings.bulkAdd(ids.filter((id) => !recent.has(id)).map((entityId) => ({ entityId, url, title: title.slice(0, 300), at })));
  });
}

export const MONTH_MS = 30 * 86_400_000;

export async function sightingCount(repo: Repository): Promise<{ sightings: number; pages: number }> {
  const rows = await repo.db.sightings.toArray();
  return { sightings: rows.length, pages: new Set(rows.map((r) => r.url)).size };
}

/** Distinct pages where the entity was spotted since `since` ("seen in 12 articles this month"). */
export async function pagesSeenSince(repo: Repository, entityId: string, since: Date): Promise<number> {
  const iso = since.toISOString();
  const rows = await repo.db.sightings.where('entityId').equals(entityId).filter((r) => r.at >= iso).toArray();
  return new Set(rows.map((r) => r.url)).size;
}

/** The most recent pages where the entity was spotted, newest first, one row per address. */
export async function recentPages(repo: Repository, entityId: string, limit = 5): Promise<{ url: string; title: string; at: string }[]> {
  const rows = await repo.db.sightings.where('entityId').equals(entityId).toArray();
  rows.sort((a, b) => b.at.localeCompare(a.at));
  const seen = new Set<string>();
  const out: { url: string; title: string; at: string }[] = [];
  for (const r of rows) {
    if (seen.has(r.url)) continue;
    seen.add(r.url);
    out.push({ url: r.url, title: r.title, at: r.at });
    if (out.length >= limit) break;
  }
  return out;
}

export async function eraseSightings(repo: Repository): Promise<void> {
  await repo.db.sightings.clear();
}
