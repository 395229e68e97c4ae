/** The per-site highlight switch for the current tab's site. */
import { isEnabledFor, siteOf, type Settings } from '../../core/settings';
import { t } from '../../platform/i18n';

export function SiteToggle({ url, settings, onToggle }: { url: string; settings: Settings; onToggle: () => void }) {
  const site = siteOf(url);
  if (!site) return null;
  return (
    <label class="switch">
      <input type="checkbox" checked={isEnabledFor(settings, url)} disabled={settings.paused} onChange={onToggle} />
      <span class="switch-track" aria-hidden="true" />
      <span>{t('popupSiteOn', site)}</span>
    </label>
  );
}
