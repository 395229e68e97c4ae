/**
 * Search any entity by name or alias, as you type: an ARIA 1.2 combobox over the results list (SearchResults).
 * Focus stays in the box; Arrow Down/Up move through the results (aria-activedescendant), Enter opens the active
 * one, Escape goes back to the box (drops the active result), and on an empty selection clears a non-empty query
 * before it goes back.
 */
import type { Ref } from 'preact';
import { t } from '../../platform/i18n';
import { Icon } from './Icon';

export interface SearchBoxProps {
  value: string;
  onInput: (value: string) => void;
  /** The box took the focus: a query is likely to follow. */
  onFocus?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  /** id of the results listbox while it shows results. */
  listId?: string | undefined;
  /** Number of results shown, and which one is active (-1: none, the box itself). */
  count?: number;
  active?: number;
  activeId?: string | undefined;
  onActive?: (index: number) => void;
  /** Opens the active result (Enter). */
  onPick?: (index: number) => void;
}

export function SearchBox({ value, onInput, onFocus, inputRef, listId, count = 0, active = -1, activeId, onActive, onPick }: SearchBoxProps) {
  const expanded = !!listId && count > 0;
  return (
    <div class="search" role="search">
      <Icon name="search" />
      <input
        ref={inputRef}
        type="search"
        // ARIA in HTML allows role=combobox on a search field; Preact's typings want `list` named with it (none here).
        list={undefined}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={expanded ? listId : undefined}
        aria-activedescendant={expanded && active >= 0 ? activeId : undefined}
        data-focus="search"
        value={value}
        aria-label={t('popupSearchLabel')}
        placeholder={t('popupSearchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        onInput={(e) => onInput(e.currentTarget.value)}
        onFocus={onFocus}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            if (!expanded) return;
            e.preventDefault();
            // Down from the box goes to the first result and stops at the last; Up from the first goes back to the box,
            // and from the box to the last result.
            if (e.key === 'ArrowDown') onActive?.(Math.min(active + 1, count - 1));
            else onActive?.(active < 0 ? count - 1 : active - 1);
          } else if (e.key === 'Enter' && expanded && active >= 0) {
            e.preventDefault();
            onPick?.(active);
          } else if (e.key === 'Escape' && expanded && active >= 0) {
            e.preventDefault();
            onActive?.(-1);
          } else if (e.key === 'Escape' && value) {
            e.preventDefault();
            onInput('');
          }
        }}
      />
    </div>
  );
}
