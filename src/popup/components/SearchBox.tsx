/** Search any entity by name or alias, as you type. Escape clears a non-empty query before it goes back. */
import type { Ref } from 'preact';
import { t } from '../../platform/i18n';
import { Icon } from './Icon';

export interface SearchBoxProps {
  value: string;
  onInput: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

export function SearchBox({ value, onInput, inputRef }: SearchBoxProps) {
  return (
    <div class="search" role="search">
      <Icon name="search" />
      <input
        ref={inputRef}
        type="search"
        value={value}
        aria-label={t('popupSearchLabel')}
        placeholder={t('popupSearchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            onInput('');
          }
        }}
      />
    </div>
  );
}
