/// <reference lib="webworker" />
/**
 * Module worker: reads an import file and compares it with the database off the page's main thread (JSON.parse of
 * a 50 MB file takes seconds, and so can comparing thousands of entities). The page has seeded the database first;
 * this worker only reads it.
 */
import { openDb } from '../../core/db/database';
import { previewImport } from '../../core/db/import-export';
import { Repository } from '../../core/db/repository';
import { detectAndParse } from '../../core/importers/index';
import { previewToWire, toWire } from './plan-wire';

interface Request {
  id: number;
  text: string;
  fileName: string;
  now: string;
}

let repo: Repository | undefined;

self.addEventListener('message', (event: MessageEvent<Request>) => {
  const { id, text, fileName, now } = event.data;
  void (async () => {
    try {
      const plan = detectAndParse(text, fileName);
      repo ??= new Repository(openDb());
      const preview = await previewImport(repo, plan, new Date(now));
      self.postMessage({ id, plan: toWire(plan), preview: previewToWire(preview) });
    } catch (error) {
      self.postMessage({ id, failure: error instanceof Error ? error.message : String(error) });
    }
  })();
});
