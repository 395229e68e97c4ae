/**
 * Parsing an import file without freezing the page: in a module Worker when the page can start one (the
 * extension's CSP allows 'self' workers), otherwise in the page after yielding a frame.
 */
import { detectAndParse, type ImportPlan } from '../../core/importers/index';
import { fromWire, type WirePlan } from './plan-wire';

type Reply = { id: number; plan: WirePlan } | { id: number; failure: string };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (p: ImportPlan) => void; reject: (e: Error) => void }>();

function startWorker(): Worker {
  const w = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  w.addEventListener('message', (event: MessageEvent<Reply>) => {
    const job = pending.get(event.data.id);
    if (!job) return;
    pending.delete(event.data.id);
    if ('plan' in event.data) job.resolve(fromWire(event.data.plan));
    else job.reject(new Error(event.data.failure));
  });
  w.addEventListener('error', (event) => {
    for (const job of pending.values()) job.reject(new Error(event.message || 'The import worker failed.'));
    pending.clear();
    worker = undefined;
  });
  return w;
}

export function parseInWorker(text: string, fileName: string): Promise<ImportPlan> {
  worker ??= startWorker();
  const id = nextId++;
  const w = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, text, fileName });
  });
}

/** Fallback for contexts without workers (unit tests): let the page paint its progress state first. */
export async function parseInPage(text: string, fileName: string): Promise<ImportPlan> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  return detectAndParse(text, fileName);
}
