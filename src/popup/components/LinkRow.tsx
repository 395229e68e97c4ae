/**
 * One link of the viewed entity: the other entity, confidence (words, number, scale), status and number of
 * sources. Refuted and historical links are styled differently but always listed. Opening it shows the evidence.
 * A link to an entity also named on the reader's page says so ("on this page").
 */
import type { Claim } from '../../core/model/link';
import type { LinkView } from '../../core/db/repository';
import type { Settings } from '../../core/settings';
import { t, type MessageKey } from '../../platform/i18n';
import { ConfidenceMeter } from '../../ui/ConfidenceMeter';
import { confidenceWord, counted, relationPhrase } from '../lib/format';
import { EvidenceItem } from './EvidenceItem';
import { Icon } from './Icon';
import { KindDot } from './KindDot';

export interface LinkRowProps {
  view: LinkView;
  entityName: string;
  open: boolean;
  scale: Settings['scale'];
  onToggle: () => void;
  onOpenEntity: (id: string) => void;
  onEditClaim: (claim: Claim, view: LinkView) => void;
  onDeleteClaim: (claim: Claim) => void;
  /** The other entity is also named on the page the reader is on: marked in words, not by colour alone. */
  onPage?: boolean | undefined;
}

export function LinkRow({ view, entityName, open, scale, onToggle, onOpenEntity, onEditClaim, onDeleteClaim, onPage }: LinkRowProps) {
  const { link, other, derived, claims } = view;
  const panelId = `evidence-${link.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <li class={`link-row status-${derived.status}${open ? ' open' : ''}${onPage ? ' on-page' : ''}`} data-link={link.id}>
      <button type="button" class="link-head" aria-expanded={open} aria-controls={panelId} data-focus={`link:${link.id}`} onClick={onToggle}>
        <span class="relation">
          <span class="sr-only">{entityName} {relationPhrase(link.relation, view.direction)} </span>
          <KindDot kind={other.kind} />
          {/* Name and badge flow as text beside the dot: a long name wraps there instead of under the dot. */}
          <span class="link-name">
            <span class="link-other">{other.name}</span>
            {onPage && (
              <span class="on-page-badge" title={t('popupLinkOnPageTitle', other.name)}>
                <span class="sr-only">, </span>
                {t('popupLinkOnPage')}
              </span>
            )}
          </span>
        </span>
        <span class={`status-badge status-${derived.status}`} title={t(`status_${derived.status}` as MessageKey)}>
          {t(`popupStatus_${derived.status}` as MessageKey)}
        </span>
        {/* One line where both fit; else the sources go under the confidence (side by side they ran into each other). */}
        <span class="link-facts">
          <ConfidenceMeter value={derived.confidence} word={confidenceWord} scale={scale} />
          <span class="sources-count">
            {counted(claims.length, 'popupSourceCountOne', 'popupSourceCount')}
            {derived.refuting > 0 && <span class="refuting-count"> · {t('popupRefutingCount', String(derived.refuting))}</span>}
          </span>
        </span>
        <Icon name="chevron" size={14} />
      </button>
      {open && (
        <div class="evidence-panel" id={panelId}>
          {link.note && (
            <p class="link-note" dir="auto">
              {link.note}
            </p>
          )}
          {derived.overridden && link.override && <p class="link-note override">{t('popupOverridden', link.override.reason || '—')}</p>}
          <h4 class="sr-only">{t('popupSources')}</h4>
          {claims.length ? (
            <ul class="evidence-list">
              {claims.map((c) => (
                <EvidenceItem key={c.id} claim={c} scale={scale} onEdit={(claim) => onEditClaim(claim, view)} onDelete={onDeleteClaim} />
              ))}
            </ul>
          ) : (
            <p class="muted">{t('popupNoSources')}</p>
          )}
          <button type="button" class="text-button" onClick={() => onOpenEntity(other.id)}>
            {t('popupOpenEntity', other.name)}
            <Icon name="chevron" size={14} />
          </button>
        </div>
      )}
    </li>
  );
}
