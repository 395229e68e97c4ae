/// <reference lib="webworker" />
/** Module worker: parses an import file off the page's main thread (JSON.parse of a 50 MB file takes seconds). */
import { detectAndParse } from '../../core/importers/index';
import { toWire } from './plan-wire';

interface Request {
  id: number;
  text: string;
  fileName: string;
}

self.addEventListener('message', (event: MessageEvent<Request>) => {
  const { id, text, fileName } = event.data;
  try {
    self.postMessage({ id, plan: toWire(detectAndParse(text, fileName)) });
  } catch (error) {
    self.postMessage({ id, failure: error instanceof Error ? error.message : String(error) });
  }
});
