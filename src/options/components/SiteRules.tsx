/** Where highlighting runs: everywhere except listed sites, or only on listed sites. */
import { useState } from 'preact/hooks';
import { siteOf, type Settings } from '../../core/settings';
import { t } from '../../platform/i18n';

type Props = { settings: Settings; update: (change: (s: Settings) => Settings) => void };

/** "https://www.example.com/x" or "example.com" → "example.com". */
export function normaliseSite(input: string): string {
  const raw = input.trim().toLowerCase();
  if (!raw) return '';
  return siteOf(/^[a-z][a-z0-9+.-]*:\/\//.test(raw) ? raw : `https://${raw}`);
}

export function SiteRules({ settings, update }: Props) {
  const [site, setSite] = useState('');
  const [problem, setProblem] = useState('');
  const typed = normaliseSite(site);
  const add = (e: Event) => {
    e.preventDefault();
    const value = normaliseSite(site);
    if (!value) {
      setProblem(t('optSiteInvalid'));
      return;
    }
    setProblem('');
    setSite('');
    update((s) => (s.sites.includes(value) ? s : { ...s, sites: [...s.sites, value].sort() }));
  };
  return (
    <fieldset class="card">
      <legend>{t('optSitesTitle')}</legend>
      <div class="radios" role="radiogroup" aria-label={t('optSitesMode')}>
        <label class="check">
          <input type="radio" name="site-mode" checked={settings.siteMode === 'all-except'} onChange={() => update((s) => ({ ...s, siteMode: 'all-except' }))} />
          {t('optSitesAllExcept')}
        </label>
        <label class="check">
          <input type="radio" name="site-mode" checked={settings.siteMode === 'only'} onChange={() => update((s) => ({ ...s, siteMode: 'only' }))} />
          {t('optSitesOnly')}
        </label>
      </div>
      <form class="row" onSubmit={add}>
        <label for="site-input">
          {t('optSiteAddLabel')}
        </label>
        <input id="site-input" type="text" placeholder="example.com" value={site} onInput={(e) => setSite(e.currentTarget.value)} />
        {/* The button names the site it will list (as listed: "https://www.example.com/x" is example.com), not the
            site of any page the reader has open. */}
        <button type="submit" class="button" disabled={!site.trim()}>
          {settings.siteMode === 'only' ? (typed ? t('optSiteAddOn', typed) : t('optSiteAddOnTyped')) : typed ? t('optSiteAddOff', typed) : t('optSiteAddOffTyped')}
        </button>
      </form>
      {problem && (
        <p class="notice bad" role="alert">
          {problem}
        </p>
      )}
      <h3 class="small-heading">{settings.siteMode === 'only' ? t('optSitesListOn') : t('optSitesListOff')}</h3>
      {settings.sites.length ? (
        <ul class="chips" aria-label={settings.siteMode === 'only' ? t('optSitesListOn') : t('optSitesListOff')}>
          {settings.sites.map((s) => (
            <li key={s} class="chip">
              <span>{s}</span>
              <button type="button" class="chip-remove" aria-label={t('optRemoveItem', s)} onClick={() => update((x) => ({ ...x, sites: x.sites.filter((y) => y !== s) }))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">{t('optSitesEmpty')}</p>
      )}
    </fieldset>
  );
}
