/**
 * What each frame of each tab reported, so the badge counts distinct entities across frames and the top frame
 * can fold child frames into its `actorlens:spotted` answer. Kept in storage.session as well as in memory: the
 * browser stops an idle service worker, and a worker woken by one frame's report must still know the others.
 *
 * Each tally remembers the document that reported it (sender.documentId, where the browser gives one). A tab's
 * status change (a navigation of the top frame or of any child frame, same-document ones included) does not wipe
 * the tab: each reported document is asked whether it is still there (verifyTab), and only those that are gone
 * (navigated away, removed, put in the back/forward cache) leave the count. Wiping the tab dropped the tallies of
 * frames that had not changed, and they never reported again.
 */
import type { SpottedEntity } from '../core/protocol';
import { browser } from '../platform/browser';

const KEY = 'frames';

export interface FrameTally {
  entities: SpottedEntity[];
  /** The reporting document (absent where the browser has no document ids). */
  documentId?: string;
}
type Frames = Map<number, FrameTally>;
/** Older workers stored the entities alone. */
type Stored = Record<string, Record<string, FrameTally | SpottedEntity[]>>;

let tabs: Map<number, Frames> | undefined;
let loading: Promise<Map<number, Frames>> | undefined;

function load(): Promise<Map<number, Frames>> {
  loading ??= (async () => {
    const got: Record<string, unknown> = await browser.storage.session.get(KEY).catch(() => ({}));
    const stored = (got[KEY] ?? {}) as Stored;
    const map = new Map<number, Frames>();
    for (const [tab, frames] of Object.entries(stored)) {
      map.set(Number(tab), new Map(Object.entries(frames).map(([f, e]) => [Number(f), Array.isArray(e) ? { entities: e } : e])));
    }
    // Changes made while reading win over what was stored.
    if (tabs) for (const [tab, frames] of tabs) map.set(tab, frames);
    tabs = map;
    return map;
  })();
  return loading;
}

function save(map: Map<number, Frames>): Promise<void> {
  const out: Stored = {};
  for (const [tab, frames] of map) out[tab] = Object.fromEntries(frames);
  return browser.storage.session.set({ [KEY]: out }).catch(() => undefined);
}

export async function recordFrame(tabId: number, frameId: number, entities: SpottedEntity[], documentId?: string): Promise<void> {
  const map = await load();
  let frames = map.get(tabId);
  if (!frames) map.set(tabId, (frames = new Map()));
  if (entities.length) frames.set(frameId, documentId === undefined ? { entities } : { entities, documentId });
  else frames.delete(frameId);
  if (!frames.size) map.delete(tabId);
  await save(map);
}

/**
 * A document that is no longer shown (going away, or kept in the back/forward cache) reported: it may only take
 * its own tally off, never replace the tally of the document now in its frame.
 */
export async function forgetDocument(tabId: number, frameId: number, documentId: string): Promise<void> {
  const map = await load();
  const frames = map.get(tabId);
  const tally = frames?.get(frameId);
  if (!frames || !tally || (tally.documentId !== undefined && tally.documentId !== documentId)) return;
  frames.delete(frameId);
  if (!frames.size) map.delete(tabId);
  await save(map);
}

export async function forgetTab(tabId: number): Promise<void> {
  const map = await load();
  if (map.delete(tabId)) await save(map);
}

/**
 * Keeps the tallies of the tab's documents that `alive` says are still shown and drops the others. `alive` is asked
 * about tallies with no document id too (documentId undefined: a browser without document ids, or an older worker's
 * tally), which cannot be asked of the page. Returns whether anything was dropped.
 */
export async function verifyTab(tabId: number, alive: (frameId: number, documentId: string | undefined) => Promise<boolean>): Promise<boolean> {
  const frames = (await load()).get(tabId);
  if (!frames) return false;
  const checked = await Promise.all([...frames].map(async ([frameId, tally]) => ({ frameId, tally, keep: await alive(frameId, tally.documentId) })));
  // Read the map again: reports that arrived while the documents were asked stand.
  const map = await load();
  const now = map.get(tabId);
  let dropped = false;
  for (const { frameId, tally, keep } of checked) {
    if (keep || now?.get(frameId) !== tally) continue;
    now.delete(frameId);
    dropped = true;
  }
  if (now && !now.size) map.delete(tabId);
  if (dropped) await save(map);
  return dropped;
}

/** Distinct entities across the tab's frames (possible actors count by name). */
export async function distinctEntities(tabId: number): Promise<number> {
  const keys = new Set<string>();
  for (const { entities } of (await load()).get(tabId)?.values() ?? []) for (const e of entities) keys.add(e.entityId ?? `?${e.name}`);
  return keys.size;
}

export async function otherFrames(tabId: number, frameId: number): Promise<SpottedEntity[]> {
  const out: SpottedEntity[] = [];
  for (const [id, { entities }] of (await load()).get(tabId) ?? []) if (id !== frameId) out.push(...entities);
  return out;
}
