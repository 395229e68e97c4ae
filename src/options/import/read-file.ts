/**
 * Reads a user-chosen file as text in chunks, reporting progress, so big files never block the page. The encoding is
 * found and checked by ImportDecoder (UTF-8, or UTF-16 with or without a byte-order mark): a file in any other encoding
 * is refused with an ImportError instead of being read with garbled names.
 */
import { decodeImportBytes, ImportDecoder } from '../../core/importers/decode';
import type { Progress } from '../backend';

export async function readFileText(file: Blob, onProgress: Progress, signal?: AbortSignal): Promise<string> {
  const name = file instanceof File ? file.name : 'file';
  if (typeof file.stream !== 'function') return decodeImportBytes(new Uint8Array(await file.arrayBuffer()), name);
  return readStream(file.stream(), file.size, onProgress, signal, name);
}

/** Reads a fetch response body with progress (Content-Length when the server sends it). */
export async function readResponseText(response: Response, onProgress: Progress, signal?: AbortSignal, name = response.url || 'download'): Promise<string> {
  if (!response.body) return decodeImportBytes(new Uint8Array(await response.arrayBuffer()), name);
  return readStream(response.body, Number(response.headers.get('content-length')) || 0, onProgress, signal, name);
}

/** Decodes a byte stream (see ImportDecoder), reporting the share read when the total size is known. */
async function readStream(stream: ReadableStream<Uint8Array>, total: number, onProgress: Progress, signal: AbortSignal | undefined, name: string): Promise<string> {
  const reader = stream.getReader();
  const decoder = new ImportDecoder(name);
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
    try {
      parts.push(decoder.push(value));
    } catch (error) {
      await reader.cancel();
      throw error;
    }
    onProgress(total ? Math.min(1, read / total) : null);
  }
  parts.push(decoder.end());
  return parts.join('');
}
