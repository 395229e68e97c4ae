/** Public feeds offered as one-click imports. Nothing is fetched until the reader clicks. */
import type { MessageKey } from '../../platform/i18n';

export interface FeedPreset {
  id: string;
  /** Message keys of the feed's title and one-line description. */
  title: MessageKey;
  about: MessageKey;
  url: string;
  /** Licence page shown next to the feed. */
  licenseUrl: string;
}

export const FEED_PRESETS: readonly FeedPreset[] = [
  {
    id: 'misp-threat-actor',
    title: 'optPresetMispActorTitle',
    about: 'optPresetMispActorAbout',
    url: 'https://raw.githubusercontent.com/MISP/misp-galaxy/main/clusters/threat-actor.json',
    licenseUrl: 'https://github.com/MISP/misp-galaxy/blob/main/LICENSE.md',
  },
  {
    id: 'misp-ransomware',
    title: 'optPresetMispRansomwareTitle',
    about: 'optPresetMispRansomwareAbout',
    url: 'https://raw.githubusercontent.com/MISP/misp-galaxy/main/clusters/ransomware.json',
    licenseUrl: 'https://github.com/MISP/misp-galaxy/blob/main/LICENSE.md',
  },
  {
    id: 'misp-tool',
    title: 'optPresetMispToolTitle',
    about: 'optPresetMispToolAbout',
    url: 'https://raw.githubusercontent.com/MISP/misp-galaxy/main/clusters/tool.json',
    licenseUrl: 'https://github.com/MISP/misp-galaxy/blob/main/LICENSE.md',
  },
  {
    id: 'attack-enterprise',
    title: 'optPresetAttackTitle',
    about: 'optPresetAttackAbout',
    url: 'https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/enterprise-attack/enterprise-attack.json',
    licenseUrl: 'https://github.com/mitre-attack/attack-stix-data/blob/master/LICENSE.txt',
  },
];

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
