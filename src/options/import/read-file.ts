/** Reads a user-chosen file as UTF-8 text in chunks, reporting progress, so big files never block the page. */
import type { Progress } from '../backend';

export async function readFileText(file: Blob, onProgress: Progress, signal?: AbortSignal): Promise<string> {
  if (typeof file.stream !== 'function') return file.text();
  return readStream(file.stream(), file.size, onProgress, signal);
}

/** Reads a fetch response body with progress (Content-Length when the server sends it). */
export async function readResponseText(response: Response, onProgress: Progress, signal?: AbortSignal): Promise<string> {
  if (!response.body) return response.text();
  return readStream(response.body, Number(response.headers.get('content-length')) || 0, onProgress, signal);
}

/** Decodes a byte stream as UTF-8, reporting the share read when the total size is known. */
async function readStream(stream: ReadableStream<Uint8Array>, total: number, onProgress: Progress, signal?: AbortSignal): Promise<string> {
  const reader = stream.getReader();
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
