/** The background's handle on the knowledge base: one Repository, seeded once, and the compiled dictionary cache. */
import { bundledDataset, BUNDLED_VERSION } from '../core/data/index';
import { openDb } from '../core/db/database';
import { Repository } from '../core/db/repository';
import { compileDictionary, type CompiledDictionary } from '../core/matcher/index';

export const repo = new Repository(openDb());

let seeding: Promise<unknown> | undefined;
export function ensureSeeded(): Promise<unknown> {
  seeding ??= repo.seed(bundledDataset(), BUNDLED_VERSION).catch((error: unknown) => {
    seeding = undefined;
    throw error;
  });
  return seeding;
}

let cache: { dataVersion: number; dict: CompiledDictionary } | undefined;

/** Compiled once per data version; a woken worker recompiles from IndexedDB. */
export async function currentDictionary(): Promise<CompiledDictionary> {
  await ensureSeeded();
  const dataVersion = await repo.dataVersion();
  if (!cache || cache.dataVersion !== dataVersion) {
    const dict = compileDictionary(await repo.allEntities(), { version: `${BUNDLED_VERSION}/${dataVersion}` });
    cache = { dataVersion, dict };
  }
  return cache.dict;
}
