/** A status line (saved, deleted) with an optional Undo; announced politely, never timed out. */
import { t } from '../../platform/i18n';
import { Icon } from './Icon';

export interface NoticeData {
  text: string;
  undo?: () => void;
}

export function Notice({ notice, onDismiss }: { notice: NoticeData | undefined; onDismiss: () => void }) {
  return (
    <div class="notice-region" role="status" aria-live="polite">
      {notice && (
        <div class="notice">
          <span class="notice-text">{notice.text}</span>
          {notice.undo && (
            <button type="button" class="text-button undo" onClick={notice.undo}>
              {t('popupUndo')}
            </button>
          )}
          <button type="button" class="icon-button" onClick={onDismiss} aria-label={t('popupDismiss')}>
            <Icon name="close" size={14} />
          </button>
        </div>
      )}
    </div>
  );
}
