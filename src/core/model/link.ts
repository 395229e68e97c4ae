/**
 * Links between two entities and the claims (evidence) they rest on.
 * A link's confidence is never typed in directly: it is derived from its claims (see confidence.ts),
 * unless an analyst overrides it with a reason.
 */

/**
 * Closed vocabulary of relations. Directional: `from` <relation> `to`.
 * "obtains-access-from": from buys or receives initial access from to (an access broker or its malware).
 */
export const RELATIONS = [
  'obtains-access-from',
  'sells-access-to',
  'uses',
  'develops',
  'operates',
  'affiliated-with',
  'shares-code-with',
  'shares-infrastructure-with',
  'overlaps-with',
  'succeeded-by',
  'attributed-to',
] as const;
export type Relation = (typeof RELATIONS)[number];

/**
 * Relations that read the same both ways: "A overlaps with B" is "B overlaps with A". Feeds list such a relation in
 * both entities' records (MISP "similar", "related-to"): both statements are one link, stored once, its ends in id
 * order (canonicalEnds), with the claims of both.
 */
export const SYMMETRIC_RELATIONS: ReadonlySet<Relation> = new Set(['affiliated-with', 'shares-code-with', 'shares-infrastructure-with', 'overlaps-with']);

/**
 * The direction a link is stored in: a symmetric relation's ends in id order (UTF-16 code units, as IndexedDB and
 * sort() order strings), any other relation's as stated.
 */
export function canonicalEnds(from: string, relation: Relation, to: string): { from: string; to: string } {
  return SYMMETRIC_RELATIONS.has(relation) && to < from ? { from: to, to: from } : { from, to };
}

/** A link turned to its stored direction (canonicalEnds), its id following; the same object when it already is. */
export function canonicalLink<T extends Pick<Link, 'id' | 'from' | 'to' | 'relation'>>(link: T): T {
  const ends = canonicalEnds(link.from, link.relation, link.to);
  if (ends.from === link.from) return link;
  return { ...link, ...ends, id: linkId(ends.from, link.relation, ends.to) };
}

/**
 * The stored id of the link a link id names, for ids written before symmetric links were stored once (a claim's
 * linkId, a removal's key): "b~overlaps-with~a" is "a~overlaps-with~b". Any other id is returned as it is.
 */
export function canonicalLinkIdOf(id: string): string {
  for (const relation of SYMMETRIC_RELATIONS) {
    const at = id.indexOf(`~${relation}~`);
    if (at <= 0) continue;
    return linkId(id.slice(0, at), relation, id.slice(at + relation.length + 2));
  }
  return id;
}

/** The key a link is shown under: a symmetric relation's pair in either order is one fact (distinctLinks). */
export function statementKey(l: Pick<Link, 'id' | 'from' | 'to' | 'relation'>): string {
  if (!SYMMETRIC_RELATIONS.has(l.relation)) return l.id;
  return l.from < l.to ? `${l.relation}\u0000${l.from}\u0000${l.to}` : `${l.relation}\u0000${l.to}\u0000${l.from}`;
}

/**
 * Of one fact stated twice (a symmetric relation both ways), the link shown and edited: the one the reader set an
 * override on, else the one whose id sorts first, so both ends, the graph and the scan command show the same one.
 */
export function shownLink<T extends Pick<Link, 'id' | 'override'>>(a: T, b: T): T {
  if (!!a.override !== !!b.override) return a.override ? a : b;
  return a.id <= b.id ? a : b;
}

/** The links with a symmetric relation's second statement (the same pair the other way round) left out, as shown. */
export function distinctLinks<T extends Pick<Link, 'from' | 'to' | 'relation'>>(links: readonly T[]): T[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    if (!SYMMETRIC_RELATIONS.has(l.relation)) return true;
    const key = statementKey({ id: '', ...l });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** active: believed current; historical: was true, no longer active; disputed: sources disagree; refuted. */
export const LINK_STATUSES = ['active', 'historical', 'disputed', 'refuted'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export interface Link {
  /** Stable id, e.g. "lazarus-group~obtains-access-from~trickbot". */
  id: string;
  from: string;
  to: string;
  relation: Relation;
  /** The status the curator or feed asserted; the derived status may tighten it (see confidence.ts). */
  status: LinkStatus;
  /** A short explanation in the team's own words (why this link is believed, or why it was refuted). */
  note?: string;
  /** Analyst override of the derived confidence (STIX 0–100) with a reason. */
  override?: { confidence: number; reason: string; at: string };
  provenance: string[];
}

/** Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged. */
export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITIES)[number];

export interface Source {
  title: string;
  publisher?: string;
  author?: string;
  /** ISO date of publication; omitted when unknown (never guessed). */
  date?: string;
  url?: string;
  reliability?: Reliability;
  /**
   * The original analysis this source reports on ("Intel 471"), when it is coverage of someone else's work.
   * Sources that share it are one piece of evidence, not several.
   */
  basedOn?: string;
}

/** W3C Web Annotation TextQuoteSelector: finds the passage again in the article. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export type Stance = 'supports' | 'refutes';

export interface Claim {
  id: string;
  linkId: string;
  source: Source;
  stance: Stance;
  /** The source's own confidence, STIX 0–100; absent = unspecified (never 0). */
  confidence?: number;
  quote?: TextQuoteSelector;
  /** "bundled", "user", "import:<feed>" — user claims are never overwritten by a re-seed or import. */
  origin: string;
  /** Address of the page the claim was recorded on (user annotations). */
  pageUrl?: string;
  created: string;
  updated?: string;
}

/** A link's id, "<from>~<relation>~<to>", of its stored direction (canonicalEnds): a symmetric link has one id. */
export function linkId(from: string, relation: Relation, to: string): string {
  const ends = canonicalEnds(from, relation, to);
  return `${ends.from}~${relation}~${ends.to}`;
}
