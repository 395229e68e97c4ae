/** One source behind a link: publisher, date, title (opens in a new tab), reliability, stance, quoted passage. */
import { useRef, useState } from 'preact/hooks';
import type { Claim } from '../../core/model/link';
import { USER_ORIGIN } from '../../core/db/repository';
import { openableUrl } from '../../core/model/address';
import { t, type MessageKey } from '../../platform/i18n';
import { ConfidenceMeter } from '../../ui/ConfidenceMeter';
import type { Settings } from '../../core/settings';
import { confidenceWord, formatDate, reliabilityText, textStart, writingDirection } from '../lib/format';
import { Icon } from './Icon';
import { ShowMore } from './ShowMore';

export interface EvidenceItemProps {
  claim: Claim;
  scale: Settings['scale'];
  onEdit?: ((claim: Claim) => void) | undefined;
  onDelete?: ((claim: Claim) => void) | undefined;
}

/**
 * Characters of a quoted passage shown before "Show the whole passage" (about five lines): a link with several sources
 * quoting whole paragraphs ran to screens, the next source and the next link far below.
 */
export const QUOTE_SHOWN = 280;

export function EvidenceItem({ claim, scale, onEdit, onDelete }: EvidenceItemProps) {
  const { source } = claim;
  const mine = claim.origin === USER_ORIGIN;
  const [wholeQuote, setWholeQuote] = useState(false);
  const quote = useRef<HTMLQuoteElement>(null);
  const quoteStart = claim.quote && !wholeQuote ? textStart(claim.quote.exact, QUOTE_SHOWN) : undefined;
  const quoteId = `quote-${claim.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  // The address is the file's: one that would run script or show the file's own content is never a link.
  const href = openableUrl(source.url);
  return (
    <li class={`evidence stance-${claim.stance}${mine ? ' mine' : ''}`} data-claim={claim.id}>
      <div class="evidence-meta">
        <span class={`stance-badge stance-${claim.stance}`}>{t(`stance_${claim.stance}` as MessageKey)}</span>
        {source.publisher && (
          <span class="publisher" dir="auto">
            {source.publisher}
          </span>
        )}
        {source.date && <time dateTime={source.date}>{formatDate(source.date)}</time>}
        {mine && <span class="mine-badge">{t('popupYourClaim')}</span>}
      </div>
      {href ? (
        <a class="evidence-title" href={href} target="_blank" rel="noreferrer noopener" dir="auto">
          {source.title || href}
          <Icon name="external" size={12} />
          <span class="sr-only"> {t('popupOpensNewTab')}</span>
        </a>
      ) : (
        <span class="evidence-title" dir="auto">
          {source.title}
        </span>
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
      {/* A passage in Arabic or Hebrew reads right to left, its Latin names in place. */}
      {claim.quote && (
        <blockquote class="quote" dir={writingDirection(claim.quote.exact)} id={quoteId} ref={quote} tabIndex={-1}>
          <p>{quoteStart ?? claim.quote.exact}</p>
        </blockquote>
      )}
      {quoteStart && (
        <ShowMore label={t('popupShowWholeQuote')} onShow={() => setWholeQuote(true)} completes={quote} controls={quoteId} />
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
