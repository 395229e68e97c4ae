/**
 * Helpers for the content-script tests: badge and highlight readers, and the accessibility tree
 * (which shows the card's closed shadow root to tests without any test hook in the product).
 */
import type { Page, Worker } from 'playwright-core';
import { tabIdOf } from './harness';

declare const chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> }; storage: { local: { set(v: object): Promise<void>; get(k: string): Promise<Record<string, unknown>> } } };

export async function badgeOf(worker: Worker, page: Page): Promise<string> {
  const tabId = await tabIdOf(worker, page);
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

export async function setSettings(worker: Worker, patch: Record<string, unknown>): Promise<void> {
  await worker.evaluate(async (p) => {
    const current = ((await chrome.storage.local.get('settings')).settings ?? {}) as object;
    await chrome.storage.local.set({ settings: { ...current, ...p } });
  }, patch);
}

/** Every highlight range as {name, text, where}: `where` is the closest element's id (or tag) and whether it is in a shadow root. */
export function ranges(page: Page): Promise<{ name: string; text: string; where: string; shadow: boolean }[]> {
  return page.evaluate(() => {
    const out: { name: string; text: string; where: string; shadow: boolean }[] = [];
    CSS.highlights.forEach((h, name) => {
      h.forEach((r) => {
        // ActorLens paints StaticRanges (no text or geometry of their own): a live copy reads them
        const range = ((x: AbstractRange) => { const l = new Range(); l.setStart(x.startContainer, x.startOffset); l.setEnd(x.endContainer, x.endOffset); return l; })(r);
        const el = range.startContainer.parentElement;
        const idEl = el?.closest('[id]');
        out.push({ name, text: range.toString(), where: idEl?.id ?? el?.tagName ?? '?', shadow: range.startContainer.getRootNode() instanceof ShadowRoot });
      });
    });
    return out;
  });
}

interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  ignored?: boolean;
}

/** Names of every node in the full accessibility tree (closed shadow roots included). */
export async function accessibleNames(page: Page): Promise<{ role: string; name: string }[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value ?? '', name: n.name?.value ?? '' }));
  } finally {
    await session.detach();
  }
}

/** Accessible names of the dialogs open on the page (the hover card is one, in its closed shadow root). */
export const dialogs = async (page: Page): Promise<string[]> => (await accessibleNames(page)).filter((n) => n.role === 'dialog').map((n) => n.name);

export async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await fn();
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Computed style properties of the dialog with this accessible name, read through DevTools (the card's shadow root is
 * closed), and its width in CSS pixels; undefined when there is no such dialog.
 */
export async function dialogStyle(page: Page, name: string, props: string[]): Promise<{ style: Record<string, string>; width: number } | undefined> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[] };
    const dialog = nodes.find((n) => n.role?.value === 'dialog' && n.name?.value === name);
    if (!dialog?.backendDOMNodeId) return undefined;
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    await session.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await session.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [dialog.backendDOMNodeId] });
    const { computedStyle } = await session.send('CSS.getComputedStyleForNode', { nodeId: nodeIds[0]! });
    const { model } = await session.send('DOM.getBoxModel', { nodeId: nodeIds[0]! });
    const out: Record<string, string> = {};
    for (const p of props) out[p] = computedStyle.find((c) => c.name === p)?.value ?? '';
    return { style: out, width: model.width };
  } finally {
    await session.detach();
  }
}

/** Centre of the painted range with this text (the first in the page, or the nth), in viewport coordinates. */
export function centreOf(page: Page, text: string, nth = 0): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([t, n]) => {
      const rects: DOMRect[] = [];
      CSS.highlights.forEach((h) =>
        h.forEach((r) => {
          const live = new Range();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          const rect = live.getClientRects()[0];
          if (live.toString() === t && rect && rect.top >= 0 && rect.bottom <= innerHeight) rects.push(rect);
        }),
      );
      rects.sort((a, b) => a.top - b.top || a.left - b.left);
      const rect = rects[n as number];
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    },
    [text, nth] as const,
  );
}

/** The viewport box of the dialog with this accessible name (read through DevTools: the card's shadow root is closed). */
export async function dialogBox(page: Page, name: string): Promise<{ left: number; top: number; right: number; bottom: number } | undefined> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[] };
    const dialog = nodes.find((n) => n.role?.value === 'dialog' && n.name?.value === name);
    if (!dialog?.backendDOMNodeId) return undefined;
    const { model } = await session.send('DOM.getBoxModel', { backendNodeId: dialog.backendDOMNodeId });
    const xs = model.border.filter((_, i) => i % 2 === 0);
    const ys = model.border.filter((_, i) => i % 2 === 1);
    return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
  } finally {
    await session.detach();
  }
}
