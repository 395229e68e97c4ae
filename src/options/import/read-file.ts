/**
 * Reads a user-chosen file as text in chunks, reporting progress, so big files never block the page. The encoding is
 * found and checked by ImportDecoder (UTF-8, or UTF-16 with or without a byte-order mark): a file in any other encoding
 * is refused with an ImportError instead of being read with garbled names.
 */
import { decodeImportBytes, ImportDecoder } from '../../core/importers/decode';
import { checkSize } from '../../core/importers/sanitize';
import { ImportError, MAX_IMPORT_BYTES } from '../../core/importers/types';
import type { Progress } from '../backend';

export async function readFileText(file: Blob, onProgress: Progress, signal?: AbortSignal): Promise<string> {
  const name = file instanceof File ? file.name : 'file';
  // Every reader of a chosen file (import, restore) is held to the limit before a byte is read.
  const tooBig = checkSize(file.size, name);
  if (tooBig) throw tooBig;
  if (typeof file.stream !== 'function') return decodeImportBytes(new Uint8Array(await file.arrayBuffer()), name);
  return readStream(file.stream(), file.size, onProgress, signal, name);
}

/** Reads a fetch response body with progress (Content-Length when the server sends it). */
export async function readResponseText(response: Response, onProgress: Progress, signal?: AbortSignal, name = response.url || 'download'): Promise<string> {
  const declared = Number(response.headers.get('content-length')) || 0;
  const tooBig = checkSize(declared, name);
  if (tooBig) {
    await response.body?.cancel().catch(() => undefined);
    throw tooBig;
  }
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    const over = checkSize(bytes.length, name);
    if (over) throw over;
    return decodeImportBytes(bytes, name);
  }
  return readStream(response.body, declared, onProgress, signal, name);
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
    if (read > MAX_IMPORT_BYTES) {
      // A server that sends no size, or a false one, is stopped here rather than read to its end.
      await reader.cancel();
      throw new ImportError({ file: name, path: '', field: '', message: `The file is over the 50 MiB limit (${MAX_IMPORT_BYTES} bytes); reading stopped there.` });
    }
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
