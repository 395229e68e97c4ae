/**
 * Every message between contexts, declared once. Names say who answers:
 * - BackgroundCalls: sent with runtime.sendMessage by the content script, popup or options page.
 * - ContentCalls: sent with tabs.sendMessage to a tab's content script (popup, background, tests).
 * `actorlens:spotted` is a public contract (tests, benchmarks): keep its shape stable.
 */
import type { EntityKind } from './model/entity';
import type { LinkStatus, Relation, TextQuoteSelector } from './model/link';
import type { CompiledDictionary } from './matcher/index';

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
  'actorlens:getDictionary': { req: { have?: string }; res: { version: string; dict?: CompiledDictionary } };
  'actorlens:getCard': { req: { entityId: string }; res: CardData | null };
  'actorlens:reportSpotted': { req: { entities: SpottedEntity[] }; res: null };
}

export interface ContentCalls {
  'actorlens:spotted': { req: unknown; res: SpottedReport };
  'actorlens:rescan': { req: unknown; res: SpottedReport };
  'actorlens:toggle': { req: unknown; res: { enabled: boolean } };
  'actorlens:pageInfo': { req: unknown; res: PageInfo };
}

export type Message<Map, K extends keyof Map> = { type: K } & (Map[K] extends { req: infer R } ? R : never);
export type Reply<Map, K extends keyof Map> = Map[K] extends { res: infer R } ? R : never;
