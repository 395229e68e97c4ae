/**
 * "Also investigate": partners of partners with the path confidence; finding one is a reason to look for the other.
 * Those the page also names come first, marked "on this page" as the links are (the reader has found them already).
 */
import type { Pivot } from '../../core/db/repository';
import type { Settings } from '../../core/settings';
import { t } from '../../platform/i18n';
import { ConfidenceMeter } from '../../ui/ConfidenceMeter';
import { confidenceWord } from '../lib/format';
import { KindDot } from './KindDot';

export function PivotList({ pivots, scale, onOpen, onPage }: { pivots: Pivot[]; scale: Settings['scale']; onOpen: (id: string) => void; onPage?: ReadonlySet<string> | undefined }) {
  if (!pivots.length) return null;
  const here = (p: Pivot) => onPage?.has(p.entity.id) === true;
  const ordered = [...pivots.filter(here), ...pivots.filter((p) => !here(p))];
  return (
    <section class="pivots" aria-labelledby="pivots-heading">
      <h2 id="pivots-heading" class="section-title">{t('popupAlsoInvestigate')}</h2>
      <p class="hint">{t('popupAlsoInvestigateHint')}</p>
      <ul class="entity-list">
        {ordered.map((p) => (
          <li key={p.entity.id}>
            <button type="button" class="entity-row pivot" data-focus={`entity:${p.entity.id}`} onClick={() => onOpen(p.entity.id)}>
              <KindDot kind={p.entity.kind} />
              <span class="entity-row-main">
                <span class="name">
                  {p.entity.name}
                  {here(p) && (
                    <span class="on-page-badge" title={t('popupLinkOnPageTitle', p.entity.name)}>
                      <span class="sr-only">, </span>
                      {t('popupLinkOnPage')}
                    </span>
                  )}
                </span>
                {/* Under the name, so a long name keeps the row's width and the scales of all rows line up. */}
                <span class="sub pivot-facts">
                  <span class="path-confidence">
                    <span class="sr-only">{t('popupPathConfidence')} </span>
                    <ConfidenceMeter value={p.confidence} word={confidenceWord} scale={scale} />
                  </span>
                  <span class="via">{t('popupVia', p.via.name)}</span>
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
