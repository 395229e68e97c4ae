/**
 * What each frame of each tab reported, so the badge counts distinct entities across frames and the top frame
 * can fold child frames into its `actorlens:spotted` answer. Memory only: a restarted worker starts empty and
 * frames report again on their next change; the badge itself is kept by the browser.
 */
import type { SpottedEntity } from '../core/protocol';

const tabs = new Map<number, Map<number, SpottedEntity[]>>();

export function recordFrame(tabId: number, frameId: number, entities: SpottedEntity[]): void {
  let frames = tabs.get(tabId);
  if (!frames) tabs.set(tabId, (frames = new Map()));
  if (entities.length) frames.set(frameId, entities);
  else frames.delete(frameId);
  if (!frames.size) tabs.delete(tabId);
}

export function forgetTab(tabId: number): void {
  tabs.delete(tabId);
}

/** Distinct entities across the tab's frames (possible actors count by name). */
export function distinctEntities(tabId: number): number {
  const keys = new Set<string>();
  for (const entities of tabs.get(tabId)?.values() ?? []) for (const e of entities) keys.add(e.entityId ?? `?${e.name}`);
  return keys.size;
}

export function otherFrames(tabId: number, frameId: number): SpottedEntity[] {
  const out: SpottedEntity[] = [];
  for (const [id, entities] of tabs.get(tabId) ?? []) if (id !== frameId) out.push(...entities);
  return out;
}
