/**
 * Reading one `npm run scan` input (a file, a file: address, an http(s) address or `-` for standard input) into text,
 * decoded as a browser would decode it; a PDF's text layer (pdf-to-text.ts), Markdown as rendered (markdown-to-html.ts). Every failure is an InputError naming the input and the reason, so that the scan can go on with
 * the other inputs.
 */
import { fileURLToPath } from 'node:url';
import { guessEncoding } from './guess-encoding';
import { looksLikeHtml } from './html-to-text';
import { InputError } from './input-error';
import { checkSize, MAX_INPUT_BYTES, readFileBounded } from './read-bounded';
import { MARKDOWN_NAME, markdownToHtml } from './markdown-to-html';
import { isPdf, pdfToText } from './pdf-to-text';

/** How long a web address may take to answer before the scan gives up on it. */
export const FETCH_TIMEOUT_MS = 30_000;

export { InputError };
export { checkSize, MAX_INPUT_BYTES, readFileBounded };

export interface ReadResult {
  text: string;
  html: boolean;
  /** Things the reader should know about how the input was read (e.g. the encoding guessed), for stderr. */
  notes: string[];
  /** A PDF's page count. */
  pages?: number;
}

export interface ReadOptions {
  maxBytes?: number;
  timeoutMs?: number;
  /** What `-` reads (standard input by default). */
  stdin?: AsyncIterable<Uint8Array>;
}

const isSpace = (c: string | undefined) => c === '\t' || c === '\n' || c === '\f' || c === '\r' || c === ' ';
const isAsciiUpper = (c: string) => c >= 'A' && c <= 'Z';
const lower = (c: string) => (isAsciiUpper(c) ? c.toLowerCase() : c);

