/**
 * What each frame of each tab reported, so the badge counts distinct entities across frames and the top frame
 * can fold child frames into its `actorlens:spotted` answer. Kept in storage.session as well as in memory: the
 * browser stops an idle service worker, and a worker woken by one frame's report must still know the others.
 */
import type { SpottedEntity } from '../core/protocol';
import { browser } from '../platform/browser';

const KEY = 'frames';
type Stored = Record<string, Record<string, SpottedEntity[]>>;

let tabs: Map<number, Map<number, SpottedEntity[]>> | undefined;
let loading: Promise<Map<number, Map<number, SpottedEntity[]>>> | undefined;

function load(): Promise<Map<number, Map<number, SpottedEntity[]>>> {
  loading ??= (async () => {
    const got: Record<string, unknown> = await browser.storage.session.get(KEY).catch(() => ({}));
    const stored = (got[KEY] ?? {}) as Stored;
    const map = new Map<number, Map<number, SpottedEntity[]>>();
    for (const [tab, frames] of Object.entries(stored)) map.set(Number(tab), new Map(Object.entries(frames).map(([f, e]) => [Number(f), e])));
    // Changes made while reading win over what was stored.
    if (tabs) for (const [tab, frames] of tabs) map.set(tab, frames);
    tabs = map;
    return map;
  })();
  return loading;
}

function save(map: Map<number, Map<number, SpottedEntity[]>>): Promise<void> {
  const out: Stored = {};
  for (const [tab, frames] of map) out[tab] = Object.fromEntries(frames);
  return browser.storage.session.set({ [KEY]: out }).catch(() => undefined);
}

export async function recordFrame(tabId: number, frameId: number, entities: SpottedEntity[]): Promise<void> {
  const map = await load();
  let frames = map.get(tabId);
  if (!frames) map.set(tabId, (frames = new Map()));
  if (entities.length) frames.set(frameId, entities);
  else frames.delete(frameId);
  if (!frames.size) map.delete(tabId);
  await save(map);
}

export async function forgetTab(tabId: number): Promise<void> {
  const map = await load();
  if (map.delete(tabId)) await save(map);
}

/** Distinct entities across the tab's frames (possible actors count by name). */
export async function distinctEntities(tabId: number): Promise<number> {
  const keys = new Set<string>();
  for (const entities of (await load()).get(tabId)?.values() ?? []) for (const e of entities) keys.add(e.entityId ?? `?${e.name}`);
  return keys.size;
}

export async function otherFrames(tabId: number, frameId: number): Promise<SpottedEntity[]> {
  const out: SpottedEntity[] = [];
  for (const [id, entities] of (await load()).get(tabId) ?? []) if (id !== frameId) out.push(...entities);
  return out;
}
