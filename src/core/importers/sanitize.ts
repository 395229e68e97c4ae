/**
 * Defensive helpers for untrusted import files: size limit, safe JSON parsing (no prototype pollution),
 * plain-text names and descriptions. Nothing here ever produces HTML: names with markup are rejected,
 * descriptions are reduced to plain text and must still be rendered as text by the UI.
 */
import { ImportError, MAX_DESCRIPTION_LENGTH, MAX_IMPORT_BYTES, MAX_JSON_DEPTH, MAX_NAME_LENGTH } from './types';

/** Keys that can reach Object.prototype when data is later merged or assigned: a file with any is rejected. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property read that never consults the prototype chain. */
export function own(obj: JsonObject, key: string): Json | undefined {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** Byte length of a string encoded as UTF-8 (without allocating the encoding). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Size check to run on File.size before reading a file, and on the text before parsing it. */
export function checkSize(bytes: number, file: string): ImportError | undefined {
  if (bytes > MAX_IMPORT_BYTES) {
    // Just over the limit the rounded size would read "50.0 MiB", as if the limit had been met: bytes say it then.
    const mib = (bytes / 1024 / 1024).toFixed(1);
    const size = Number(mib) * 1024 * 1024 > MAX_IMPORT_BYTES ? `${mib} MiB` : `${bytes} bytes`;
    return new ImportError({
      file,
      path: '',
      field: '',
      message: `File too large: ${size}; the limit is 50 MiB (${MAX_IMPORT_BYTES} bytes).`,
    });
  }
  return undefined;
}

export function textSizeError(text: string, file: string): ImportError | undefined {
  // Fast paths: UTF-8 needs at least one and at most three bytes per UTF-16 unit.
  if (text.length > MAX_IMPORT_BYTES) return checkSize(text.length, file);
  if (text.length * 3 <= MAX_IMPORT_BYTES) return undefined;
  return checkSize(utf8Length(text), file);
}

/**
 * Parses untrusted JSON text. Rejects oversized text before parsing, invalid or truncated JSON, nesting
 * deeper than MAX_JSON_DEPTH and any __proto__ / constructor / prototype key (JSON.parse itself creates
 * such keys as plain own properties, but later spreading or merging code must never meet them).
 */
export function parseJsonText(text: string, file: string): { value: Json; errors: [] } | { value?: undefined; errors: ImportError[] } {
  const tooBig = textSizeError(text, file);
  if (tooBig) return { errors: [tooBig] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) return { errors: [new ImportError({ file, path: '', field: '', message: 'The file is empty.' })] };
  // Text that reached here already decoded wrongly (UTF-16 read as UTF-8): say so rather than "not valid JSON".
  if (/^(?:\uFFFD\uFFFD|[^\0]?\0)/u.test(body)) {
    const message = 'The file looks like UTF-16 text read as UTF-8 (zero bytes or an unreadable byte-order mark at the start). Save it as UTF-8 and import it again.';
    return { errors: [new ImportError({ file, path: '', field: '', message })] };
  }
  let value: Json;
  try {
    value = JSON.parse(body) as Json;
  } catch (e) {
    // The parser's message quotes the file: its invisible characters are shown escaped, as in every other message.
    const detail = escapeInvisible(e instanceof Error ? e.message : String(e));
    const truncated = /end of (JSON )?(data|input)|Unterminated/i.test(detail);
    return {
      errors: [
        new ImportError({
          file,
          path: '',
          field: '',
          message: truncated ? `The file is truncated or incomplete JSON (${detail}).` : `The file is not valid JSON (${detail}).`,
        }),
      ],
    };
  }
  const errors = checkTree(value, file);
  return errors.length ? { errors } : { value, errors: [] };
}

/**
 * A key of the file as its place is written in a message: as it is when it reads as a field name, else quoted,
 * escaped and cut (preview). A key is any text the file holds: a thousand-character one, or one with a direction
 * override, made every place below it as long or turned the rest of its table row around.
 */
function pathKey(key: string): string {
  return /^[A-Za-z0-9_$@:-]{1,64}$/u.test(key) ? key : `[${preview(key, 40)}]`;
}

/** Walks a parsed tree iteratively; reports forbidden keys and excessive depth. */
export function checkTree(root: Json, file: string, maxErrors = 20): ImportError[] {
  const errors: ImportError[] = [];
  // Past maxErrors the walk goes on counting, so that the reader learns how many problems the file has in all.
  let more = 0;
  const report = (error: ImportError) => (errors.length < maxErrors ? errors.push(error) : more++);
  const stack: { v: Json; path: string; depth: number }[] = [{ v: root, path: '', depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_JSON_DEPTH) {
      report(new ImportError({ file, path: path || '(root)', field: '', message: `Nesting deeper than ${MAX_JSON_DEPTH} levels.` }));
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const child = v[i];
        if (typeof child === 'object' && child !== null) stack.push({ v: child, path: `${path}[${i}]`, depth: depth + 1 });
      }
    } else {
      for (const key of Object.keys(v)) {
        const childPath = path ? `${path}.${pathKey(key)}` : pathKey(key);
        if (FORBIDDEN_KEYS.has(key)) {
          report(new ImportError({ file, path: childPath, field: key, message: `Forbidden key "${key}" (possible prototype pollution); the file is rejected.` }));
          continue;
        }
        const child = v[key];
        if (typeof child === 'object' && child !== null) stack.push({ v: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  if (more) {
    const message = `…and ${more} more problem${more === 1 ? '' : 's'} of the same kinds (forbidden keys, nesting) not listed (${maxErrors + more} in all).`;
    errors.push(new ImportError({ file, path: '', field: '', message, counts: more }));
  }
  return errors;
}

/**
 * UTF-8 bytes of a Latin letter or punctuation read as Windows-1252 / Latin-1: "Ã©" for "é", "Â " for a no-break
 * space, "â€™" for "’". Ã or Â before a character that only appears as the second byte of such a pair, or "â€".
 */
const MOJIBAKE =
  /[\u00C2\u00C3][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]|\u00E2\u20AC/u;

/**
 * Never allowed in a name: controls, format characters (zero-width, bidirectional, soft hyphen, tags) and every other
 * character Unicode says to draw as nothing (variation selectors, fillers such as U+3164, which is a letter): with
 * one, "APT28" and a look-alike that is another entity would read the same.
 */
const NAME_CONTROL = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029]/u;
/** The same characters, to drop from descriptions. Tab, line feed and carriage return are kept (text layout). */
const TEXT_CONTROL = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/**
 * A tag opener, an HTML comment/doctype/processing instruction, a character reference or a script URL. The space
 * after "<" and the one after "/" are separate quantifiers that never compete for the same characters ("<" then
 * spaces with no letter after them would otherwise be tried once per split of the spaces).
 */
const MARKUP = /<\s*(?:\/\s*)?[a-z!?]|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);|javascript\s*:/i;
/**
 * No name, alias or label is anywhere near this long before its whitespace is collapsed: refusing it up front keeps
 * the checks below cheap on a hostile file.
 */
export const MAX_RAW_NAME_LENGTH = 1000;
/**
 * Raw description text read at most: what is kept is cut at MAX_DESCRIPTION_LENGTH anyway, and this leaves room for
 * the links, citations and tags that cleaning removes.
 */
export const MAX_RAW_TEXT_LENGTH = 4 * MAX_DESCRIPTION_LENGTH;

/** Half of a UTF-16 character pair with no other half: JSON can write one ("\\ud800"), no encoding produces one. */
const LONE_SURROGATE = /\p{Cs}/u;

export interface FieldContext {
  file: string;
  path: string;
  field: string;
  /** Accept a name garbled by an encoding mix-up (U+FFFD, "Ã©"): only for data ActorLens already holds (backups, own exports). */
  keepGarbled?: boolean;
}

/**
 * A name or alias as plain text: trimmed, inner whitespace collapsed, stray separators at the ends removed
 * ("APT-Q-27," → "APT-Q-27"). Errors on non-strings, markup, control characters and names longer than
 * MAX_NAME_LENGTH. Returns "" (to be skipped with a warning) for an empty name.
 */
export function cleanName(raw: unknown, ctx: FieldContext): string | ImportError {
  if (typeof raw !== 'string') {
    // a missing name says so, and what to give
    const message = raw === undefined ? `The name is missing: give "${ctx.field}" a text value.` : `A name must be a string, got ${describeType(raw)}.`;
    return new ImportError({ ...ctx, message });
  }
  if (raw.length > MAX_RAW_NAME_LENGTH) {
    return new ImportError({ ...ctx, message: `Name is ${raw.length} characters long; the limit is ${MAX_NAME_LENGTH}: ${preview(raw)}.` });
  }
  const hidden = NAME_CONTROL.exec(raw);
  if (hidden) {
    // Named by its code point, and shown escaped: printed as it is, a direction control turned the rest of the message
    // around on screen and a zero-width one showed nothing to look for.
    const cp = hidden[0].codePointAt(0)!;
    const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    return new ImportError({
      ...ctx,
      message: `Name contains ${code}, ${invisibleKind(cp)}, at character ${hidden.index + 1}: ${preview(raw)}. Such a character lets a name pass for another; remove it and import the file again.`,
    });
  }
  if (MARKUP.test(raw)) {
    return new ImportError({ ...ctx, message: `Names must be plain text; this one contains HTML or script: ${preview(raw)}.` });
  }
  if (!ctx.keepGarbled && raw.includes('\uFFFD')) {
    return new ImportError({
      ...ctx,
      message: `Name contains U+FFFD (\uFFFD), the character a decoder leaves for bytes it could not read: it was garbled by a conversion from another encoding: ${preview(raw)}.`,
    });
  }
  const half = ctx.keepGarbled ? null : LONE_SURROGATE.exec(raw);
  if (half) {
    const code = `U+${half[0].charCodeAt(0).toString(16).toUpperCase()}`;
    return new ImportError({
      ...ctx,
      message: `Name contains ${code} alone, half of a character pair, at character ${half.index + 1}: it is not text (a JSON "\\u" escape cut in two, or a broken conversion): ${preview(raw)}.`,
    });
  }
  if (!ctx.keepGarbled && MOJIBAKE.test(raw)) {
    return new ImportError({
      ...ctx,
      message: `Name looks garbled by an encoding mix-up (UTF-8 read as Windows-1252 or Latin-1, as "é" becomes "Ã©"): ${preview(raw)}. Fix the file's encoding and import it again.`,
    });
  }
  const name = raw.replace(/\s+/gu, ' ').trim().replace(/^[,;:]+|[,;:]+$/gu, '').trim();
  if (name.length > MAX_NAME_LENGTH) {
    return new ImportError({ ...ctx, message: `Name is ${name.length} characters long; the limit is ${MAX_NAME_LENGTH}.` });
  }
  return name;
}

/**
 * "[text](url)": the url is bounded so that a run of "[a](/" with no space or ")" after it costs each "[" at most
 * that much (a longer address would not be kept by cleanUrl either).
 */
const MARKDOWN_LINK = /\[([^\]\n]{1,300})\]\((?:https?:\/\/|\/)[^)\s]{0,2048}\)/gu;
const CITATION = /\(Citation:[^)]*\)/gu;
const TAG = /<\/?[a-z][^>]*>/giu;
const COMMENT = /<!--[\s\S]*?-->/gu;