/** The encoding a WHATWG label names (as TextDecoder resolves it), or undefined when Node cannot decode it. */
export function encodingOf(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** WHATWG "algorithm for extracting a character encoding from a meta element" (the content attribute). */
export function charsetFromContent(content: string): string | undefined {
  let pos = 0;
  const s = content;
  for (;;) {
    const at = s.toLowerCase().indexOf('charset', pos);
    if (at < 0) return undefined;
    pos = at + 7;
    while (isSpace(s[pos])) pos++;
    if (s[pos] === '=') {
      pos++;
      break;
    }
  }
  while (isSpace(s[pos])) pos++;
  const q = s[pos];
  if (q === '"' || q === "'") {
    const end = s.indexOf(q, pos + 1);
    return end < 0 ? undefined : s.slice(pos + 1, end);
  }
  if (pos >= s.length) return undefined;
  let end = pos;
  while (end < s.length && !isSpace(s[end]) && s[end] !== ';') end++;
  return s.slice(pos, end);
}

/**
 * WHATWG "prescan a byte stream to determine its encoding": the charset an HTML document declares in a <meta> within
 * its first 1024 bytes, found as a browser finds it (comments and other tags' attributes skipped), or undefined.
 * Labels passed over because Node cannot decode them are added to `unknown`, so the reader can be told.
 */
export function sniffHtmlCharset(bytes: Uint8Array, unknown: string[] = []): string | undefined {
  const s = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const n = s.length;
  let pos = 0;

  /** WHATWG "get an attribute"; undefined when there is none (or the bytes end first). */
  const getAttribute = (): { name: string; value: string } | undefined => {
    while (pos < n && (isSpace(s[pos]) || s[pos] === '/')) pos++;
    if (pos >= n || s[pos] === '>') return undefined;
    let name = '';
    let value = '';
    for (;;) {
      if (pos >= n) return undefined;
      const c = s[pos] as string;
      if (c === '=' && name) {
        pos++;
        break;
      }
      if (isSpace(c)) {
        while (isSpace(s[pos])) pos++;
        if (s[pos] !== '=') return { name, value: '' };
        pos++;
        break;
      }
      if (c === '/' || c === '>') return { name, value: '' };
      name += lower(c);
      pos++;
    }
    while (isSpace(s[pos])) pos++;
    if (pos >= n) return undefined;
    const q = s[pos] as string;
    if (q === '"' || q === "'") {
      for (;;) {
        pos++;
        if (pos >= n) return undefined;
        const c = s[pos] as string;
        if (c === q) {
          pos++;
          return { name, value };
        }
        value += lower(c);
      }
    }
    if (q === '>') return { name, value: '' };
    value += lower(q);
    pos++;
    for (;;) {
      if (pos >= n) return undefined;
      const c = s[pos] as string;
      if (isSpace(c) || c === '>') return { name, value };
      value += lower(c);
      pos++;
    }
  };

  while (pos < n) {
    const rest = s.slice(pos, pos + 6).toLowerCase();
    if (rest.startsWith('<!--')) {
      const end = s.indexOf('-->', pos + 2);
      if (end < 0) return undefined;
      pos = end + 3;
      continue;
    }
    if (rest.startsWith('<meta') && (isSpace(rest[5]) || rest[5] === '/')) {
      pos += 5;
      const seen = new Set<string>();
      let gotPragma = false;
      let needPragma: boolean | undefined;
      let charset: string | undefined;
      for (let a = getAttribute(); a; a = getAttribute()) {
        if (seen.has(a.name)) continue;
        seen.add(a.name);
        if (a.name === 'http-equiv' && a.value === 'content-type') gotPragma = true;
        else if (a.name === 'content' && charset === undefined) {
          const c = charsetFromContent(a.value);
          if (c !== undefined) {
            charset = c;
            needPragma = true;
          }
        } else if (a.name === 'charset') {
          charset = a.value;
          needPragma = false;
        }
      }
      if (pos >= n) return undefined;
      if (needPragma === undefined || (needPragma && !gotPragma) || charset === undefined) continue;
      // WHATWG: a <meta> naming x-user-defined means windows-1252 (TextDecoder does not know x-user-defined at all).
      const enc = charset.trim() === 'x-user-defined' ? 'x-user-defined' : encodingOf(charset);
      if (!enc) {
        unknown.push(charset);
        continue;
      }
      // A document that could say it is UTF-16 in ASCII is not UTF-16 (WHATWG).
      if (enc.startsWith('utf-16')) return 'utf-8';
      return enc === 'x-user-defined' ? 'windows-1252' : enc;
    }
    const next = s[pos + 1] ?? '';
    if (s[pos] === '<' && (/[a-z]/i.test(next) || (next === '/' && /[a-z]/i.test(s[pos + 2] ?? '')))) {
      pos += next === '/' ? 2 : 1;
      while (pos < n && !isSpace(s[pos]) && s[pos] !== '>') pos++;
      while (getAttribute());
      pos++;
      continue;
    }
    if (s[pos] === '<' && (next === '!' || next === '/' || next === '?')) {
      const end = s.indexOf('>', pos + 2);
      if (end < 0) return undefined;
      pos = end + 1;
      continue;
    }
    pos++;
  }
  return undefined;
}

/** WHATWG windows-1252 at 0x80–0x9F (the rest is Latin-1). */
const CP1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * TextDecoder, except for windows-1252 (also what "iso-8859-1" and "us-ascii" name): Node 20's decodes it as Latin-1,
 * so curly quotes, dashes and the euro sign of such a page would come out as control characters.
 */
export function decodeAs(encoding: string, bytes: Uint8Array, fatal = false): string {
  if (encoding !== 'windows-1252') return new TextDecoder(encoding, { fatal }).decode(bytes);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] as string);
}

