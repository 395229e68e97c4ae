/**
 * Reading an import file and comparing it with the database without freezing the page: in a module Worker when
 * the page can start one (the extension's CSP allows 'self' workers), otherwise in the page after yielding a frame.
 */
import { previewImport, type ImportPreview } from '../../core/db/import-export';
import type { Repository } from '../../core/db/repository';
import { detectAndParse, type ImportPlan } from '../../core/importers/index';
import { fromWire, previewFromWire, type WirePlan, type WirePreview } from './plan-wire';

export interface Analysis {
  plan: ImportPlan;
  preview: ImportPreview;
}

type Reply = { id: number; plan: WirePlan; preview: WirePreview } | { id: number; failure: string };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (a: Analysis) => void; reject: (e: Error) => void }>();

function startWorker(): Worker {
  const w = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  w.addEventListener('message', (event: MessageEvent<Reply>) => {
    const job = pending.get(event.data.id);
    if (!job) return;
    pending.delete(event.data.id);
    if ('plan' in event.data) job.resolve({ plan: fromWire(event.data.plan), preview: previewFromWire(event.data.preview) });
    else job.reject(new Error(event.data.failure));
  });
  w.addEventListener('error', (event) => {
    for (const job of pending.values()) job.reject(new Error(event.message || 'The import worker failed.'));
    pending.clear();
    worker = undefined;
  });
  return w;
}

export function analyseInWorker(text: string, fileName: string, now: Date): Promise<Analysis> {
  worker ??= startWorker();
  const id = nextId++;
  const w = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, text, fileName, now: now.toISOString() });
  });
}

/** Fallback for contexts without workers (unit tests, or a worker that failed): let the page paint its state first. */
export async function analyseInPage(repo: Repository, text: string, fileName: string, now: Date): Promise<Analysis> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  const plan = detectAndParse(text, fileName);
  return { plan, preview: await previewImport(repo, plan, now) };
}
