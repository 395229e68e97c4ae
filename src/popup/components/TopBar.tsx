/** The popup's header: the title (or a back button) and the way to the options page. */
import type { ComponentChildren } from 'preact';
import { t } from '../../platform/i18n';
import { Icon } from './Icon';

export interface TopBarProps {
  onBack?: (() => void) | undefined;
  onOptions: () => void;
  children?: ComponentChildren;
}

export function TopBar({ onBack, onOptions, children }: TopBarProps) {
  return (
    <header class="topbar">
      {onBack ? (
        <button type="button" class="icon-button back" onClick={onBack} aria-label={t('popupBack')} title={t('popupBackHint')}>
          <Icon name="back" />
        </button>
      ) : (
        <img class="logo" src="../icons/icon-32.png" alt="" width={20} height={20} />
      )}
      {/* The entity view's own h1 is its name; elsewhere the product name is the page's one top heading. */}
      {onBack ? <span class="brand">{t('extName')}</span> : <h1 class="brand">{t('extName')}</h1>}
      <span class="topbar-extra">{children}</span>
      <button type="button" class="icon-button" onClick={onOptions} aria-label={t('popupOptions')} title={t('popupOptions')}>
        <Icon name="settings" />
      </button>
    </header>
  );
}
