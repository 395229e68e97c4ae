/** Search hits: the entity, its kind and, when an alias matched, which one. */
import { t, type MessageKey } from '../../platform/i18n';
import type { SearchHit } from '../backend';
import { KindDot } from './KindDot';

export interface SearchResultsProps {
  query: string;
  hits: SearchHit[] | undefined;
  onOpen: (id: string) => void;
}

export function SearchResults({ query, hits, onOpen }: SearchResultsProps) {
  if (!hits) return <p class="muted pad" role="status">{t('popupSearching')}</p>;
  if (!hits.length) return <p class="muted pad" role="status">{t('popupNoResults', query)}</p>;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" class="section-title">{t('popupResults')}</h2>
      <ul class="entity-list">
        {hits.map(({ entity, matched }) => (
          <li key={entity.id}>
            <button type="button" class="entity-row" data-focus={`entity:${entity.id}`} onClick={() => onOpen(entity.id)}>
              <KindDot kind={entity.kind} />
              <span class="entity-row-main">
                <span class="name">{entity.name}</span>
                <span class="sub">
                  {t(`kind_${entity.kind}` as MessageKey)}
                  {matched !== entity.name && <> · {t('popupMatchedAlias', matched)}</>}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
