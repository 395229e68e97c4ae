/**
 * The origins of the pages the reader's claims were recorded on, in storage.local, so a page of another origin does not
 * ask the background for its claims' passages (a database read) after every load: content scripts read the list with
 * their settings. A stale list could hide a claim's passage, so it is written again whenever the background may see a
 * change: on every wake and data publication (knowledge.ts), when a page asks for its passages, and whenever a
 * Repository added or removed claims (its onClaimsChanged: the background's own, and the popup's and options page's
 * through actorlens:claimsChanged). The list holds exactly the origins of the claims stored when it was last written: a
 * deleted claim's origin leaves it. A list that is not there yet makes every page ask, as before.
 */
import { browser } from '../platform/browser';
import { CLAIM_ORIGINS_KEY } from '../platform/storage-keys';
import type { Repository } from '../core/db/repository';

/** What this worker last wrote (or found stored), to spare the write when nothing moved. */
let written: string | undefined;

/** The origin a claim's page address stands for, as a frame of that page knows its own (`self.origin`). */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The run in progress: runs follow one another, so a list read before a change is never written after a later one. */
let running: Promise<void> = Promise.resolve();

export function publishClaimOrigins(repo: Repository): Promise<void> {
  const run = running.catch(() => undefined).then(() => writeClaimOrigins(repo));
  running = run;
  return run;
}

async function writeClaimOrigins(repo: Repository): Promise<void> {
  const origins = [...new Set((await repo.claimPageUrls()).flatMap((url) => originOf(url) ?? []))].sort();
  const text = JSON.stringify(origins);
  written ??= JSON.stringify((await browser.storage.local.get(CLAIM_ORIGINS_KEY))[CLAIM_ORIGINS_KEY] ?? null);
  if (text === written) return;
  await browser.storage.local.set({ [CLAIM_ORIGINS_KEY]: origins });
  written = text;
}
