/** One source behind a link: publisher, date, title (opens in a new tab), reliability, stance, quoted passage. */
import type { Claim } from '../../core/model/link';
import { USER_ORIGIN } from '../../core/db/repository';
import { t, type MessageKey } from '../../platform/i18n';
import { ConfidenceMeter } from '../../ui/ConfidenceMeter';
import type { Settings } from '../../core/settings';
import { confidenceWord, formatDate, reliabilityText } from '../lib/format';
import { Icon } from './Icon';

export interface EvidenceItemProps {
  claim: Claim;
  scale: Settings['scale'];
  onEdit?: ((claim: Claim) => void) | undefined;
  onDelete?: ((claim: Claim) => void) | undefined;
}

export function EvidenceItem({ claim, scale, onEdit, onDelete }: EvidenceItemProps) {
  const { source } = claim;
  const mine = claim.origin === USER_ORIGIN;
  return (
    <li class={`evidence stance-${claim.stance}${mine ? ' mine' : ''}`} data-claim={claim.id}>
      <div class="evidence-meta">
        <span class={`stance-badge stance-${claim.stance}`}>{t(`stance_${claim.stance}` as MessageKey)}</span>
        {source.publisher && <span class="publisher">{source.publisher}</span>}
        {source.date && <time dateTime={source.date}>{formatDate(source.date)}</time>}
        {mine && <span class="mine-badge">{t('popupYourClaim')}</span>}
      </div>
      {source.url ? (
        <a class="evidence-title" href={source.url} target="_blank" rel="noreferrer noopener">
          {source.title || source.url}
          <Icon name="external" size={12} />
          <span class="sr-only"> {t('popupOpensNewTab')}</span>
        </a>
      ) : (
        <span class="evidence-title">{source.title}</span>
      )}
      <div class="evidence-facts">
        <span class="reliability" title={t('popupReliabilityHint')}>
          {t('popupReliability')}{' '}
          {source.reliability ? (
            <>
              <abbr class="admiralty">{source.reliability}</abbr> {reliabilityText(source.reliability)}
            </>
          ) : (
            t('popupReliabilityUnknown')
          )}
        </span>
        {claim.confidence !== undefined && (
          <span class="claim-confidence">
            {t('popupSourceConfidence')} <ConfidenceMeter value={claim.confidence} word={confidenceWord} scale={scale} />
          </span>
        )}
      </div>
      {claim.quote && (
        <blockquote class="quote">
          <p>{claim.quote.exact}</p>
        </blockquote>
      )}
      {mine && (onEdit || onDelete) && (
        <div class="evidence-actions">
          {onEdit && (
            <button type="button" class="small-button" onClick={() => onEdit(claim)} aria-label={t('popupEditClaimNamed', source.title)}>
              <Icon name="edit" size={14} />
              {t('popupEdit')}
            </button>
          )}
          {onDelete && (
            <button type="button" class="small-button danger" onClick={() => onDelete(claim)} aria-label={t('popupDeleteClaimNamed', source.title)}>
              <Icon name="trash" size={14} />
              {t('popupDelete')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
