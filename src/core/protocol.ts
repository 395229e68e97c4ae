/**
 * Every message between contexts, declared once. Names say who answers:
 * - BackgroundCalls: sent with runtime.sendMessage by the content script, popup or options page.
 * - ContentCalls: sent with tabs.sendMessage to a tab's content script (popup, background, tests).
 * `actorlens:spotted` is a public contract (tests, benchmarks): keep its shape stable.
 */
import type { EntityKind } from './model/entity';
import type { LinkStatus, Relation, Stance, TextQuoteSelector } from './model/link';

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
  /** Waiting for the stored prefilter and dictionary, beyond the walk. */
  wait: number;
  /** Building the matcher from the stored dictionary (main thread, once per page and dictionary version). */
  build: number;
  /** Security context and prefilter over the walked text (main thread). */
  filter: number;
  /** Matching the text that the prefilter let through (main thread). */
  match: number;
  /** Creating and registering ranges (main thread). */
  paint: number;
  /** From the settings' arrival until the scan's first slice (the scan starts in a task of its own). */
  start: number;
  /** Showing the highlights once all is read: styles, the frame between styles and highlights, registering them. */
  show: number;
  /** How many times the scan yielded to the page. */
  slices: number;
  /**
   * Time between the scan's slices, while the page (or the browser: rendering, other messages, garbage collection)
   * had the main thread, and the longest such wait (ms). Counted in the time to `done`, not in the phases.
   */
  yielded: number;
  longestYield: number;
  ranges: number;
  /**
   * When the content script started, in ms from the document's navigation start (its performance.now()): with the
   * time to `done`, when the page was done from navigation start. A script starting before the page's first frame
   * counts that frame in its time to `done`; from navigation start, early and late starts are compared alike.
   */
  scriptStart: number;
  /**
   * The storage keys whose values the content script took from the reads content-early.js began at document_start
   * (none when those failed or did not run: the script then read storage itself).
   */
  early: string[];
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

/**
 * A passage of one of the reader's claims recorded on a page, with what the claim says: the page marks the passage
 * (content/quote-anchors.ts) and pointing at it shows the claim (content/card.ts).
 */
export interface PageQuote extends Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'> {
  claimId: string;
  linkId: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  relation: Relation;
  stance: Stance;
  publisher?: string;
  /** The source's date as stored (YYYY-MM-DD, or shorter). */
  date?: string;
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
  /**
   * The document's type where it is not HTML: "application/pdf" for a PDF in the browser's viewer, whose text the
   * content script (running in the viewer's host page) cannot read, so the popup says so instead of "nothing found".
   */
  contentType?: string;
}

export interface BackgroundCalls {
  /**
   * Makes storage.local hold the compiled dictionary and prefilter of the current data (compiling them when the data
   * version moved) and answers with their version. Sent by a content script that found none stored, and by the
   * extension's pages after they changed the data.
   */
  'actorlens:publishDictionary': { req: unknown; res: { version: string } };
  /** `onPage`: the entities the asking page names; links to them come first (background/card-data.ts). */
  'actorlens:getCard': { req: { entityId: string; onPage?: string[] }; res: CardData | null };
  /** Sent by every frame after each change; the background aggregates per tab and frame (badge). */
  /** A frame's tally after a scan; `title` feeds the opt-in local history (kept only when the reader turned it on). */
  'actorlens:reportSpotted': { req: { entities: SpottedEntity[]; title?: string }; res: null };
  /** A child frame of the sender's tab went away: the background checks which of the tab's documents remain. */
  'actorlens:checkFrames': { req: unknown; res: null };
  /** The entities other frames of the sender's tab reported (the top frame folds them into its answer). */
  'actorlens:framesSpotted': { req: unknown; res: SpottedEntity[] };
  /**
   * The passages of the reader's claims recorded on the sender's page (its address without the fragment, as the
   * browser gives it with the message), which the content script marks (content/quote-anchors.ts). Asked only by a
   * frame where ActorLens is on; nothing leaves the device.
   */
  'actorlens:pageQuotes': { req: unknown; res: PageQuote[] };
  /** The popup added, edited or restored a claim: the background writes the claims' origins again (claim-origins.ts). */
  'actorlens:claimsChanged': { req: unknown; res: null };
  /** "Open in ActorLens" from the hover card: opens the ActorLens view of the entity (with one of its links open). */
  'actorlens:openEntity': { req: { entityId: string; linkId?: string }; res: null };
  /**
   * A child frame that cannot tell the tab's top address by itself (another origin than the top document, in a
   * browser without location.ancestorOrigins: Firefox) asks which address decides whether ActorLens works in it
   * (content/frame-site.ts). null: the background could not tell.
   */
  'actorlens:topSiteUrl': { req: unknown; res: string | null };
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
  /** Sent to one document (frameId and documentId): is it still shown? Every frame answers `true`. */
  'actorlens:alive': { req: unknown; res: true };
  /** The address whose site decides whether ActorLens works in the tab (sent to the top frame for its child frames). */
  'actorlens:siteUrl': { req: unknown; res: string };
}

export type Message<Map, K extends keyof Map> = { type: K } & (Map[K] extends { req: infer R } ? R : never);
export type Reply<Map, K extends keyof Map> = Map[K] extends { res: infer R } ? R : never;
