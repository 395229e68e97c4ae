/**
 * A status line (saved, deleted + Undo, or an error); announced (errors at once, as alerts), never timed out.
 * A notice with `focusUndo` takes the keyboard focus to its Undo button: the control that made it (Delete) has gone.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { Icon } from './Icon';

export interface NoticeData {
  text: string;
  undo?: () => void;
  /** Move focus to Undo when the notice shows. */
  focusUndo?: boolean;
  /** Something failed: shown as an error and announced as an alert. */
  error?: boolean;
}

export function Notice({ notice, onDismiss }: { notice: NoticeData | undefined; onDismiss: () => void }) {
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (notice?.focusUndo) undo.current?.focus();
  }, [notice]);
  return (
    <div class="notice-region" role="status" aria-live="polite">
      {notice && (
        <div class={`notice${notice.error ? ' notice-error' : ''}`} role={notice.error ? 'alert' : undefined}>
          <span class="notice-text">{notice.text}</span>
          {notice.undo && (
            <button ref={undo} type="button" class="text-button undo" onClick={notice.undo}>
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
