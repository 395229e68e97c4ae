/** The background's handle on the knowledge base: one Repository, seeded once, and the compiled dictionary cache. */
import { bundledDataset, BUNDLED_VERSION } from '../core/data/index';
import { openDb } from '../core/db/database';
import { Repository } from '../core/db/repository';
import { compileDictionary, compilePrefilter, createMatcher, type CompiledDictionary, type CompiledPrefilter, type Matcher } from '../core/matcher/index';

export const repo = new Repository(openDb());

let seeding: Promise<unknown> | undefined;
export function ensureSeeded(): Promise<unknown> {
  seeding ??= repo.seed(bundledDataset(), BUNDLED_VERSION).catch((error: unknown) => {
    seeding = undefined;
    throw error;
  });
  return seeding;
}

let cache: { dataVersion: number; dict: CompiledDictionary; matcher?: Matcher; prefilter?: CompiledPrefilter } | undefined;
let building: Promise<NonNullable<typeof cache>> | undefined;
/** The data version is re-read at most this often (every content-script chunk asks for the matcher). */
const VERSION_CHECK_MS = 1000;
let checkedAt = -Infinity;

async function current(): Promise<NonNullable<typeof cache>> {
  if (cache && performance.now() - checkedAt < VERSION_CHECK_MS) return cache;
  building ??= (async () => {
    await ensureSeeded();
    const dataVersion = await repo.dataVersion();
    checkedAt = performance.now();
    if (!cache || cache.dataVersion !== dataVersion) {
      const dict = compileDictionary(await repo.allEntities(), { version: `${BUNDLED_VERSION}/${dataVersion}` });
      cache = { dataVersion, dict };
    }
    return cache;
  })().finally(() => {
    building = undefined;
  });
  return building;
}

/** The built matcher, kept across pages (content scripts send text here instead of building their own). */
export async function currentMatcher(): Promise<{ version: string; matcher: Matcher }> {
  const c = await current();
  c.matcher ??= createMatcher(c.dict);
  return { version: c.dict.version, matcher: c.matcher };
}

/** The dictionary's prefilter (first characters of every name), compiled once per data version. */
export async function currentPrefilter(): Promise<CompiledPrefilter> {
  const c = await current();
  c.prefilter ??= compilePrefilter(c.dict);
  return c.prefilter;
}