function bomOf(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * Text from bytes, with the encoding chosen as a browser chooses it: a byte-order mark, else the charset the server
 * declared, else (HTML) a <meta> charset in the first 1024 bytes. With none of these, UTF-8 when the bytes are valid
 * UTF-8, else the encoding the bytes show (guess-encoding.ts: Shift_JIS, GBK, KOI8-R…) or, without a clear one,
 * windows-1252 (what browsers assume for undeclared Western pages), with a note. Bytes that are not text (a
 * NUL among the first 8 KB) are refused rather than scanned as garbage.
 */
export function decodeDocument(bytes: Uint8Array, src: string, opts: { charset?: string; html?: boolean; nameHint?: string } = {}): ReadResult {
  const notes: string[] = [];
  // A PDF may hold no NUL byte near its start (uncompressed, or a long header), and would be read as Latin-1 soup.
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') throw new InputError(`${src} is not a text or HTML document (a PDF: extract its text first)`);
  let encoding = bomOf(bytes);
  if (!encoding && opts.charset !== undefined) {
    encoding = encodingOf(opts.charset);
    if (!encoding) notes.push(`${src}: the declared charset "${opts.charset}" is not one this Node can decode; ignored`);
  }
  if (!encoding?.startsWith('utf-16') && bytes.subarray(0, 8192).includes(0)) throw new InputError(`${src} is not a text or HTML document (binary content)`);
  const htmlGuess = opts.html ?? looksLikeHtml(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'), opts.nameHint);
  const unknown: string[] = [];
  if (!encoding && htmlGuess) {
    encoding = sniffHtmlCharset(bytes, unknown);
    if (!encoding && unknown.length) notes.push(`${src}: the <meta> charset "${unknown[0]}" is not one this Node can decode; ignored`);
  }
  let text: string;
  try {
    try {
      text = decodeAs(encoding ?? 'utf-8', bytes, encoding === undefined || encoding === 'utf-8');
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      if (encoding === undefined) {
        const guessed = guessEncoding(bytes) ?? 'windows-1252';
        text = decodeAs(guessed, bytes);
        notes.push(`${src}: not valid UTF-8 and no ${unknown.length ? 'usable ' : ''}charset declared; read as ${guessed}${guessed === 'windows-1252' ? '' : ' (guessed from its bytes)'}`);
      } else {
        // What a browser shows for a page that says UTF-8 and is not; said, since names may be lost.
        text = decodeAs('utf-8', bytes);
        notes.push(`${src}: declared UTF-8 but not valid UTF-8; the invalid bytes read as U+FFFD`);
      }
    }
  } catch (e) {
    throw new InputError(`cannot read ${src}: ${(e as Error).message}`);
  }
  // A browser reads CR LF and a lone CR as LF before parsing (HTML "preprocessing the input stream", for text/plain
  // too). unwrapLines knows only LF: left as it is, a CR split a wrapped name ("Wizard\r Spider") and hid blank lines.
  text = text.replace(/\r\n?/g, '\n');
  return { text, html: opts.html ?? looksLikeHtml(text, opts.nameHint), notes };
}

function charsetOf(type: string): string | undefined {
  return /;\s*charset=["']?([^"';\s]+)/i.exec(type)?.[1];
}

/**
 * Network failures in words, the code kept (it is what one searches for): undici names most of them only by code.
 * Matched against the code, or the message where there is none.
 */
const NETWORK_WORDS: [RegExp, string][] = [
  [/^ECONNREFUSED$/, 'connection refused'],
  [/^(ENOTFOUND|EAI_AGAIN)$/, 'host not found'],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET)$/, 'the server closed the connection'],
  [/^EHOSTUNREACH|^ENETUNREACH/, 'host unreachable'],
  [/^HPE_/, 'the answer is not HTTP'],
  [/^Z_|^ERR_ZLIB|^ERR_BROTLI/, 'the body is not in the Content-Encoding it declares'],
  [/^ERR_SSL_|^ERR_TLS_|CERT|SELF_SIGNED|UNABLE_TO_VERIFY/, 'TLS failed'],
  [/^ERR_INVALID_URL$/, 'not a valid address'],
  [/^redirect count exceeded$/, 'too many redirects (a redirect loop?)'],
  [/^URL scheme must be a HTTP\(S\) scheme$/, 'redirected to an address that is not http(s)'],
];

function networkWhy(err: Error & { cause?: NodeJS.ErrnoException }): string {
  const code = err.cause?.code ?? err.cause?.message ?? err.message;
  const words = NETWORK_WORDS.find(([re]) => re.test(code))?.[1];
  if (!words) return code;
  return err.cause?.code ? `${words} (${code})` : words;
}

async function readUrl(src: string, maxBytes: number, timeoutMs: number): Promise<ReadResult> {
  let res: Response | undefined;
  const fetchError = (e: unknown) => {
    const err = e as Error & { cause?: NodeJS.ErrnoException };
    // Once the headers are in, the time ran out while the body was coming: not the same as no answer at all.
    const late = res ? `the page did not finish arriving within ${timeoutMs / 1000} s` : `no answer within ${timeoutMs / 1000} s`;
    return new InputError(`cannot fetch ${src}: ${err.name === 'TimeoutError' ? late : networkWhy(err)}`);
  };
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    res = await fetch(src, { redirect: 'follow', signal });
  } catch (e) {
    throw fetchError(e);
  }
  if (!res.ok) throw new InputError(`cannot fetch ${src}: HTTP ${res.status}`);
  const type = (res.headers.get('content-type') ?? '').toLowerCase();
  const media = type.split(';')[0]!.trim();
  const pdfType = /^application\/(?:x-)?pdf$/.test(media);
  // A PDF served as bytes of no particular type, as file stores serve downloads, named so by its address.
  const pdfDownload = /^(?:application|binary)\/octet-stream$/.test(media) && /\.pdf$/i.test(new URL(res.url || src).pathname);
  if (media && !pdfType && !pdfDownload && !/^text\/|html|xml|json/.test(media)) throw new InputError(`${src} is not a text or HTML document (${media})`);
  const length = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(length)) checkSize(src, length, maxBytes);
  // Read piece by piece so that a body without a length (or a lying one) is cut off at the limit, not buffered whole.
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    if (res.body) {
      const reader = res.body.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        total += r.value.byteLength;
        if (total > maxBytes) {
          await reader.cancel().catch(() => undefined);
          checkSize(src, total, maxBytes, false);
        }
        chunks.push(r.value);
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fetchError(e);
  }
  const bytes = Buffer.concat(chunks);
  if (pdfType || isPdf(bytes)) return readPdf(bytes, src);
  if (/^text\/(?:x-)?markdown$/.test(media)) return readMarkdown(decodeDocument(bytes, src, { charset: charsetOf(type), html: false }));
  // A declared type decides, as in a browser (text/plain is shown as text even if it starts with a tag).
  return decodeDocument(bytes, src, { charset: charsetOf(type), html: media ? /html|xml/.test(media) : undefined });
}

