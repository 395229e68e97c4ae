/** One page of the explorer's entity list; each name is a button that opens the entity. */
import { t } from '../../platform/i18n';
import { countryName } from '../../ui/country';
import type { Indexed } from '../explorer/filter';

export function EntityTable({ rows, selected, onOpen }: { rows: readonly Indexed[]; selected?: string | undefined; onOpen: (id: string) => void }) {
  if (!rows.length) return <p class="muted">{t('optNoMatches')}</p>;
  return (
    <table class="entities">
      <caption class="visually-hidden">{t('optEntitiesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('optColName')}</th>
          <th scope="col" class="col-kind">
            {t('optColKind')}
          </th>
          <th scope="col" class="col-country">
            {t('optColCountry')}
          </th>
          <th scope="col" class="num">
            {t('optColLinks')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ entity, links }) => (
          <tr key={entity.id} class={entity.id === selected ? 'selected' : ''} aria-selected={entity.id === selected}>
            <td>
              <button type="button" class="entity-link" aria-current={entity.id === selected ? 'true' : undefined} onClick={() => onOpen(entity.id)}>
                {entity.name}
              </button>
            </td>
            <td>
              <span class={`kind-dot kind-${entity.kind}`} aria-hidden="true" />
              <span class="kind-text">{t(`kind_${entity.kind}`)}</span>
            </td>
            <td class="col-country">{countryName(entity.country)}</td>
            <td class="num">{links}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
