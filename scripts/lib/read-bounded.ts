/**
 * Reading a file's bytes with a size limit, for `npm run scan` inputs and --import files: a file over the limit is
 * refused from its size before it is read, a pipe or device once past it (reading /dev/zero would never end).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from './input-error';

/**
 * The largest input read, in bytes. Above about 512 M characters V8 cannot hold the text at all, and well before that
 * the matches of one document stop fitting in memory; a real report is far below this.
 */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

const MiB = 1024 * 1024;
/** A size as shown, and the number of bytes that figure stands for. */
const shown = (n: number) => {
  if (n < MiB) return { text: `${n} bytes`, value: n };
  const figure = (n / MiB).toFixed(n < 10 * MiB ? 1 : 0);
  return { text: `${figure} MiB`, value: Number(figure) * MiB };
};

/**
 * "<size>; the limit is <limit>", in bytes when the rounded figures would be the same: a file one byte over a
 * 50 MiB limit read "50 MiB; the limit is 50 MiB".
 */
function overLimit(bytes: number, maxBytes: number): string {
  const size = shown(bytes);
  const limit = shown(maxBytes);
  if (size.value > limit.value) return `${size.text}; the limit is ${limit.text}`;
  return `${bytes} bytes; the limit is ${maxBytes} bytes${maxBytes >= MiB ? `, ${limit.text}` : ''}`;
}

/** Refusal of an input over the limit (exported so the limit's wording can be tested without a huge file). */
export function checkSize(src: string, bytes: number, maxBytes = MAX_INPUT_BYTES, exact = true, verb = 'scan'): void {
  if (bytes > maxBytes) throw new InputError(`${src} is too large to ${verb} (${exact ? overLimit(bytes, maxBytes) : `over the ${shown(maxBytes).text} limit`})`);
}

/** The bytes of a file, refused without reading when it is over the limit (a pipe or device: once past it). */
export function readFileBounded(file: string, src: string, maxBytes = MAX_INPUT_BYTES, verb = 'scan'): Buffer {
  const why = (e: unknown) => new InputError(`cannot read ${src}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw why(e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError(`cannot read ${src}: EISDIR`);
    if (st.isFile()) checkSize(src, st.size, maxBytes, true, verb);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // A regular file in one read (one byte more, to see it grew); a pipe or device in pieces until the limit.
      const buf = Buffer.allocUnsafe(!chunks.length && st.isFile() ? Math.min(st.size, maxBytes) + 1 : 1 << 20);
      let got: number;
      try {
        got = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        throw why(e);
      }
      if (got === 0) break;
      total += got;
      checkSize(src, total, maxBytes, false, verb);
      chunks.push(buf.subarray(0, got));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