async function readPdf(bytes: Uint8Array, src: string): Promise<ReadResult> {
  const { text, pages, notes } = await pdfToText(bytes, src);
  return { text, html: false, notes, pages };
}

function readMarkdown(doc: ReadResult): ReadResult {
  return { ...doc, text: markdownToHtml(doc.text), html: true };
}

/** What `-` is called in messages. */
export const STDIN_NAME = 'standard input';
let stdinTaken = false;

/** Standard input to its end, refused once past the limit (a pipe has no size to check first). */
async function readStdin(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += chunk.byteLength;
      checkSize(STDIN_NAME, total, maxBytes, false);
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read ${STDIN_NAME}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return Buffer.concat(chunks, total);
}

/** Bytes whose name says nothing (standard input): a PDF by its header, else HTML or text as a browser sniffs. */
async function readSniffed(bytes: Uint8Array, src: string): Promise<ReadResult> {
  return isPdf(bytes) ? readPdf(bytes, src) : decodeDocument(bytes, src);
}

export async function readInput(src: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = opts.maxBytes ?? MAX_INPUT_BYTES;
  if (src === '-') {
    // A second '-' would find the pipe at its end and report an empty document as if it had been read.
    if (!opts.stdin) {
      if (stdinTaken) throw new InputError(`${STDIN_NAME} was read already (by an earlier "-")`);
      stdinTaken = true;
    }
    return readSniffed(await readStdin(opts.stdin ?? process.stdin, maxBytes), STDIN_NAME);
  }
  if (/^https?:\/\//i.test(src)) return readUrl(src, maxBytes, opts.timeoutMs ?? FETCH_TIMEOUT_MS);
  let file = src;
  if (/^file:/i.test(src)) {
    try {
      file = fileURLToPath(src);
    } catch (e) {
      // e.g. a host other than localhost, or an encoded slash: Node cannot map the address to a path
      throw new InputError(`cannot read ${src}: ${(e as Error).message}`);
    }
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src)) throw new InputError(`cannot read ${src}: only http(s) addresses and files are read`);
  const bytes = readFileBounded(file, src, maxBytes);
  // The bytes decide, not the name: a report.pdf that is really a saved error page is read as the page it is.
  if (isPdf(bytes)) return readPdf(bytes, src);
  if (MARKDOWN_NAME.test(file)) return readMarkdown(decodeDocument(bytes, src, { html: false }));
  return decodeDocument(bytes, src, { nameHint: file });
}
