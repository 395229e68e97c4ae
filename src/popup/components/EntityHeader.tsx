/** The entity's identity: canonical name, kind, names used by others, sponsor/country, first/last seen, description. */
import { useRef, useState } from 'preact/hooks';
import { seenOutOfOrder, type Entity } from '../../core/model/entity';
import { t, type MessageKey } from '../../platform/i18n';
import { countryName, formatDate, shownAliases, textStart } from '../lib/format';
import { KindDot } from './KindDot';
import { ShowMore } from './ShowMore';

/** Names shown before "Show all": a much-tracked actor has dozens (Lazarus Group: 36 with the public feeds), which
 * filled the whole popup and pushed its links out of sight. */
export const ALIASES_SHOWN = 12;

/** Characters of the description shown before "Show the whole description" (about six lines in the 400 px popup): a
 * feed's description can run to thousands (MISP's are often whole paragraphs), and in full it pushed the links, what
 * the popup is for, screens down. */
export const DESCRIPTION_SHOWN = 320;

/** The description's start, cut at a word, or undefined when cutting would hide too little to be worth a button. */
export function descriptionStart(text: string): string | undefined {
  return textStart(text, DESCRIPTION_SHOWN);
}

export function EntityHeader({ entity }: { entity: Entity }) {
  const seen = entity.firstSeen || entity.lastSeen;
  const [allAliases, setAllAliases] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const [wholeDescription, setWholeDescription] = useState(false);
  const description = useRef<HTMLParagraphElement>(null);
  const start = entity.description && !wholeDescription ? descriptionStart(entity.description) : undefined;
  const names = shownAliases(entity);
  const aliases = allAliases ? names : names.slice(0, ALIASES_SHOWN);
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
        {names.length > 0 && (
          <div class="fact fact-aliases">
            <dt id="aliases-label">{t('popupAliases')}</dt>
            <dd>
              <ul class="aliases" ref={list} tabIndex={-1} aria-labelledby="aliases-label">
                {aliases.map((a) => (
                  <li key={a.name}>
                    <span class="alias-name">{a.name}</span>
                    {a.usedBy && <span class="alias-by">{t('popupAliasUsedBy', a.usedBy)}</span>}
                  </li>
                ))}
              </ul>
              {aliases.length < names.length && (
                <ShowMore label={t('popupShowAllLinks', String(names.length))} onShow={() => setAllAliases(true)} completes={list} describedBy="aliases-label" />
              )}
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
              {seenOutOfOrder(entity.firstSeen, entity.lastSeen) && <span class="seen-conflict">{` ${t('popupSeenOutOfOrder')}`}</span>}
            </dd>
          </div>
        )}
      </dl>
      {entity.description && (
        <p ref={description} id="entity-description" class="description" tabIndex={-1} dir="auto">
          {start ?? entity.description}
        </p>
      )}
      {start && (
        <ShowMore label={t('popupShowWholeDescription')} onShow={() => setWholeDescription(true)} completes={description} controls="entity-description" />
      )}
    </div>
  );
}