/**
 * `re.replace` on the text up to the last `end` only. Every match of `re` ends with `end`, so none lies beyond it;
 * but without the cut each opener after the last `end` would scan to the end of the text before failing, once per
 * opener ("<a<a<a…" with no ">"): quadratic.
 */
function replaceUpTo(text: string, end: string, re: RegExp, by: string): string {
  const stop = text.lastIndexOf(end);
  if (stop < 0) return text;
  const cut = stop + end.length;
  return text.slice(0, cut).replace(re, by) + text.slice(cut);
}

/**
 * ATT&CK "(Citation: …)" markers with the whitespace before them. Not one pattern `\s*\(Citation:…`: there every
 * position in a long run of spaces would start a scan of the rest of the run.
 */
function dropCitations(text: string): string {
  const stop = text.lastIndexOf(')');
  if (stop < 0) return text;
  const parts = text.slice(0, stop + 1).split(CITATION);
  parts[parts.length - 1] += text.slice(stop + 1);
  return parts.map((part, i) => (i < parts.length - 1 ? part.trimEnd() : part)).join('');
}

/**
 * Plain text for a description: markdown links reduced to their text, ATT&CK "(Citation: …)" markers and
 * HTML tags removed, character references left as typed (never decoded into markup), control characters
 * dropped, length capped. Returns undefined for empty text; errors on non-strings.
 */
