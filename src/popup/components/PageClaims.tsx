/**
 * The reader's own claims recorded on this page, under what is on it: coming back to an article shows what was noted
 * there (the page marks the passages too, content/quote-anchors.ts). Each opens the link in its entity's view.
 */
import { t } from '../../platform/i18n';
import type { PageClaim } from '../backend';
import { relationPhrase, textStart, writingDirection } from '../lib/format';

/** Characters of a passage shown here; the entity view shows it whole. */
const QUOTE_SHOWN = 140;

export function PageClaims({ claims, onOpen }: { claims: PageClaim[]; onOpen: (entityId: string, linkId: string) => void }) {
  if (!claims.length) return null;
  return (
    <section class="page-claims" aria-labelledby="page-claims-heading">
      <h2 id="page-claims-heading" class="section-title">
        {t('popupPageClaims')} <span class="group-count">{claims.length}</span>
      </h2>
      <ul class="entity-list">
        {claims.map(({ claim, from, to, relation }) => {
          const quote = claim.quote?.exact;
          const shown = quote ? (textStart(quote, QUOTE_SHOWN) ?? quote) : undefined;
          return (
            <li key={claim.id}>
              <button type="button" class="entity-row page-claim" data-focus={`claim:${claim.id}`} onClick={() => onOpen(from.id, claim.linkId)}>
                <span class="entity-row-main">
                  <span class="name">
                    {from.name} {relationPhrase(relation, 'out')} {to.name}
                    {claim.stance === 'refutes' && <span class="sub stance-refutes"> · {t('popupStanceChoice_refutes')}</span>}
                  </span>
                  {shown && (
                    <span class="sub quote" dir={writingDirection(shown)}>
                      {shown}
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
