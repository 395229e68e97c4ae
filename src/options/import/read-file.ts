/** Reads a user-chosen file as UTF-8 text in chunks, reporting progress, so big files never block the page. */
import type { Progress } from '../backend';

export async function readFileText(file: Blob, onProgress: Progress, signal?: AbortSignal): Promise<string> {
  if (typeof file.stream !== 'function') return file.text();
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    if (signal?.aborted) {
      await reader.cancel();
      throw new DOMException('Aborted', 'AbortError');
    }
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    onProgress(file.size ? Math.min(1, read / file.size) : null);
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** Reads a fetch response body with progress (Content-Length when the server sends it). */
export async function readResponseText(response: Response, onProgress: Progress, signal?: AbortSignal): Promise<string> {
  const total = Number(response.headers.get('content-length')) || 0;
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    if (signal?.aborted) {
      await reader.cancel();
      throw new DOMException('Aborted', 'AbortError');
    }
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    onProgress(total ? Math.min(1, read / total) : null);
  }
  parts.push(decoder.decode());
  return parts.join('');
}