export function cleanText(raw: unknown, ctx: FieldContext, mode: 'description' | 'verbatim' = 'description'): string | undefined | ImportError {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') {
    return new ImportError({ ...ctx, message: `Expected text, got ${describeType(raw)}.` });
  }
  if (mode === 'verbatim') {
    // Quotes: kept as typed (whitespace matters to TextQuoteSelector), minus control characters.
    const kept = stripControls(raw);
    return kept.trim() ? kept.slice(0, MAX_DESCRIPTION_LENGTH) : undefined;
  }
  let text = raw.slice(0, MAX_RAW_TEXT_LENGTH);
  text = replaceUpTo(text, ')', MARKDOWN_LINK, '$1');
  text = dropCitations(text);
  text = replaceUpTo(text, '>', TAG, '');
  text = replaceUpTo(text, '-->', COMMENT, '');
  text = text
    .replace(TEXT_CONTROL, '')
    .replace(/\r\n?/gu, '\n')
    .replace(/[ \t]+/gu, ' ')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
  if (!text) return undefined;
  if (text.length > MAX_DESCRIPTION_LENGTH) text = `${text.slice(0, MAX_DESCRIPTION_LENGTH - 1).trimEnd()}…`;
  return text;
}

// eslint-disable-next-line no-control-regex
const VERBATIM_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** Text kept as typed, minus control and bidirectional-override characters (tab and line breaks are layout). */
export function stripControls(text: string): string {
  return text.replace(VERBATIM_CONTROL, '');
}

