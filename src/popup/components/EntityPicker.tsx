/**
 * Choose an entity: an ARIA 1.2 combobox. With no query it offers the entities spotted on the page; typing
 * searches the whole knowledge base. Arrow keys move, Enter picks, Escape closes the list (not the view).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../platform/i18n';
import type { PickedEntity } from '../lib/claim-draft';
import type { SpottedKind } from '../lib/spotted';
import { SEARCH_SHOWN, type SearchHit } from '../backend';

export interface PickerOption {
  id: string;
  name: string;
  kind: SpottedKind;
  /** Alias that matched, or why it is offered ("on this page"). */
  note?: string;
}

export interface EntityPickerProps {
  id: string;
  label: string;
  value: PickedEntity | undefined;
  suggestions: PickerOption[];
  search: (query: string) => Promise<SearchHit[]>;
  onChange: (value: PickedEntity | undefined) => void;
  error?: string | undefined;
}

export function EntityPicker({ id, label, value, suggestions, search, onChange, error }: EntityPickerProps) {
  const [query, setQuery] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [hits, setHits] = useState<PickerOption[] | undefined>();
  const latest = useRef(0);
  const typed = useRef(false);

  // A value set from outside (swap, prefill) shows in the box; clearing it by typing keeps what was typed.
  useEffect(() => {
    if (typed.current) typed.current = false;
    else setQuery(value?.name ?? '');
  }, [value?.id]);

  const searching = query.trim() !== '' && query !== value?.name;
  useEffect(() => {
    if (!searching) return setHits(undefined);
    const n = ++latest.current;
    void search(query).then((r) => {
      if (n === latest.current) setHits(r.map((h) => ({ id: h.entity.id, name: h.entity.name, kind: h.entity.kind, ...(h.matched !== h.entity.name ? { note: h.matched } : {}) })));
    });
  }, [query, searching]);

  // The search answers one more than it lists when more names match: the list stops at the same twelve as the
  // popup's search and says so, as that one does.
  const more = searching && (hits?.length ?? 0) > SEARCH_SHOWN;
  const options = searching ? (hits ?? []).slice(0, SEARCH_SHOWN) : suggestions;
  const listId = `${id}-list`;
  const moreId = `${id}-more`;
  const shown = open && options.length > 0;
  const describedBy = [error ? `${id}-error` : '', shown && more ? moreId : ''].filter(Boolean).join(' ');
  const optionId = (i: number) => `${id}-opt-${i}`;
  const pick = (o: PickerOption) => {
    onChange({ id: o.id, name: o.name });
    setQuery(o.name);
    setOpen(false);
  };

  return (
    <div class={`field picker${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? optionId(active) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        placeholder={t('popupPickerPlaceholder')}
        value={query}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
          setOpen(true);
          if (value) {
            typed.current = true;
            onChange(undefined);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (!open) return setOpen(true);
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive((a) => (options.length ? (a + step + options.length) % options.length : 0));
          } else if (e.key === 'Enter' && open && options[active]) {
            e.preventDefault();
            pick(options[active]);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            setOpen(false);
          }
        }}
      />
      <div class="picker-pop" hidden={!shown}>
        {/* tabIndex -1: Chromium makes a scrolling list a Tab stop of its own; tabbing onto it blurred the input, which
            closed (hid) the list and dropped focus on the page. The options are reached with the arrow keys. */}
        <ul id={listId} role="listbox" aria-label={label} class="picker-list" tabIndex={-1}>
          {options.map((o, i) => (
            <li
              key={o.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : ''}
              // mousedown, not click: it must land before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
            >
              <span class="name">{o.name}</span>
              <span class="sub">
                {t(`kind_${o.kind}` as MessageKey)}
                {o.note ? ` · ${o.note}` : ''}
              </span>
            </li>
          ))}
        </ul>
        {more && (
          <p class="hint picker-more" id={moreId}>
            {t('popupMoreResults', String(options.length))}
          </p>
        )}
      </div>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
