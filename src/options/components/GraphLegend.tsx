/** What the graph's shapes, colours and line styles mean. */
import { ENTITY_KINDS } from '../../core/model/entity';
import { t } from '../../platform/i18n';

export function GraphLegend() {
  return (
    <ul class="legend" aria-label={t('optLegend')}>
      {ENTITY_KINDS.map((kind) => (
        <li key={kind}>
          <span class={`legend-node shape-${kind}`} aria-hidden="true" />
          {t(`kind_${kind}`)}
        </li>
      ))}
      <li>
        <span class="legend-edge strong" aria-hidden="true" />
        {t('optLegendConfident')}
      </li>
      <li>
        <span class="legend-edge weak" aria-hidden="true" />
        {t('optLegendWeak')}
      </li>
      <li>
        <span class="legend-edge refuted" aria-hidden="true" />
        {t('status_refuted')}
      </li>
      <li>
        <span class="legend-edge historical" aria-hidden="true" />
        {t('status_historical')}
      </li>
      <li>
        <span class="legend-edge disputed" aria-hidden="true" />
        {t('status_disputed')}
      </li>
    </ul>
  );
}
