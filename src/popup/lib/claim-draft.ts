/**
 * The record-a-claim form's state as plain data: built from the page (or from a claim being edited),
 * validated, and turned into the repository's NewClaim or an update patch. Pure, so it is tested directly.
 */
import { valueOfWord, bandOf } from '../../core/model/confidence';
import type { Claim, Relation, Reliability, Source, Stance, TextQuoteSelector } from '../../core/model/link';
import type { NewClaim } from '../../core/db/repository';
import { INVISIBLE } from '../../core/db/reader-input';
import type { PageInfo } from '../../core/protocol';
import type { SpottedKind } from './spotted';
import type { ClaimPatch } from '../backend';

export interface PickedEntity {
  id: string;
  name: string;
}

export interface ClaimDraft {
  from?: PickedEntity | undefined;
  to?: PickedEntity | undefined;
  relation: Relation;
  stance: Stance;
  /** ICD 203 band key, or '' for unspecified. */
  confidence: string;
  title: string;
  url: string;
  publisher: string;
  author: string;
  /** YYYY-MM-DD or ''. */
  date: string;
  reliability: Reliability | '';
  quote?: TextQuoteSelector | undefined;
  /** The reader may drop the selected passage. */
  useQuote: boolean;
}

export type DraftField = 'from' | 'to' | 'title' | 'url' | 'date';
export type DraftErrors = Partial<Record<DraftField, 'required' | 'same' | 'url' | 'date'>>;

/**
 * The two entities a new claim starts with, in the order its first relation ("uses") reads: a group uses software, so
 * where one is a threat actor and the other is not, the actor comes first. The page's two most mentioned names, taken
 * as they came, read "TrickBot uses Lazarus Group" on the demo article.
 */
export function orderedPair<T extends { kind: SpottedKind }>(a: T | undefined, b: T | undefined): [T | undefined, T | undefined] {
  return a && b && a.kind !== 'actor' && b.kind === 'actor' ? [b, a] : [a, b];
}

export function draftFromPage(page: PageInfo | undefined, from?: PickedEntity, to?: PickedEntity): ClaimDraft {
  return {
    from,
    to,
    relation: 'uses',
    stance: 'supports',
    confidence: '',
    title: page?.title ?? '',
    url: page?.url ?? '',
    publisher: page?.siteName ?? '',
    author: page?.author ?? '',
    date: page?.published && /^\d{4}-\d{2}-\d{2}$/.test(page.published) ? page.published : '',
    reliability: '',
    quote: page?.selection,
    useQuote: !!page?.selection,
  };
}

export function draftFromClaim(claim: Claim, from: PickedEntity, to: PickedEntity, relation: Relation): ClaimDraft {
  return {
    from,
    to,
    relation,
    stance: claim.stance,
    confidence: bandOf(claim.confidence)?.key ?? '',
    title: claim.source.title,
    url: claim.source.url ?? '',
    publisher: claim.source.publisher ?? '',
    author: claim.source.author ?? '',
    date: claim.source.date ?? '',
    reliability: claim.source.reliability ?? '',
    quote: claim.quote,
    useQuote: !!claim.quote,
  };
}

/**
 * The source's address as stored: an http(s) address without the invisible characters a page puts inside text
 * (a zero-width space or soft hyphen copied with it would make it another address, one that opens nothing and that
 * an import of the reader's own export drops); undefined when it is none.
 */
export function sourceAddress(raw: string): string | undefined {
  const url = raw.replace(INVISIBLE, '').trim();
  if (!/^https?:\/\/\S+$/i.test(url)) return undefined;
  try {
    return new URL(url).hostname ? url : undefined;
  } catch {
    return undefined;
  }
}

export function validateDraft(d: ClaimDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!d.from) errors.from = 'required';
  if (!d.to) errors.to = 'required';
  else if (d.from && d.from.id === d.to.id) errors.to = 'same';
  if (!d.title.trim()) errors.title = 'required';
  if (d.url.replace(INVISIBLE, '').trim() && sourceAddress(d.url) === undefined) errors.url = 'url';
  if (d.date && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d.date)) errors.date = 'date';
  return errors;
}

function source(d: ClaimDraft): Source {
  const clean = (s: string) => s.trim();
  const url = sourceAddress(d.url);
  return {
    title: clean(d.title),
    ...(clean(d.publisher) ? { publisher: clean(d.publisher) } : {}),
    ...(clean(d.author) ? { author: clean(d.author) } : {}),
    ...(d.date ? { date: d.date } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(d.reliability ? { reliability: d.reliability } : {}),
  };
}

/** Call only on a draft without errors. */
export function toNewClaim(d: ClaimDraft, pageUrl?: string): NewClaim {
  const confidence = valueOfWord(d.confidence);
  return {
    from: d.from!.id,
    to: d.to!.id,
    relation: d.relation,
    stance: d.stance,
    ...(confidence !== undefined ? { confidence } : {}),
    source: source(d),
    ...(d.useQuote && d.quote ? { quote: d.quote } : {}),
    ...(pageUrl ? { pageUrl } : {}),
  };
}

export function toPatch(d: ClaimDraft): ClaimPatch {
  return {
    link: { from: d.from!.id, relation: d.relation, to: d.to!.id },
    stance: d.stance,
    confidence: valueOfWord(d.confidence),
    source: source(d),
    quote: d.useQuote ? d.quote : undefined,
  };
}
