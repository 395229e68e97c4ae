/**
 * One page of the explorer's entity list; each name is a button that opens the entity. The table is one Tab stop
 * (a roving tabindex: the selected entity's name, else the last one moved to, else the first): Arrow Up/Down move
 * between names, Home/End to the first/last, so Tab goes on to the pager, the graph and the detail panel instead of
 * through all fifty rows.
 */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { countryName } from '../../ui/country';
import type { Indexed } from '../explorer/filter';

const STEPS: Record<string, (i: number, last: number) => number> = {
  ArrowDown: (i, last) => Math.min(i + 1, last),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
};

export interface EntityTableProps {
  rows: readonly Indexed[];
  selected?: string | undefined;
  /** The rows' order, told to assistive technology on the column it sorts by. */
  sort?: 'reach' | 'links' | 'name' | undefined;
  /** Id of the text that says what the Reach column counts. */
  describedBy?: string | undefined;
  onOpen: (id: string) => void;
}

export function EntityTable({ rows, selected, sort, describedBy, onOpen }: EntityTableProps) {
  const [moved, setMoved] = useState<string>();
  const body = useRef<HTMLTableSectionElement>(null);
  if (!rows.length) return <p class="muted">{t('optNoMatches')}</p>;
  const has = (id: string | undefined) => id !== undefined && rows.some((r) => r.entity.id === id);
  const stop = has(moved) ? moved : has(selected) ? selected : rows[0]!.entity.id;

  const onKeyDown = (e: KeyboardEvent) => {
    const step = STEPS[e.key];
    const from = (e.target as HTMLElement).closest?.('button.entity-link');
    if (!step || !from || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const buttons = [...(body.current?.querySelectorAll<HTMLButtonElement>('button.entity-link') ?? [])];
    const to = buttons[step(buttons.indexOf(from as HTMLButtonElement), buttons.length - 1)];
    e.preventDefault();
    if (!to) return;
    setMoved(to.dataset.id);
    to.focus();
  };

  return (
    <table class="entities" aria-describedby={describedBy}>
      <caption class="visually-hidden">
        {t('optEntitiesCaption')} {t('optEntitiesKeys')}
      </caption>
      <thead>
        <tr>
          <th scope="col" aria-sort={sort === 'name' ? 'ascending' : undefined}>
            {t('optColName')}
          </th>
          <th scope="col" class="col-kind">
            {t('optColKind')}
          </th>
          <th scope="col" class="col-country">
            {t('optColCountry')}
          </th>
          {/* With an entity open only one count has room: the one the list is ordered by (links when by name). */}
          <th scope="col" class={`num col-reach${sort === 'reach' ? ' sorted' : ''}`} aria-sort={sort === 'reach' ? 'descending' : undefined} title={t('optReachHint')}>
            {t('optColReach')}
          </th>
          <th scope="col" class={`num col-links${sort !== 'reach' ? ' sorted' : ''}`} aria-sort={sort === 'links' ? 'descending' : undefined}>
            {t('optColLinks')}
          </th>
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={onKeyDown}>
        {rows.map(({ entity, links, reach }) => (
          <tr key={entity.id} class={entity.id === selected ? 'selected' : ''} aria-selected={entity.id === selected}>
            <td>
              <button
                type="button"
                class="entity-link"
                data-id={entity.id}
                tabIndex={entity.id === stop ? 0 : -1}
                aria-current={entity.id === selected ? 'true' : undefined}
                onFocus={() => setMoved(entity.id)}
                onClick={() => onOpen(entity.id)}
              >
                {entity.name}
              </button>
              {/* With an entity open the kind column is dropped for room: the kind is written under the name instead,
                  so it is never told by the dot's colour alone. */}
              <span class="kind-inline">
                <span class={`kind-dot kind-${entity.kind}`} aria-hidden="true" />
                <span class="kind-text">{t(`kind_${entity.kind}`)}</span>
              </span>
            </td>
            <td class="col-kind">
              <span class={`kind-dot kind-${entity.kind}`} aria-hidden="true" />
              <span class="kind-text">{t(`kind_${entity.kind}`)}</span>
            </td>
            <td class="col-country">{countryName(entity.country)}</td>
            <td class={`num col-reach${sort === 'reach' ? ' sorted' : ''}`}>{reach}</td>
            <td class={`num col-links${sort !== 'reach' ? ' sorted' : ''}`}>{links}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
