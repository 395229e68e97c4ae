/**
 * Search hits: the entity, its kind and, when an alias matched, which one. The list is the listbox of the search
 * box's combobox (SearchBox): the box keeps focus and points at the active option; a click opens an option.
 */
import { useEffect } from 'preact/hooks';
import { t, type MessageKey } from '../../platform/i18n';
import type { SearchHit } from '../backend';
import { KindDot } from './KindDot';

export const RESULTS_ID = 'search-results';
export const resultId = (i: number) => `search-result-${i}`;

export interface SearchResultsProps {
  query: string;
  hits: SearchHit[] | undefined;
  /** More names match than are listed. */
  more?: boolean;
  /** Index of the active option (-1: none). */
  active?: number;
  onOpen: (id: string) => void;
  /** Marks an option active before it opens by click, so Back comes back to it. */
  onActive?: (index: number) => void;
}

export function SearchResults({ query, hits, more, active = -1, onOpen, onActive }: SearchResultsProps) {
  useEffect(() => {
    if (active < 0) return;
    const el = document.getElementById(resultId(active));
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  }, [active, hits]);
  if (!hits) return <p class="muted pad" role="status">{t('popupSearching')}</p>;
  if (!hits.length) return <p class="muted pad" role="status">{t('popupNoResults', query)}</p>;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" class="section-title">{t('popupResults')}</h2>
      <ul id={RESULTS_ID} role="listbox" aria-labelledby="results-heading" class="entity-list search-results">
        {hits.map(({ entity, matched }, i) => (
          <li
            key={entity.id}
            id={resultId(i)}
            role="option"
            aria-selected={i === active}
            class={`entity-row${i === active ? ' active' : ''}`}
            // The search box keeps focus (so Back returns to it, and typing goes on where it was).
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              onActive?.(i);
              onOpen(entity.id);
            }}
          >
            <KindDot kind={entity.kind} />
            <span class="entity-row-main">
              <span class="name">{entity.name}</span>
              <span class="sub">
                {t(`kind_${entity.kind}` as MessageKey)}
                {matched !== entity.name && <> · {t('popupMatchedAlias', matched)}</>}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {/* With the public feeds, "bear" matches dozens: the list stopped at twelve without a word, Fancy Bear not in it. */}
      {more && <p class="hint pad">{t('popupMoreResults', String(hits.length))}</p>}
    </section>
  );
}
