/**
 * The background's handle on the knowledge base: one Repository, seeded once, and the compiled dictionary, which it
 * publishes to storage.local for content scripts (src/platform/dictionary-store.ts) whenever the data version moves.
 */
import { bundledDataset, BUNDLED_VERSION } from '../core/data/index';
import { openDb } from '../core/db/database';
import { Repository } from '../core/db/repository';
import { COMPILE_REVISION, compileDictionary, compilePrefilter, loadEnglishWords } from '../core/matcher/index';
import { storedVersion, writeCompiled } from '../platform/dictionary-store';
import { publishClaimOrigins } from './claim-origins';

// The background's own writes (seeding) change the data too: publish after them.
export const repo: Repository = new Repository(
  openDb(),
  () => void publishDictionary().catch(() => undefined),
  () => void publishClaimOrigins(repo).catch(() => undefined),
);

let seeding: Promise<unknown> | undefined;
export function ensureSeeded(): Promise<unknown> {
  seeding ??= repo.seed(bundledDataset(), BUNDLED_VERSION).catch((error: unknown) => {
    seeding = undefined;
    throw error;
  });
  return seeding;
}

/**
 * Whether this browser decodes base64 natively: its content scripts then read the prefilter's packed tables and never
 * its signatures, which are left out of what every frame receives.
 */
const decodesBase64 = () => typeof (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64 === 'function';

let publishing: Promise<string> | undefined;
let again = false;
let checkWhole = false;

/**
 * Makes storage hold the dictionary of the current data: compiled only when the stored version differs. Calls
 * that arrive while a publication runs are folded into one more run after it (a change may have landed meanwhile).
 * `whole`: a content script found no usable prefilter; compare with the stored prefilter itself rather than with the
 * small version key (dictionary-store.ts).
 */
export function publishDictionary(whole = false): Promise<string> {
  if (whole) checkWhole = true;
  if (publishing) {
    again = true;
    return publishing;
  }
  publishing = (async () => {
    let version: string;
    do {
      again = false;
      const thorough = checkWhole;
      checkWhole = false;
      await ensureSeeded();
      version = `${BUNDLED_VERSION}/r${COMPILE_REVISION}/${await repo.dataVersion()}`;
      if ((await storedVersion(thorough)) !== version) {
        await loadEnglishWords();
        const dict = compileDictionary(await repo.allEntities(), { version, links: await repo.linkEnds() });
        await writeCompiled(dict, compilePrefilter(dict, { signatures: !decodesBase64() }));
      }
    } while (again);
    await publishClaimOrigins(repo).catch(() => undefined);
    return version;
  })().finally(() => {
    publishing = undefined;
    if (again) void publishDictionary().catch(() => undefined);
  });
  return publishing;
}
