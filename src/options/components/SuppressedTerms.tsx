/** Names never to highlight, everywhere or on one site. */
import { useState } from 'preact/hooks';
import type { Settings } from '../../core/settings';
import { t } from '../../platform/i18n';
import { normaliseSite } from './SiteRules';

type Props = { settings: Settings; update: (change: (s: Settings) => Settings) => void };

export function SuppressedTerms({ settings, update }: Props) {
  const [term, setTerm] = useState('');
  const [site, setSite] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    const value = term.trim();
    if (!value) return;
    const where = normaliseSite(site);
    setTerm('');
    setSite('');
    update((s) =>
      s.suppressed.some((x) => x.term.toLowerCase() === value.toLowerCase() && (x.site ?? '') === where)
        ? s
        : { ...s, suppressed: [...s.suppressed, where ? { term: value, site: where } : { term: value }] },
    );
  };
  return (
    <fieldset class="card">
      <legend>{t('optSuppressedTitle')}</legend>
      <p class="muted small">{t('optSuppressedHelp')}</p>
      <form class="row wrap" onSubmit={add}>
        <label class="stack">
          <span class="small">{t('optSuppressedTerm')}</span>
          <input type="text" value={term} onInput={(e) => setTerm(e.currentTarget.value)} />
        </label>
        <label class="stack">
          <span class="small">{t('optSuppressedSite')}</span>
          <input type="text" placeholder={t('optSuppressedEverywhere')} value={site} onInput={(e) => setSite(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button" disabled={!term.trim()}>
          {t('optSuppressedAdd')}
        </button>
      </form>
      {settings.suppressed.length ? (
        <ul class="chips" aria-label={t('optSuppressedTitle')}>
          {settings.suppressed.map((x, i) => {
            const label = x.site ? t('optSuppressedOn', [x.term, x.site]) : t('optSuppressedGlobal', x.term);
            return (
              <li key={`${x.term}@${x.site ?? ''}`} class="chip">
                <span>{label}</span>
                <button
                  type="button"
                  class="chip-remove"
                  aria-label={t('optRemoveItem', label)}
                  onClick={() => update((s) => ({ ...s, suppressed: s.suppressed.filter((_, j) => j !== i) }))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted small">{t('optSuppressedEmpty')}</p>
      )}
    </fieldset>
  );
}
