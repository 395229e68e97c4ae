/** Building blocks shared by the STIX and MISP parsers. */
import { nameKey } from '../db/keys';
import type { Alias, Entity } from '../model/entity';
import { canonicalEnds, linkId, type Claim, type Link, type Relation } from '../model/link';
import { mixedScriptWarning } from './mixed-script';
import { cleanName, preview, type FieldContext, type Json } from './sanitize';
import { ImportError, type ImportPlan } from './types';

/**
 * Errors listed one by one per file; the rest are counted in one summary line (finish()). The page shows the first
 * hundred: a file wrong everywhere made one error object per problem, hundreds of megabytes for a 20 MB file.
 */
export const MAX_LISTED_ERRORS = 1000;

/** Collects errors and warnings while parsing one file. */
export class Collector {
  /** Errors past MAX_LISTED_ERRORS, counted and not kept. */
  private unlisted = 0;

  /**
   * Names as ActorLens already holds them (our own export): a name garbled by an encoding mix-up before the check
   * existed is kept, or the reader's export of it could never be imported again.
   */
  keepGarbled = false;

  constructor(readonly plan: ImportPlan) {}

  error(path: string, field: string, message: string): void {
    this.record(new ImportError({ file: this.plan.fileName, path, field, message }));
  }

  /** An error listed, or counted once MAX_LISTED_ERRORS are. */
  private record(error: ImportError): void {
    if (this.plan.errors.length >= MAX_LISTED_ERRORS) this.unlisted++;
    else this.plan.errors.push(error);
  }

  /** The plan, with the summary of the errors not listed. Call once, when parsing is over. */
  finish(): ImportPlan {
    if (this.unlisted) {
      const total = this.plan.errors.length + this.unlisted;
      const message = `…and ${this.unlisted} more error${this.unlisted === 1 ? '' : 's'} not listed (${total} in all).`;
      this.plan.errors.push(new ImportError({ file: this.plan.fileName, path: '', field: '', message, counts: this.unlisted }));
      this.unlisted = 0;
    }
    return this.plan;
  }

  warn(path: string, field: string, message: string): void {
    this.plan.warnings.push({ file: this.plan.fileName, path, field, message });
  }

  /**
   * A name kept as written, with a warning when one of its words mixes alphabets (mixed-script.ts). Not in our own
   * export, whose names ActorLens held already (warned about when they first came), as for keepGarbled: it previews
   * clean in another browser. (A forged one is what the preview's "made by ActorLens" notice is about.)
   */
  checkLookAlikes(name: string, path: string, field: string): void {
    if (this.keepGarbled) return;
    const message = mixedScriptWarning(name, (s) => preview(s, 80));
    if (message) this.plan.warnings.push({ file: this.plan.fileName, path, field, message, lookAlike: name });
  }

  ctx(path: string, field: string): FieldContext {
    return { file: this.plan.fileName, path, field, ...(this.keepGarbled ? { keepGarbled: true } : {}) };
  }

  /** Takes a value or records its error; returns undefined on error. */
  take<T>(value: T | ImportError): T | undefined {
    if (value instanceof ImportError) {
      this.record(value);
      return undefined;
    }
    return value;
  }
}

/**
 * Reads a list of alias names (or returns [] with an error when the field is not an array of strings).
 * Names without letters or digits are dropped with a warning; exact repeats (and the canonical name itself)
 * are dropped. Spelling variants with the same lookup key ("Trickbot" next to "TrickBot") are kept as
 * written: the merge step compares keys against what is already stored.
 */
export function readAliases(
  c: Collector,
  raw: Json | undefined,
  canonical: string,
  path: string,
  field: string,
  usedBy: (name: string) => string | undefined = () => undefined,
  seen = new Set<string>([canonical]),
): Alias[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    c.error(path, field, `Expected a list of names, got ${typeof raw === 'object' ? 'an object' : `a ${typeof raw}`}.`);
    return [];
  }
  const out: Alias[] = [];
  raw.forEach((item, j) => {
    const name = c.take(cleanName(item, c.ctx(`${path}.${field}[${j}]`, field)));
    if (name === undefined) return;
    const key = nameKey(name);
    if (!key) {
      c.warn(`${path}.${field}[${j}]`, field, `Alias ${JSON.stringify(name)} has no letters or digits; skipped.`);
      return;
    }
    if (seen.has(name)) return;
    seen.add(name);
    c.checkLookAlikes(name, `${path}.${field}[${j}]`, field);
    const by = usedBy(name);
    out.push(by ? { name, usedBy: by } : { name });
  });
  return out;
}

export function addLink(
  plan: ImportPlan,
  links: Map<string, Link>,
  from: string,
  relation: Relation,
  to: string,
  extra: Partial<Pick<Link, 'status' | 'note' | 'override' | 'provenance'>> = {},
): Link {
  const id = linkId(from, relation, to);
  let link = links.get(id);
  if (!link) {
    link = {
      id,
      ...canonicalEnds(from, relation, to),
      relation,
      status: extra.status ?? 'active',
      provenance: extra.provenance ?? [plan.feed],
      ...(extra.note ? { note: extra.note } : {}),
      ...(extra.override ? { override: extra.override } : {}),
    };
    links.set(id, link);
    plan.links.push(link);
  }
  return link;
}

export function addClaim(plan: ImportPlan, claims: Map<string, Claim>, claim: Claim): void {
  if (claims.has(claim.id)) return;
  claims.set(claim.id, claim);
  plan.claims.push(claim);
}

export function entityFamily(kind: Entity['kind']): 'actor' | 'software' {
  return kind === 'actor' ? 'actor' : 'software';
}

/** RFC 3339 timestamp with milliseconds and Z, or undefined for anything unparseable. */
export function isoTimestamp(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > 40) return undefined;
  const t = Date.parse(raw);
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}
