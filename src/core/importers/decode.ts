/**
 * Bytes of a user-chosen import (or backup) file → text, refusing what cannot be read as it was written.
 *
 * - A byte-order mark decides: UTF-8 (EF BB BF), UTF-16LE (FF FE), UTF-16BE (FE FF); the mark itself is dropped.
 * - Without one, JSON starts with an ASCII character, so UTF-16 shows as a zero byte beside it ("{\0" or "\0{").
 * - Everything else must be valid UTF-8. A decoder that replaces bad bytes with U+FFFD turned a Windows-1252 "Café"
 *   into "Caf\uFFFD" and imported the garbled name without a word; here a bad byte refuses the file with its offset.
 * - UTF-32 is refused (no browser decodes it).
 * Errors are ImportErrors naming the file, so the import and restore screens show them like any other.
 */
import { ImportError } from './types';

export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const HINT = 'Save it as UTF-8 (or UTF-16 with a byte-order mark) and import it again.';

function refuse(file: string, message: string): ImportError {
  return new ImportError({ file, path: '', field: '', message });
}

/**
 * Files chosen by mistake instead of the JSON inside them, by their first bytes (none can start JSON text, which opens
 * with a space, a bracket, a quote, a digit, a letter of true/false/null or a byte-order mark).
 */
const CONTAINERS: { magic: readonly number[]; what: string; extract: boolean }[] = [
  { magic: [0x1f, 0x8b], what: 'a gzip-compressed file', extract: true },
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive', extract: true },
  { magic: [0x50, 0x4b, 0x05, 0x06], what: 'a ZIP archive (an empty one)', extract: true },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document', extract: false },
  { magic: [0x42, 0x5a, 0x68], what: 'a bzip2-compressed file', extract: true },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz-compressed file', extract: true },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive', extract: true },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], what: 'a Zstandard-compressed file', extract: true },
];
/** Bytes a file needs before sniffEncoding can tell it from every container above. */
const SNIFF_BYTES = Math.max(4, ...CONTAINERS.map((c) => c.magic.length));

/**
 * The encoding of a file from its first bytes (at least SNIFF_BYTES of them unless the file is shorter), or an error
 * for an encoding ActorLens cannot read or a compressed file, archive or PDF given instead of JSON.
 */
export function sniffEncoding(head: Uint8Array, file: string): FileEncoding | ImportError {
  const container = CONTAINERS.find((c) => head.length >= c.magic.length && c.magic.every((b, i) => head[i] === b));
  if (container) {
    const todo = container.extract
      ? 'extract the STIX or MISP JSON file from it and import that file.'
      : 'ActorLens imports STIX bundles and MISP galaxy clusters, which are JSON text.';
    return refuse(file, `The file is ${container.what}, not a JSON file: ${todo}`);
  }
  const [b0, b1, b2, b3] = [head[0], head[1], head[2], head[3]];
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    return refuse(file, `The file is UTF-32 text, which ActorLens cannot read. ${HINT}`);
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (head.length >= 4 && ((b0 === 0 && b1 === 0 && b2 === 0 && b3 !== 0) || (b0 !== 0 && b1 === 0 && b2 === 0 && b3 === 0))) {
    return refuse(file, `The file looks like UTF-32 text, which ActorLens cannot read. ${HINT}`);
  }
  if (head.length >= 2 && b0 === 0 && b1 !== 0) return 'utf-16be';
  if (head.length >= 2 && b0 !== 0 && b1 === 0) return 'utf-16le';
  return 'utf-8';
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (for the error message). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    if (i + need >= bytes.length) return need === 0 ? -1 : i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong three- and four-byte forms, surrogates and code points above U+10FFFF.
    const b1 = bytes[i + 1]!;
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * A streaming decoder: push() the file's chunks in order, then end(). Both return the text decoded so far and throw an
 * ImportError when the bytes are not text in the encoding found.
 */
export class ImportDecoder {
  private decoder: TextDecoder | undefined;
  private encoding: FileEncoding | undefined;
  private head: Uint8Array = new Uint8Array(0);
  /** Bytes given to the decoder before the current chunk, and the tail of the previous chunk (for error offsets). */
  private offset = 0;
  private tail: Uint8Array = new Uint8Array(0);

  constructor(private readonly file: string) {}

  push(chunk: Uint8Array): string {
    if (!this.decoder) {
      this.head = concat(this.head, chunk);
      if (this.head.length < SNIFF_BYTES) return '';
      const head = this.head;
      this.head = new Uint8Array(0);
      return this.start(head, true);
    }
    return this.decode(chunk, true);
  }

  end(): string {
    let text = '';
    if (!this.decoder) {
      if (!this.head.length) return '';
      text = this.start(this.head, true);
    }
    return text + this.decode(new Uint8Array(0), false);
  }

  private start(bytes: Uint8Array, stream: boolean): string {
    const encoding = sniffEncoding(bytes, this.file);
    if (encoding instanceof ImportError) throw encoding;
    this.encoding = encoding;
    // The default (ignoreBOM: false) drops a byte-order mark of the decoder's own encoding.
    this.decoder = new TextDecoder(encoding, { fatal: true });
    return this.decode(bytes, stream);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      const text = this.decoder!.decode(bytes, { stream });
      this.offset += bytes.length;
      this.tail = bytes.subarray(Math.max(0, bytes.length - 3));
      return text;
    } catch {
      throw this.invalid(bytes);
    }
  }

  private invalid(bytes: Uint8Array): ImportError {
    if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') {
      const name = this.encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
      return refuse(this.file, `The file starts as ${name} text but is not valid ${name} further on (a broken character near byte ${this.offset}). ${HINT}`);
    }
    // The chunk may begin inside a character started in the previous one: look from the previous chunk's tail.
    let skip = 0;
    while (skip < this.tail.length && (this.tail[skip]! & 0xc0) === 0x80) skip++;
    const tail = this.tail.subarray(skip);
    const joined = concat(tail, bytes);
    const at = firstInvalidUtf8(joined);
    const pos = at < 0 ? this.offset + bytes.length : this.offset - tail.length + at;
    const byte = at >= 0 && at < joined.length ? `byte 0x${joined[at]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${pos}` : 'at the end';
    // A lead byte followed only by continuation bytes up to the end: the file was cut inside a character.
    if (at < 0 || (joined[at]! >= 0xc2 && joined.length - at <= 3 && joined.subarray(at + 1).every((b) => (b & 0xc0) === 0x80))) {
      return refuse(this.file, `The file ends inside a UTF-8 character (${byte}): it is truncated or not UTF-8. ${HINT}`);
    }
    return refuse(
      this.file,
      `The file is not valid UTF-8 text (${byte}); it is probably in another encoding (Windows-1252, Latin-1…), whose names would be read garbled. ${HINT}`,
    );
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The whole file at once (tests, small files). Throws an ImportError like ImportDecoder. */
export function decodeImportBytes(bytes: Uint8Array, file: string): string {
  const decoder = new ImportDecoder(file);
  return decoder.push(bytes) + decoder.end();
}
