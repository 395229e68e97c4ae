/**
 * Whether a frame's page may have claims whose passages it marks, from the list of claim origins the background keeps
 * in storage.local (background/claim-origins.ts), read with the settings at document_start. A page of an origin not
 * on it does not ask the background (a database read) for passages after every load. No list, or an unreadable one:
 * every page asks, as before.
 */
import { browser } from '../platform/browser';
import { CLAIM_ORIGINS_KEY } from '../platform/storage-keys';
import { earlyOr } from './early-reads';

const listFrom = (value: unknown): string[] | undefined => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined);
const readList = async () => listFrom((await browser.storage.local.get(CLAIM_ORIGINS_KEY))[CLAIM_ORIGINS_KEY]);

let early: Promise<string[] | undefined> | undefined;

/** At script start: takes the list content-early.js read (the early reads are dropped after the first scan). */
export function takeClaimOrigins(): void {
  early ??= earlyOr(CLAIM_ORIGINS_KEY, listFrom, readList).catch(() => undefined);
}

/**
 * May a page of one of `origins` have claims? A frame gives two: its address's (a sandboxed frame's document has an
 * opaque origin, its address is the page's) and its document's (a srcdoc, about:blank or blob: frame marks the
 * claims of the top page of that origin). The first answer uses the early read, later ones read storage again.
 */
export async function mayHaveClaims(origins: readonly string[]): Promise<boolean> {
  const pending = early ?? readList().catch(() => undefined);
  early = undefined;
  const list = await pending;
  return !list || origins.some((o) => list.includes(o));
}
