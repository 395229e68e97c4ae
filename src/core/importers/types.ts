/**
 * Shared types of the importers: an ImportPlan is what a parser extracted from one file, before it is merged
 * into the database (src/core/db/import-export.ts). Parsers are pure: no database, no I/O.
 */
import type { Entity } from '../model/entity';
import type { Claim, Link } from '../model/link';

export type ImportFormat = 'stix-2.1' | 'stix-2.0' | 'misp-galaxy' | 'unknown';

/**
 * Largest accepted file: 50 MiB (52,428,800 bytes) of UTF-8. A file of exactly 50 MiB is accepted; one byte
 * more is rejected before any parsing.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Longest accepted name or alias, in characters (after trimming). */
export const MAX_NAME_LENGTH = 200;
/** Longest motivation ActorLens composes or reads; longer ones are cut with "…". */
export const MAX_MOTIVATION_LENGTH = 200;
/** Descriptions are cut (with "…") beyond this many characters. */
export const MAX_DESCRIPTION_LENGTH = 4000;
/** Deepest accepted JSON nesting. */
export const MAX_JSON_DEPTH = 64;

export interface ImportIssue {
  /** File name as given by the user. */
  file: string;
  /** Where in the file, e.g. "values[12].meta.synonyms[3]" or "objects[5] (intrusion-set--…)". */
  path: string;
  /** The offending field, e.g. "name", "meta.synonyms", "confidence". Empty for whole-file problems. */
  field: string;
  message: string;
  /**
   * How many problems this line stands for, when it is a summary of problems not listed one by one ("…and 312 more
   * links skipped": 312) or an explanation of problems listed elsewhere (0). Absent: 1. See issueTotal().
   */
  counts?: number;
  /**
   * The name a look-alike-letter warning is about (mixed-script.ts). The merge drops the warning where the database
   * holds that name as written already: it was warned about when it first came, and our own export of it would
   * otherwise warn on every import.
   */
  lookAlike?: string;
}

/** The true number of problems in a list whose long runs were cut to a few lines and a summary (see counts). */
export function issueTotal(issues: readonly ImportIssue[]): number {
  let n = 0;
  for (const i of issues) n += i.counts ?? 1;
  return n;
}

/** A problem that blocks the whole import (all or nothing). */
export class ImportError extends Error implements ImportIssue {
  readonly file: string;
  readonly path: string;
  readonly field: string;
  readonly counts?: number;

  constructor(issue: ImportIssue) {
    super(`${issue.file}${issue.path ? ` ${issue.path}` : ''}${issue.field ? ` [${issue.field}]` : ''}: ${issue.message}`);
    this.name = 'ImportError';
    this.file = issue.file;
    this.path = issue.path;
    this.field = issue.field;
    if (issue.counts !== undefined) this.counts = issue.counts;
  }

  /** The message without the location prefix. */
  get reason(): string {
    const i = this.message.indexOf(': ');
    return i >= 0 ? this.message.slice(i + 2) : this.message;
  }

  toIssue(): ImportIssue {
    return { file: this.file, path: this.path, field: this.field, message: this.reason, ...(this.counts !== undefined ? { counts: this.counts } : {}) };
  }
}

export interface ImportSkipped {
  /** Objects marked `revoked: true`. */
  revoked: number;
  /** Objects marked `x_mitre_deprecated: true`. */
  deprecated: number;
  /** Objects or relations of a type ActorLens does not keep (attack-pattern, marking-definition, targets…). */
  unsupported: number;
  /** Relationships whose ends were skipped (revoked, deprecated or unsupported). */
  orphaned: number;
}

export interface ImportPlan {
  format: ImportFormat;
  fileName: string;
  /** Provenance label of the feed: "attack", "misp:threat-actor", "stix:<producer>"… */
  feed: string;
  /**
   * Entities found in the file. Their ids are external keys ("attack:G0032", "misp:<uuid>", "stix:<id>");
   * the apply step maps them onto existing entities or keeps them as the new entities' ids.
   */
  entities: Entity[];
  /**
   * Links between plan entity ids; an end may also be an external key of an entity that is not in the file
   * ("stix:malware--…", "misp:<uuid>"): the apply step resolves it against the database or skips the link.
   */
  links: Link[];
  claims: Claim[];
  /** Blocking problems: a plan with any error is never applied. */
  errors: ImportError[];
  /** Non-blocking problems (dropped empty alias, unknown relation type mapped to a default…). */
  warnings: ImportIssue[];
  skipped: ImportSkipped;
  /**
   * The file is ActorLens's own export: each entity's aliases are the list it held where it was exported, already
   * judged there (an alias may be the name of another entity, kept because the entity held it first). The merge
   * keeps them as they are instead of judging them again as names new to the entity.
   */
  settledAliases?: boolean;
  /**
   * What the reader removed where our own export was made, with when: claims they deleted (revoked notes) and links
   * whose override they cleared (link: a plan link id). The merge removes them here too, unless changed since.
   */
  removals?: { claims: { id: string; at: string }[]; overrides: { link: string; at: string }[] };
}

export function emptySkipped(): ImportSkipped {
  return { revoked: 0, deprecated: 0, unsupported: 0, orphaned: 0 };
}

export function emptyPlan(format: ImportFormat, fileName: string, feed: string): ImportPlan {
  return { format, fileName, feed, entities: [], links: [], claims: [], errors: [], warnings: [], skipped: emptySkipped() };
}
