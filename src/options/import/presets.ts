/** Public feeds offered as one-click imports. Nothing is fetched until the reader clicks. */
import type { ImportRecord } from '../../core/db/import-export';
import type { MessageKey } from '../../platform/i18n';

export interface FeedPreset {
  id: string;
  /** Message keys of the feed's title and one-line description. */
  title: MessageKey;
  about: MessageKey;
  url: string;
  /**
   * The feed as the importers name it in the import log (ImportRecord.feed): "misp:<galaxy type>" for a MISP galaxy,
   * "attack" for MITRE's ATT&CK bundles. The same feed imported from a file is recognised by it.
   */
  feed: string;
  /** File names of the same feed that are another edition of it (ATT&CK Mobile and ICS are "attack" too). */
  otherEdition?: RegExp;
  /** Licence page shown next to the feed. */
  licenseUrl: string;
}

export const FEED_PRESETS: readonly FeedPreset[] = [
  {
    id: 'misp-threat-actor',
    feed: 'misp:threat-actor',
    title: 'optPresetMispActorTitle',
    about: 'optPresetMispActorAbout',
    url: 'https://raw.githubusercontent.com/MISP/misp-galaxy/main/clusters/threat-actor.json',
    licenseUrl: 'https://github.com/MISP/misp-galaxy/blob/main/LICENSE.md',
  },
  {
    id: 'misp-ransomware',
    feed: 'misp:ransomware',
    title: 'optPresetMispRansomwareTitle',
    about: 'optPresetMispRansomwareAbout',
    url: 'https://raw.githubusercontent.com/MISP/misp-galaxy/main/clusters/ransomware.json',
    licenseUrl: 'https://github.com/MISP/misp-galaxy/blob/main/LICENSE.md',
  },
  {
    id: 'misp-tool',
    feed: 'misp:tool',
    title: 'optPresetMispToolTitle',
    about: 'optPresetMispToolAbout',
    url: 'https://raw.githubusercontent.com/MISP/misp-galaxy/main/clusters/tool.json',
    licenseUrl: 'https://github.com/MISP/misp-galaxy/blob/main/LICENSE.md',
  },
  {
    id: 'attack-enterprise',
    feed: 'attack',
    otherEdition: /(^|[^a-z])(mobile|ics)[-_ ]?attack/i,
    title: 'optPresetAttackTitle',
    about: 'optPresetAttackAbout',
    url: 'https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/enterprise-attack/enterprise-attack.json',
    licenseUrl: 'https://github.com/mitre-attack/attack-stix-data/blob/master/LICENSE.txt',
  },
];

/**
 * The newest import of this feed in the log (newest first): fetched from the preset's address, or the same feed
 * imported from a file or another address (the same MISP galaxy type, MITRE's ATT&CK bundle other than its
 * Mobile or ICS edition).
 */
export function lastImportOf(preset: FeedPreset, log: readonly ImportRecord[]): ImportRecord | undefined {
  return log.find((r) => r.fileName === preset.url || (r.feed === preset.feed && !preset.otherEdition?.test(fileNameOf(r.fileName))));
}

/** The preset title for a provenance value when it is one of these feeds' ("misp:threat-actor" → "MISP galaxy: threat actors"). */
export function presetTitleOf(feed: string): MessageKey | undefined {
  // ATT&CK's provenance is every edition's: it keeps its own label.
  return feed.startsWith('misp:') ? FEED_PRESETS.find((p) => p.feed === feed)?.title : undefined;
}

/** Reminder intervals offered per feed, in days (0 = never). */
export const REMINDER_DAYS = [0, 7, 30, 90] as const;

/** The file name an import from an address is logged under: the last path segment, else the host. */
export function fileNameOf(url: string): string {
  try {
    const u = new URL(url);
    return decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? '') || u.hostname;
  } catch {
    return url;
  }
}

/** Whether a feed's reminder is due, given when it was last imported. */
export function reminderDue(days: number | undefined, lastImport: string | undefined, now: Date): boolean {
  if (!days) return false;
  if (!lastImport) return true;
  const last = Date.parse(lastImport);
  return !Number.isFinite(last) || now.getTime() - last >= days * 86_400_000;
}
