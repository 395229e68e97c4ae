/**
 * Every file the options page reads (an import, a backup to restore, a feed by address) stops at the 50 MiB import
 * limit: before reading when the size is known, else once past it. A backup was read whole before any check, and a
 * download with no or a false Content-Length was read to its end, however long, before the parser refused it.
 */
import { describe, expect, it } from 'vitest';
import { ImportError, MAX_IMPORT_BYTES } from '../../../src/core/importers/types';
import { readFileText, readResponseText } from '../../../src/options/import/read-file';

const MiB = 1024 * 1024;

/** A body of `chunks` MiB of spaces after "{", counting the chunks the reader asked for. */
function body(chunks: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let n = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (n === chunks) return controller.close();
      const chunk = new Uint8Array(MiB).fill(0x20);
      if (n === 0) chunk[0] = 0x7b;
      n++;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => n };
}

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('reading a file for import or restore', () => {
  it('refuses a file over the limit from its size, without reading a byte', async () => {
    let read = false;
    const huge = { size: MAX_IMPORT_BYTES + 1, stream: () => ((read = true), body(1).stream), arrayBuffer: () => ((read = true), Promise.resolve(new ArrayBuffer(0))) } as unknown as Blob;
    const error = await refusal(readFileText(huge, () => undefined));
    // One byte over: a rounded "50.0 MiB" would read as if the limit had been met.
    expect(error.reason).toBe(`File too large: ${MAX_IMPORT_BYTES + 1} bytes; the limit is 50 MiB (${MAX_IMPORT_BYTES} bytes).`);
    expect(read).toBe(false);
  });

  it('refuses a download whose Content-Length is over the limit before reading its body', async () => {
    const { stream, pulled } = body(3);
    const response = new Response(stream, { headers: { 'content-length': String(60 * MiB) } });
    const error = await refusal(readResponseText(response, () => undefined, undefined, 'https://feeds.example/big.json'));
    expect(error.file).toBe('https://feeds.example/big.json');
    expect(error.reason).toMatch(/File too large: 60\.0 MiB/);
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it('stops a download that says no size (or a false one) once it is past the limit', async () => {
    const { stream, pulled } = body(80);
    const error = await refusal(readResponseText(new Response(stream), () => undefined, undefined, 'https://feeds.example/endless.json'));
    expect(error.reason).toMatch(/over the 50 MiB limit/);
    expect(pulled()).toBeLessThanOrEqual(52);
  }, 30_000);

  it('reads a download under the limit whole', async () => {
    const { stream } = body(3);
    const text = await readResponseText(new Response(stream), () => undefined, undefined, 'https://feeds.example/ok.json');
    expect(text.length).toBe(3 * MiB);
    expect(text.startsWith('{ ')).toBe(true);
  });
});
