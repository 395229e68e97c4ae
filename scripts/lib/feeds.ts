/**
 * Knowledge base for the CLI scripts (eval, scan, bench), built with the extension's own code: each feed file is
 * parsed by `detectAndParse` (src/core/importers) and applied with `applyImport` (src/core/db/import-export.ts) to
 * a fake-indexeddb database seeded with the bundled dataset, exactly as the options page does. The entities are
 * then read back with `repo.allEntities()`, so an actor listed by both MISP and ATT&CK is one entity, as in the
 * extension. Files are read in place; nothing is copied.
 */
import 'fake-indexeddb/auto';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BUNDLED_VERSION, bundledDataset } from '../../src/core/data/index';
import { ActorLensDb } from '../../src/core/db/database';
import { applyImport } from '../../src/core/db/import-export';
import { Repository } from '../../src/core/db/repository';
import { decodeImportBytes } from '../../src/core/importers/decode';
import { detectAndParse, MAX_IMPORT_BYTES, type ImportPlan } from '../../src/core/importers/index';
import { readFileBounded } from './read-bounded';
import type { Entity } from '../../src/core/model/entity';
import type { Claim, Link } from '../../src/core/model/link';

/** Public feeds under ../shared/data, in the order they are imported (earlier feeds keep ids, names and kinds). */
export const FEED_FILES = [
  'attack/enterprise-groups-software.json',
  'misp-galaxy/threat-actor.json',
  'misp-galaxy/malpedia.json',
  'misp-galaxy/tool.json',
  'misp-galaxy/ransomware.json',
] as const;

/**
 * Parse one feed file with the extension's importer. Throws with a clear message when it cannot be imported. The file is
 * read as the options page reads one: refused past the import limit before it is read (a pipe or device once past it),
 * and decoded by the same checks (UTF-8, or UTF-16; a compressed file, an archive or another encoding is refused).
 */
export function parseFeedFile(path: string): ImportPlan {
  const bytes = readFileBounded(path, `feed ${path}`, MAX_IMPORT_BYTES, 'import');
  let text: string;
  try {
    text = feedText(bytes, basename(path));
  } catch (e) {
    throw new Error(`feed ${path} cannot be imported: ${(e as Error).message}`, { cause: e });
  }
  const plan = detectAndParse(text, basename(path));
  if (plan.errors.length) {
    const more = plan.errors.length > 1 ? ` (and ${plan.errors.length - 1} more)` : '';
    throw new Error(`feed ${path} cannot be imported: ${plan.errors[0]?.message}${more}`);
  }
  return plan;
}

/**
 * A JSON file's text, decoded as the options page decodes an import (core/importers/decode.ts): UTF-8, or UTF-16 by
 * its byte-order mark or the zero byte beside the first character; anything else throws an ImportError naming `file`.
 */
export function feedText(bytes: Uint8Array, file = 'feed'): string {
  return decodeImportBytes(bytes, file);
}

export interface KnowledgeBase {
  /** Bundled + imported entities, merged as the extension merges them. */
  entities: Entity[];
  links: Link[];
  claims: Claim[];
  /** Feed files that were expected under the feed folder but are absent. */
  missing: string[];
  /** The parsed plans, in import order (for callers that need the feed's own view, e.g. ATT&CK's types). */
  plans: ImportPlan[];
  /** Time spent parsing and applying, ms. */
  ms: number;
}

/**
 * Bundled dataset + the public feeds found under `feedDir` (normally ../shared/data; undefined: none) + `extra`
 * files, merged through a throw-away fake-indexeddb database. Throws when an `extra` file cannot be imported.
 */
export async function loadKnowledgeBase(opts: { feedDir?: string; extra?: readonly string[]; bundled?: boolean } = {}): Promise<KnowledgeBase> {
  const t0 = performance.now();
  const files: string[] = [];
  const missing: string[] = [];
  if (opts.feedDir !== undefined) {
    for (const f of FEED_FILES) {
      const p = join(opts.feedDir, f);
      if (existsSync(p)) files.push(p);
      else missing.push(p);
    }
  }
  files.push(...(opts.extra ?? []));
  const plans = files.map(parseFeedFile);
  const db = new ActorLensDb(`eval-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
  try {
    const repo = new Repository(db);
    if (opts.bundled !== false) await repo.seed(bundledDataset(), BUNDLED_VERSION);
    for (const plan of plans) await applyImport(repo, plan);
    const [entities, links, claims] = await Promise.all([repo.allEntities(), db.links.toArray(), db.claims.toArray()]);
    return { entities, links, claims, missing, plans, ms: performance.now() - t0 };
  } finally {
    db.close();
    await db.delete().catch(() => undefined);
  }
}

/**
 * The feed files' own entities under `dir`, parsed by the extension's importers but NOT merged (one entity per
 * feed record; ids are the feeds' external keys). Synchronous, for callers that write rows themselves
 * (bench-page). For the merged view the extension has, use loadKnowledgeBase.
 */
export function loadFeedEntities(dir: string): { entities: Entity[]; missing: string[] } {
  const entities: Entity[] = [];
  const missing: string[] = [];
  for (const f of FEED_FILES) {
    const p = join(dir, f);
    if (existsSync(p)) entities.push(...parseFeedFile(p).entities);
    else missing.push(p);
  }
  return { entities, missing };
}
