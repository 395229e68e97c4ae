/**
 * Every message between contexts, declared once. Names say who answers:
 * - BackgroundCalls: sent with runtime.sendMessage by the content script, popup or options page.
 * - ContentCalls: sent with tabs.sendMessage to a tab's content script (popup, background, tests).
 * `actorlens:spotted` is a public contract (tests, benchmarks): keep its shape stable.
 */
import type { EntityKind } from './model/entity';
import type { LinkStatus, Relation, TextQuoteSelector } from './model/link';
import type { CompiledPrefilter, Match } from './matcher/index';

export interface MatchRequest {
  texts: string[];
  suppressed: string[];
  possibleActors: boolean;
  securityContext: boolean;
}

/** A match without its position: one entry of a match reply's table, shared by every match that has it. */
export type MatchEntry = Omit<Match, 'start' | 'end'>;

/**
 * The matches of one `actorlens:match` request as parallel arrays (one slot per match, grouped by request text in
 * order, each text's matches in the matcher's order): `text` the index of the request text, `start`/`end` the
 * UTF-16 offsets in it (end exclusive), `entry` the index into `table`. Far smaller to serialise than an object
 * per match on pages with thousands of names.
 */
export interface PackedMatches {
  text: number[];
  start: number[];
  end: number[];
  entry: number[];
  table: MatchEntry[];
}

/** Packs per-text match lists (background side). */
export function packMatches(lists: Match[][]): PackedMatches {
  const packed: PackedMatches = { text: [], start: [], end: [], entry: [], table: [] };
  const index = new Map<string, number>();
  lists.forEach((list, t) => {
    for (const m of list) {
      const { start, end, ...entry } = m;
      const key = JSON.stringify(entry);
      let e = index.get(key);
      if (e === undefined) {
        e = packed.table.length;
        index.set(key, e);
        packed.table.push(entry);
      }
      packed.text.push(t);
      packed.start.push(start);
      packed.end.push(end);
      packed.entry.push(e);
    }
  });
  return packed;
}

/** Unpacks a reply into one match list per request text (content side). */
export function unpackMatches(packed: PackedMatches, texts: number): Match[][] {
  const lists: Match[][] = Array.from({ length: texts }, () => []);
  const n = packed.text.length;
  for (let i = 0; i < n; i++) {
    const list = lists[packed.text[i]!];
    const entry = packed.table[packed.entry[i]!];
    if (!list || !entry) continue;
    list.push({ ...entry, start: packed.start[i]!, end: packed.end[i]! });
  }
  return lists;
}

export interface SpottedEntity {
  /** Null for a "possible actor" found by a naming scheme but not in the knowledge base. */
  entityId: string | null;
  name: string;
  /** Each distinct surface as written on the page. */
  text: string;
  count: number;
  kind?: EntityKind;
}

export interface SpottedReport {
  done: boolean;
  scanMs: number;
  matches: SpottedEntity[];
}

export interface ScanStats {
  /** From the content script's start until the settings arrived. */
  settings: number;
  /** Reading the page's text (main thread). */
  walk: number;
  /** Waiting for the background's matches, beyond the walk (off the page's main thread). */
  wait: number;
  /** Creating and registering ranges (main thread). */
  paint: number;
  /** Security context and prefilter over the walked text (main thread). */
  filter: number;
  /** How many times the scan yielded to the page, and how many match requests it sent. */
  slices: number;
  requests: number;
  ranges: number;
}

export interface CardLink {
  otherId: string;
  otherName: string;
  relation: Relation;
  direction: 'out' | 'in';
  status: LinkStatus;
  confidence?: number;
  sources: number;
}

export interface CardData {
  entityId: string;
  name: string;
  kind: EntityKind;
  country?: string;
  description?: string;
  links: CardLink[];
}

/** What the popup needs to cite the page a reader is on. */
export interface PageInfo {
  url: string;
  title: string;
  siteName?: string;
  published?: string;
  author?: string;
  /** The reader's current selection as a W3C TextQuoteSelector, when there is one. */
  selection?: TextQuoteSelector;
}

export interface BackgroundCalls {
  /**
   * The dictionary's prefilter (a few tens of KB): lets the content script skip text that cannot hold a match, so
   * a page without names needs no match request at all.
   */
  'actorlens:prefilter': { req: { have?: string }; res: { version: string; prefilter?: CompiledPrefilter } };
  'actorlens:getCard': { req: { entityId: string }; res: CardData | null };
  /**
   * Matches text chunks with the background's matcher (built once per data version and kept across pages), so
   * a page never pays for receiving and building the dictionary. The text stays in memory inside the extension:
   * nothing is stored or sent anywhere. `securityContext` carries the page's context over from earlier chunks;
   * `context` says whether any of these chunks established it.
   */
  'actorlens:match': { req: MatchRequest; res: { version: string; context: boolean; matches: PackedMatches } };
  /** Sent by every frame after each change; the background aggregates per tab and frame (badge). */
  /** A frame's tally after a scan; `title` feeds the opt-in local history (kept only when the reader turned it on). */
  'actorlens:reportSpotted': { req: { entities: SpottedEntity[]; title?: string }; res: null };
  /** The entities other frames of the sender's tab reported (the top frame folds them into its answer). */
  'actorlens:framesSpotted': { req: unknown; res: SpottedEntity[] };
  /** "Open in ActorLens" from the hover card: opens the ActorLens view of the entity. */
  'actorlens:openEntity': { req: { entityId: string }; res: null };
}

/**
 * Answered by the top frame only (child frames stay silent so `tabs.sendMessage` without a frameId gets the top
 * frame's answer). `actorlens:spotted` → {done, scanMs, matches: [{entityId, name, text, count}]}: `done` once the
 * first full scan is applied, `scanMs` the content script's time from its start to that point, `text` each
 * distinct surface as written, `name` the canonical name. Matches from child frames are included.
 */
export interface ContentCalls {
  'actorlens:spotted': { req: unknown; res: SpottedReport };
  'actorlens:rescan': { req: unknown; res: SpottedReport };
  'actorlens:toggle': { req: unknown; res: { enabled: boolean } };
  'actorlens:pageInfo': { req: unknown; res: PageInfo };
  /** Where the first scan's time went (ms), for `npm run bench:page`; not part of the public contract. */
  'actorlens:scanStats': { req: unknown; res: ScanStats | null };
}

export type Message<Map, K extends keyof Map> = { type: K } & (Map[K] extends { req: infer R } ? R : never);
export type Reply<Map, K extends keyof Map> = Map[K] extends { res: infer R } ? R : never;
