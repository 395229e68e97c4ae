/** The entity's identity: canonical name, kind, names used by others, sponsor/country, first/last seen, description. */
import type { Entity } from '../../core/model/entity';
import { t, type MessageKey } from '../../platform/i18n';
import { countryName, formatDate } from '../lib/format';
import { KindDot } from './KindDot';

export function EntityHeader({ entity }: { entity: Entity }) {
  const seen = entity.firstSeen || entity.lastSeen;
  return (
    <div class="entity-header">
      <p class={`kind-label kind-${entity.kind}`}>
        <KindDot kind={entity.kind} />
        {t(`kind_${entity.kind}` as MessageKey)}
      </p>
      <h1 class="entity-name" tabIndex={-1} data-autofocus>
        {entity.name}
      </h1>
      <dl class="facts">
        {entity.aliases.length > 0 && (
          <div class="fact fact-aliases">
            <dt>{t('popupAliases')}</dt>
            <dd>
              <ul class="aliases">
                {entity.aliases.map((a) => (
                  <li key={a.name}>
                    <span class="alias-name">{a.name}</span>
                    {a.usedBy && <span class="alias-by">{t('popupAliasUsedBy', a.usedBy)}</span>}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        {(entity.country || entity.motivation) && (
          <div class="fact">
            <dt>{t('popupSponsor')}</dt>
            <dd>{[countryName(entity.country), entity.motivation].filter(Boolean).join(' · ')}</dd>
          </div>
        )}
        {seen && (
          <div class="fact">
            <dt>{t('popupSeen')}</dt>
            <dd>
              {entity.firstSeen ? t('popupFirstSeen', formatDate(entity.firstSeen)) : ''}
              {entity.firstSeen && entity.lastSeen ? ' · ' : ''}
              {entity.lastSeen ? t('popupLastSeen', formatDate(entity.lastSeen)) : ''}
            </dd>
          </div>
        )}
      </dl>
      {entity.description && <p class="description">{entity.description}</p>}
    </div>
  );
}
