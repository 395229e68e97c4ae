/**
 * Everything the popup needs from the extension, behind one interface: the real one talks to the active tab
 * and the database; unit tests pass a fake.
 */
import type { Entity } from '../core/model/entity';
import type { LinkView, Pivot } from '../core/db/repository';
import type { PageInfo, SpottedReport } from '../core/protocol';
import type { Settings } from '../core/settings';

export interface TabInfo {
  id?: number;
  url?: string;
  title?: string;
  /** Citation details from the content script; absent where none runs. */
  page?: PageInfo;
}

export interface PopupBackend {
  tab(): Promise<TabInfo>;
  /** The tab's spotted entities, or null where no content script runs. */
  spotted(tabId: number): Promise<SpottedReport | null>;
  entity(id: string): Promise<Entity | undefined>;
  links(id: string): Promise<LinkView[]>;
  pivots(id: string): Promise<Pivot[]>;
  search(query: string): Promise<{ entity: Entity; matched: string }[]>;
  settings(): Promise<Settings>;
  toggleSite(url: string): Promise<Settings>;
  openOptions(): void;
}
