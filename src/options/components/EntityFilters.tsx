/** Filter bar of the explorer: text, kind, country, has links, source, and the list's order. */
import { ENTITY_KINDS } from '../../core/model/entity';
import { t } from '../../platform/i18n';
import { countryName } from '../../ui/country';
import type { EntityFilter } from '../explorer/filter';
import { sourceLabel } from '../explorer/source-label';

export interface EntityFiltersProps {
  filter: EntityFilter;
  countries: readonly string[];
  sources: readonly string[];
  onChange: (f: EntityFilter) => void;
}

export function EntityFilters({ filter, countries, sources, onChange }: EntityFiltersProps) {
  const set = <K extends keyof EntityFilter>(key: K, value: EntityFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <form class="filters" role="search" aria-label={t('optFilters')} onSubmit={(e) => e.preventDefault()}>
      <div class="stack grow">
        <label class="small" for="f-query">
          {t('optFilterSearch')}
        </label>
        <input id="f-query" type="search" value={filter.query} onInput={(e) => set('query', e.currentTarget.value)} />
      </div>
      <div class="stack">
        <label class="small" for="f-kind">
          {t('optFilterKind')}
        </label>
        <select id="f-kind" value={filter.kind} onChange={(e) => set('kind', e.currentTarget.value as EntityFilter['kind'])}>
          <option value="">{t('optAny')}</option>
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind_${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="stack">
        <label class="small" for="f-country">
          {t('optFilterCountry')}
        </label>
        <select id="f-country" value={filter.country} onChange={(e) => set('country', e.currentTarget.value)}>
          <option value="">{t('optAny')}</option>
          <option value="-">{t('optUnknown')}</option>
          {/* Codes are what entities store; the reader chooses by name, in alphabetical order. */}
          {countries
            .map((c) => ({ code: c, name: countryName(c) }))
            .sort((a, b) => a.name.localeCompare(b.name))
            .map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
        </select>
      </div>
      <div class="stack">
        <label class="small" for="f-links">
          {t('optFilterLinks')}
        </label>
        <select id="f-links" value={filter.links} onChange={(e) => set('links', e.currentTarget.value as EntityFilter['links'])}>
          <option value="any">{t('optAny')}</option>
          <option value="with">{t('optWithLinks')}</option>
          <option value="without">{t('optWithoutLinks')}</option>
        </select>
      </div>
      <div class="stack">
        <label class="small" for="f-source">
          {t('optFilterSource')}
        </label>
        <select id="f-source" value={filter.source} onChange={(e) => set('source', e.currentTarget.value)}>
          <option value="">{t('optAny')}</option>
          {sources.map((s) => (
            <option key={s} value={s}>
              {sourceLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div class="stack">
        <label class="small" for="f-sort">
          {t('optSortLabel')}
        </label>
        <select id="f-sort" value={filter.sort} onChange={(e) => set('sort', e.currentTarget.value as EntityFilter['sort'])}>
          <option value="reach">{t('optSortReach')}</option>
          <option value="links">{t('optSortLinks')}</option>
          <option value="name">{t('optSortName')}</option>
        </select>
      </div>
    </form>
  );
}
