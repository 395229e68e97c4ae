/** Helpers shared by the options-page tests (test/e2e/options-*.test.ts). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { ROOT } from './harness';

export const SHARED_DATA = path.resolve(ROOT, '../shared/data');
export const MISP_ACTORS = path.join(SHARED_DATA, 'misp-galaxy/threat-actor.json');
export const ATTACK = path.join(SHARED_DATA, 'attack/enterprise-groups-software.json');
/** node:test `skip` value: a clear reason when the shared data sets are not there. */
export const NO_SHARED_DATA = existsSync(MISP_ACTORS) ? false : `../shared/data is absent (expected ${MISP_ACTORS}): skipping tests that import the public feeds`;
export const IMPORTS = path.join(ROOT, 'test/fixtures/imports');

export async function openOptions(context: BrowserContext, extensionId: string, hash = '#data'): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(`chrome-extension://${extensionId}/options/options.html${hash}`);
  await page.locator('header.top nav').waitFor();
  return page;
}

export interface DbDump {
  entities: unknown[];
  links: unknown[];
  claims: unknown[];
  meta: { key: string; value: unknown }[];
}

/** Every row of the knowledge-base tables, read with raw IndexedDB from an extension page, sorted by key. */
export function dumpDb(page: Page): Promise<DbDump> {
  return page.evaluate(
    () =>
      new Promise<DbDump>((resolve, reject) => {
        const open = indexedDB.open('actorlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['entities', 'links', 'claims', 'meta'] as const;
          const tx = db.transaction([...names], 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => {
              out[name] = req.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out as unknown as DbDump);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Waits until the options page has seeded the bundled data (the entity table is not empty). */
export async function waitSeeded(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        // Never create the database from here (Dexie must): only open it once it exists.
        void indexedDB.databases().then((dbs) => {
          if (!dbs.some((d) => d.name === 'actorlens')) return resolve(false);
          const open = indexedDB.open('actorlens');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('meta')) return resolve(false);
          const req = db.transaction('meta').objectStore('meta').get('bundledVersion');
          req.onsuccess = () => {
            db.close();
            resolve(!!req.result);
          };
            req.onerror = () => resolve(false);
          };
          open.onerror = () => resolve(false);
        });
      }),
    undefined,
    { polling: 200, timeout: 20_000 },
  );
}

export async function countOf(page: Page, id: string): Promise<number> {
  const text = await page.locator(`[data-count="${id}"] dd`).innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

/**
 * The public feeds in ../shared/data, merged with the bundled data as an import in the options page merges them
 * (scripts/lib/feeds.ts), written straight into the extension's database: ≈ 7,150 entities and their links and
 * claims (Lazarus Group then has 83 entities around it). Much faster than importing the files through the page.
 */
export async function loadPublicFeeds(worker: Worker): Promise<void> {
  const { loadKnowledgeBase } = await import('../../scripts/lib/feeds');
  const { loadFeedsIntoExtension } = await import('../../scripts/bench-page');
  const kb = await loadKnowledgeBase({ feedDir: SHARED_DATA });
  await loadFeedsIntoExtension(worker, kb.entities);
  await worker.evaluate(
    async ([links, claims]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('actorlens');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['links', 'claims', 'meta'], 'readwrite');
        for (const l of links) tx.objectStore('links').put(l);
        for (const c of claims) tx.objectStore('claims').put(c);
        const meta = tx.objectStore('meta');
        const get = meta.get('dataVersion');
        get.onsuccess = () => meta.put({ key: 'dataVersion', value: ((get.result?.value as number) ?? 0) + 1 });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    [kb.links as object[], kb.claims as object[]] as const,
  );
}

export interface Drawn {
  zoom: number;
  box: { w: number; h: number };
  /** cut: the label is drawn narrower than its text in its own font (an ellipsis took its end). */
  nodes: { label: string; depth: number; fontPx: number; inView: boolean; cut: boolean }[];
  /** Pairs of labels whose boxes on screen overlap. */
  overlaps: string[];
  /** Nodes drawn over another node's label ("node / label"). */
  covered: string[];
}

/** What cytoscape drew (the instance hangs on its container as _cyreg.cy). */
export function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    type Box = { x1: number; y1: number; x2: number; y2: number; w: number; h: number };
    type Node = { data(k: string): unknown; style(k: string): string; renderedBoundingBox(o: object): Box };
    const container = document.querySelector('.graph') as HTMLElement & { _cyreg: { cy: { zoom(): number; nodes(): { map<T>(f: (n: Node) => T): T[] } } } };
    const cy = container._cyreg.cy;
    const ctx = document.createElement('canvas').getContext('2d')!;
    const w = container.clientWidth;
    const h = container.clientHeight;
    const labels = cy.nodes().map((n) => ({ label: String(n.data('label')), box: n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }) }));
    const overlaps: string[] = [];
    labels.forEach((a, i) => {
      for (const b of labels.slice(i + 1)) {
        const x = Math.min(a.box.x2, b.box.x2) - Math.max(a.box.x1, b.box.x1);
        const y = Math.min(a.box.y2, b.box.y2) - Math.max(a.box.y1, b.box.y1);
        if (x > 2 && y > 2) overlaps.push(`${a.label} / ${b.label}`);
      }
    });
    const covered: string[] = [];
    cy.nodes().map((n) => {
      const body = n.renderedBoundingBox({ includeNodes: true, includeEdges: false, includeLabels: false });
      for (const l of labels) {
        if (l.label === String(n.data('label'))) continue;
        const x = Math.min(body.x2, l.box.x2) - Math.max(body.x1, l.box.x1);
        const y = Math.min(body.y2, l.box.y2) - Math.max(body.y1, l.box.y1);
        if (x > 2 && y > 2) covered.push(`${String(n.data('label'))} / ${l.label}`);
      }
      return 0;
    });
    return {
      covered,
      zoom: cy.zoom(),
      box: { w, h },
      nodes: cy.nodes().map((n) => {
        const b = n.renderedBoundingBox({ includeLabels: true });
        const label = String(n.data('label'));
        ctx.font = `${n.style('font-weight')} ${n.style('font-size')} ${n.style('font-family')}`;
        const text = Math.max(...label.split('\n').map((line) => ctx.measureText(line).width));
        const drawnWidth = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }).w / cy.zoom();
        return { label, depth: Number(n.data('depth')), fontPx: parseFloat(n.style('font-size')) * cy.zoom(), inView: b.x1 >= -1 && b.y1 >= -1 && b.x2 <= w + 1 && b.y2 <= h + 1, cut: drawnWidth < text - 1 };
      }),
      overlaps,
    };
  });
}
