/** Entities spotted on the page, grouped by kind, most mentioned first, with counts. */
import { t, type MessageKey } from '../../platform/i18n';
import { counted } from '../lib/format';
import type { SpottedGroup } from '../lib/spotted';
import { KindDot } from './KindDot';

export interface SpottedListProps {
  groups: SpottedGroup[];
  onOpen: (id: string) => void;
  /** Adds a possible actor to the knowledge base in one step. */
  onAdd?: ((name: string) => void) | undefined;
}

export function SpottedList({ groups, onOpen, onAdd }: SpottedListProps) {
  return (
    <div class="spotted">
      {groups.map((group) => (
        <section key={group.kind} class={`group group-${group.kind}`} aria-labelledby={`group-${group.kind}`}>
          <h3 id={`group-${group.kind}`} class="group-title">
            <KindDot kind={group.kind} />
            {t(`kind_${group.kind}` as MessageKey)}
            <span class="group-count">{group.items.length}</span>
          </h3>
          <ul class="entity-list">
            {group.items.map((item) => {
              const mentions = counted(item.count, 'popupMentionsOne', 'popupMentions');
              const also = item.surfaces.length > 0 ? t('popupAlsoWritten', item.surfaces.join(', ')) : '';
              // Long names and lists of writings are cut with an ellipsis; the title shows them whole on hover, and
              // the text itself stays in the DOM in full for screen readers.
              const inner = (
                <>
                  <KindDot kind={item.kind} />
                  <span class="entity-row-main">
                    <span class="name" title={item.name}>
                      {item.name}
                    </span>
                    {also && (
                      <span class="sub" title={also}>
                        {also}
                      </span>
                    )}
                  </span>
                  <span class="count" title={mentions}>
                    <span aria-hidden="true">{item.count}</span>
                    <span class="sr-only">{mentions}</span>
                  </span>
                </>
              );
              return (
                <li key={item.entityId ?? `?${item.name}`}>
                  {item.entityId ? (
                    <button type="button" class="entity-row" data-focus={`entity:${item.entityId}`} onClick={() => onOpen(item.entityId!)}>
                      {inner}
                    </button>
                  ) : (
                    <div class="entity-row possible">
                      {inner}
                      {onAdd && (
                        <button type="button" class="text-button add-possible" aria-label={t('popupAddPossibleNamed', item.name)} onClick={() => onAdd(item.name)}>
                          {t('popupAddPossible')}
                        </button>
                      )}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
