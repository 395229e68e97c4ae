/**
 * What the reader types or selects, held to the rules a backup is checked against on restore (backup.ts): the same
 * name rules as imports, the same lengths (limits.ts). Otherwise one over-long title or one name copied with a
 * zero-width space would be stored without a word and then make every later backup impossible to restore.
 */
import { cleanName } from '../importers/sanitize';
import { ImportError } from '../importers/types';
import { isForeignScheme } from '../model/address';
import type { Claim, Source, TextQuoteSelector } from '../model/link';
import { MAX_FIELD, MAX_TEXT, MAX_URL } from './limits';

/** Characters a page puts inside words for line breaking (zero-width space, soft hyphen, word joiner…). */
export const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** A name the reader adds (a possible actor read on a page), or an Error saying what is wrong with it. */
export function readerName(raw: string): string {
  const name = cleanName(raw.replace(INVISIBLE, ''), { file: '', path: '', field: 'name' });
  if (name instanceof ImportError) throw new Error(name.reason);
  if (!name) throw new Error('A name needs 1–200 plain-text characters.');
  return name;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function checkUrl(url: string | undefined, what: string): void {
  if (url !== undefined && url.length > MAX_URL) throw new Error(`The ${what} is longer than ${MAX_URL} characters.`);
  // Shown as a link: an address that would run script or show its own content is never kept.
  if (url !== undefined && isForeignScheme(url)) throw new Error(`The ${what} must be an http(s) or file: address.`);
}

/**
 * A source as stored: a title is required; over-long text is cut (an ellipsis shows where); an optional field left
 * blank ("publisher": "") is no field at all, as the claim form already treats it (an export would otherwise carry
 * empty strings, and cite "" as the publisher).
 */
export function readerSource(source: Source): Source {
  const title = source.title.trim();
  if (!title) throw new Error('A source needs a title.');
  checkUrl(source.url, 'source address');
  const fit: Source = { ...source, title: cut(title, MAX_TEXT) };
  if (fit.url !== undefined && !fit.url.trim()) delete fit.url;
  for (const key of ['publisher', 'author', 'date', 'basedOn'] as const) {
    const v = fit[key];
    if (v !== undefined) {
      if (v.trim()) fit[key] = cut(v, MAX_FIELD);
      else delete fit[key];
    }
  }
  return fit;
}

/**
 * A quoted passage as stored. An over-long selection keeps its beginning, which still finds the passage on the page
 * (its suffix no longer follows it, so it goes).
 */
export function readerQuote(quote: TextQuoteSelector): TextQuoteSelector {
  // The context is the text just before and after the passage: a long one keeps the part next to it.
  const { prefix, suffix, ...rest } = quote;
  const context = {
    ...(prefix !== undefined ? { prefix: prefix.slice(-MAX_TEXT) } : {}),
    ...(suffix !== undefined ? { suffix: suffix.slice(0, MAX_TEXT) } : {}),
  };
  if (quote.exact.length <= MAX_TEXT) return prefix === context.prefix && suffix === context.suffix ? quote : { ...rest, ...context };
  const { suffix: _suffix, ...before } = context;
  return { ...rest, ...before, exact: quote.exact.slice(0, MAX_TEXT) };
}

/** The reader's fields of a claim, fitted (see above). */
export function readerClaim<T extends Partial<Pick<Claim, 'source' | 'quote' | 'pageUrl'>>>(fields: T): T {
  checkUrl(fields.pageUrl, 'page address');
  return {
    ...fields,
    ...(fields.source ? { source: readerSource(fields.source) } : {}),
    ...(fields.quote ? { quote: readerQuote(fields.quote) } : {}),
  };
}

/** An override's reason, cut like any other text. */
export function readerReason(reason: string): string {
  return cut(reason, MAX_TEXT);
}
