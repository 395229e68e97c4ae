/**
 * Entities spotted on the page, grouped by kind, most mentioned first, with counts. A page that names dozens of
 * actors shows the first rows of each kind and a "Show all" button, so the other kinds, the possible actors and
 * the way to record a claim stay a few keystrokes away.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../platform/i18n';
import { counted } from '../lib/format';
import type { SpottedGroup } from '../lib/spotted';
import { KindDot } from './KindDot';

export interface SpottedListProps {
  groups: SpottedGroup[];
  onOpen: (id: string) => void;
  /** Adds a possible actor (kind 'actor') or possible malware (kind 'malware') to the knowledge base in one step. */
  onAdd?: ((name: string, kind: 'actor' | 'malware') => void) | undefined;
  /** Kinds shown in full; kept by the caller so they stay open after visiting an entity and coming back. */
  expanded?: ReadonlySet<string> | undefined;
  onExpand?: ((kind: string) => void) | undefined;
}

/** Rows shown per kind before "Show all". */
export const ROWS_PER_KIND = 8;

export function SpottedList({ groups, onOpen, onAdd, ...props }: SpottedListProps) {
  const [own, setOwn] = useState<ReadonlySet<string>>(new Set());
  const expanded = props.expanded ?? own;
  const expand = (kind: string) => (props.onExpand ? props.onExpand(kind) : setOwn(new Set([...own, kind])));
  const root = useRef<HTMLDivElement>(null);
  const justExpanded = useRef<string | undefined>(undefined);
  // The "Show all" button goes away when pressed: focus moves to the first row it revealed, not to the page.
  useEffect(() => {
    const kind = justExpanded.current;
    justExpanded.current = undefined;
    if (kind) root.current?.querySelectorAll<HTMLElement>(`.group-${kind} .entity-list > li`)[ROWS_PER_KIND]?.querySelector<HTMLElement>('button')?.focus();
  }, [expanded]);
  return (
    <div class="spotted" ref={root}>
      {groups.map((group) => (
        <section key={group.kind} class={`group group-${group.kind}`} aria-labelledby={`group-${group.kind}`}>
          <h3 id={`group-${group.kind}`} class="group-title">
            <KindDot kind={group.kind} />
            {t(`kind_${group.kind.replace(/-/g, '_')}` as MessageKey)}
            <span class="group-count">{group.items.length}</span>
          </h3>
          <ul class="entity-list">
            {(expanded.has(group.kind) ? group.items : group.items.slice(0, ROWS_PER_KIND)).map((item) => {
              const mentions = counted(item.count, 'popupMentionsOne', 'popupMentions');
              const also = item.surfaces.length > 0 ? t('popupAlsoWritten', item.surfaces.join(', ')) : '';
              // Long names and lists of writings wrap (an ellipsis hid the end that tells two similar names apart);
              // the title is kept for hover.
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
                        <button
                          type="button"
                          class="text-button add-possible"
                          aria-label={t(item.kind === 'possible-malware' ? 'popupAddPossibleMalwareNamed' : 'popupAddPossibleNamed', item.name)}
                          onClick={() => onAdd(item.name, item.kind === 'possible-malware' ? 'malware' : 'actor')}
                        >
                          {t('popupAddPossible')}
                        </button>
                      )}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          {group.items.length > ROWS_PER_KIND && !expanded.has(group.kind) && (
            <button
              type="button"
              class="text-button show-more"
              aria-describedby={`group-${group.kind}`}
              onClick={() => {
                justExpanded.current = group.kind;
                expand(group.kind);
              }}
            >
              {t('popupShowAllLinks', String(group.items.length))}
            </button>
          )}
        </section>
      ))}
    </div>
  );
}