/** True when the text holds a character no name may hold (see NAME_CONTROL). */
export function hasInvisible(text: string): boolean {
  return NAME_CONTROL.test(text);
}

/** An http(s) URL as a string, or undefined (other schemes, e.g. javascript: or .onion links, are dropped). */
export function cleanUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const url = raw.trim();
  if (url.length > 2048 || NAME_CONTROL.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    if (parsed.hostname.endsWith('.onion')) return undefined;
    return parsed.href;
  } catch {
    return undefined;
  }
}

/** A STIX-style confidence: integer 0–100, or an error. undefined stays undefined (unspecified, never 0). */
export function cleanConfidence(raw: unknown, ctx: FieldContext): number | undefined | ImportError {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > 100) {
    return new ImportError({ ...ctx, message: `Confidence must be an integer from 0 to 100, got ${String(JSON.stringify(raw) ?? raw).slice(0, 40)}.` });
  }
  return raw;
}

/**
 * ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD) of a timestamp, or undefined. An impossible month or day is dropped
 * with what follows it ("2019-13-45" → "2019", "2019-02-30" → "2019-02"): the reader sees only what the file can mean.
 */
export function isoDate(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/u.exec(raw.trim());
  if (!m) return undefined;
  const [, year, month, day] = m as unknown as [string, string, string | undefined, string | undefined];
  // The calendar has no year 0: "0000-00-00" is what a database writes for a date it does not have.
  if (year === '0000') return undefined;
  const mm = Number(month ?? 0);
  if (!month || mm < 1 || mm > 12) return year;
  const last = new Date(Date.UTC(Number(year), mm, 0)).getUTCDate();
  const dd = Number(day ?? 0);
  return day && dd >= 1 && dd <= last ? `${year}-${month}-${day}` : `${year}-${month}`;
}

export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** A short, safe rendering of untrusted text for error messages (JSON-escaped, cut). */
export function preview(s: string, max = 60): string {
  const cut = s.length > max ? `${s.slice(0, max)}…` : s;
  // JSON escapes control characters only: the others drawn as nothing are escaped the same way.
  return escapeInvisible(JSON.stringify(cut));
}

/**
 * Text for a message with every character drawn as nothing written as its escape, so that a message never carries
 * one (a direction override would reverse what follows it on screen, a zero-width space would hide a difference).
 */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE_ALL, (c) => {
    const cp = c.codePointAt(0)!;
    return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  });
}

const INVISIBLE_ALL = new RegExp(NAME_CONTROL.source, 'gu');

/** What a character that draws as nothing does, in a reader's words. */
function invisibleKind(cp: number): string {
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f || cp === 0x061c) return 'an invisible text-direction control';
  if ((cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff) return 'a zero-width character';
  if (cp === 0x00ad) return 'a soft hyphen';
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029) return 'a control character or line break';
  return 'a character drawn as nothing';
}
