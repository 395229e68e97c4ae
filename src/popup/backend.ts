/**
 * Everything the popup needs from the extension, behind one interface: the real one (real-backend.ts) talks to
 * the tab's content script, storage and the database; unit tests and the benchmark pass a fake or a
 * Repository-backed one (repo-backend.ts). Views receive this object and never touch the browser API.
 */
import type { Entity } from '../core/model/entity';
import type { Claim, Link, Relation } from '../core/model/link';
import type { ClaimPatch, LinkView, NewClaim, Pivot } from '../core/db/repository';
import type { PageInfo, SpottedReport } from '../core/protocol';
import type { Settings } from '../core/settings';
import type { ClaimDraft } from './lib/claim-draft';

export interface TabInfo {
  id?: number;
  url?: string;
  title?: string;
  /** Citation details from the content script; absent where none runs. */
  page?: PageInfo;
}

/** What deleteClaim returns, so the popup can offer undo. */
export interface DeletedClaim {
  claim: Claim;
  link?: Link;
}

export type { ClaimPatch };

/** Search results the popup lists for a query; `search` answers one more when more names match, so it can say so. */
export const SEARCH_SHOWN = 12;

/** A claim the reader recorded on the page, as the home view lists it. */
export interface PageClaim {
  claim: Claim;
  from: Entity;
  to: Entity;
  relation: Relation;
}

export interface SearchHit {
  entity: Entity;
  /** The name or alias the query matched. */
  matched: string;
}

/** A new claim being written on a page, kept while the popup is closed (it closes whenever the reader clicks the page). */
export interface StoredDraft {
  pageUrl: string;
  draft: ClaimDraft;
}

export interface PopupBackend {
  tab(): Promise<TabInfo>;
  /** The tab's spotted entities, or null where no content script runs. */
  spotted(tabId: number): Promise<SpottedReport | null>;
  entity(id: string): Promise<Entity | undefined>;
  links(id: string): Promise<LinkView[]>;
  pivots(id: string): Promise<Pivot[]>;
  search(query: string): Promise<SearchHit[]>;
  /**
   * Starts reading what search ranks by (links per entity), so that the first query does not wait for it; called when
   * the search box takes the focus, not at every opening of the popup.
   */
  prepareSearch?(): void;
  settings(): Promise<Settings>;
  toggleSite(url: string): Promise<Settings>;
  /** Turns the global pause (set in the options page) off. */
  resume(): Promise<Settings>;
  openOptions(): void;
  addClaim(claim: NewClaim): Promise<Claim>;
  updateClaim(id: string, patch: ClaimPatch): Promise<Claim>;
  deleteClaim(id: string): Promise<DeletedClaim>;
  restoreClaim(deleted: DeletedClaim): Promise<void>;
  /** Adds a possible actor (or, with kind 'malware', possible malware) to the knowledge base; resolves to the stored (or already known) entity. */
  addEntity(name: string, kind?: 'actor' | 'malware'): Promise<Entity>;
  /** The reader's claims recorded on a page (its address, fragment aside), newest first, with their two entities. */
  pageClaims?(url: string): Promise<PageClaim[]>;
  /** Asks the tab to scan again, e.g. after the knowledge base changed. */
  rescan(tabId: number): Promise<void>;
  /** Where the claim form keeps an unsaved new claim between openings of the popup; without it a draft lasts as long as the popup. */
  draft?: {
    get(): Promise<StoredDraft | undefined>;
    set(value: StoredDraft): Promise<void>;
    remove(): Promise<void>;
  };
}
