/**
 * Reader preferences (kept in storage.local by src/platform/settings.ts) and the pure rules that use them,
 * so they are tested in Node.
 */
import { ENTITY_KINDS, type EntityKind } from './model/entity';

export interface SuppressedTerm {
  term: string;
  /** Host name the suppression applies to; absent = everywhere. */
  site?: string;
}

export interface Settings {
  /** Global pause: no highlighting anywhere. */
  paused: boolean;
  /** "all-except": highlight everywhere but `sites`; "only": highlight only on `sites`. */
  siteMode: 'all-except' | 'only';
  sites: string[];
  kinds: EntityKind[];
  suppressed: SuppressedTerm[];
  /** How confidence is shown. */
  scale: 'words' | 'numbers' | 'both';
  colors: Record<EntityKind, string>;
  /** Opt-in local history of pages where entities were spotted. */
  history: boolean;
  /** Show naming-scheme finds ("possible actor") that are not in the knowledge base. */
  possibleActors: boolean;
  /**
   * Feed preset id → remind the reader to update it every N days (absent or 0 = never). Only a reminder on the
   * options page: nothing is fetched without a click.
   */
  feedReminders: Record<string, number>;
}

export const DEFAULT_SETTINGS: Settings = {
  paused: false,
  siteMode: 'all-except',
  sites: [],
  kinds: [...ENTITY_KINDS],
  suppressed: [],
  scale: 'both',
  colors: { actor: '#ffb3a7', malware: '#a9d8ff', tool: '#c9f0b4', ransomware: '#e3c2ff' },
  history: false,
  possibleActors: true,
  feedReminders: {},
};

export function withDefaults(stored: Partial<Settings> | undefined): Settings {
  return { ...DEFAULT_SETTINGS, ...(stored ?? {}), colors: { ...DEFAULT_SETTINGS.colors, ...(stored?.colors ?? {}) } };
}

/** The site key used for per-site switches: host name without a leading "www.". */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function isEnabledFor(settings: Settings, url: string): boolean {
  if (settings.paused) return false;
  const site = siteOf(url);
  const listed = settings.sites.includes(site);
  return settings.siteMode === 'only' ? listed : !listed;
}

/** Flips the per-site switch, whichever the mode. */
export function toggleSite(settings: Settings, url: string): Settings {
  const site = siteOf(url);
  if (!site) return settings;
  const sites = settings.sites.includes(site) ? settings.sites.filter((s) => s !== site) : [...settings.sites, site];
  return { ...settings, sites };
}

export function suppressedFor(settings: Settings, url: string): string[] {
  const site = siteOf(url);
  return settings.suppressed.filter((s) => !s.site || s.site === site).map((s) => s.term);
}
