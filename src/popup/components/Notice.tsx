/**
 * A status line (saved, deleted + Undo, or an error); announced (errors at once, as alerts), never timed out.
 * A notice with `focusUndo` takes the keyboard focus to its Undo button: the control that made it (Delete) has gone.
 * Dismissing it (×) from the keyboard puts focus back where it was when the notice came (the site switch), or, if
 * that control has gone (a deleted claim's Delete), on the view's heading; never on the page body.
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
  /** Try the failed action again ("Try again" button). */
  retry?: () => void;
}

export function Notice({ notice, onDismiss }: { notice: NoticeData | undefined; onDismiss: () => void }) {
  const undo = useRef<HTMLButtonElement>(null);
  const region = useRef<HTMLDivElement>(null);
  /** The control that had focus when the notice came. */
  const before = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const active = document.activeElement as HTMLElement | null;
    if (notice && !region.current?.contains(active)) before.current = active && active !== document.body ? active : null;
    if (notice?.focusUndo) undo.current?.focus();
  }, [notice]);
  const dismiss = () => {
    const hadFocus = !!region.current?.contains(document.activeElement);
    onDismiss();
    if (!hadFocus) return;
    const back = before.current?.isConnected ? before.current : document.querySelector<HTMLElement>('main [data-autofocus], main input[type="search"]');
    back?.focus();
  };
  return (
    <div class="notice-region" role="status" aria-live="polite" ref={region}>
      {notice && (
        <div class={`notice${notice.error ? ' notice-error' : ''}`} role={notice.error ? 'alert' : undefined}>
          <span class="notice-text">{notice.text}</span>
          {notice.undo && (
            <button ref={undo} type="button" class="text-button undo" onClick={notice.undo}>
              {t('popupUndo')}
            </button>
          )}
          {notice.retry && (
            <button type="button" class="text-button retry" onClick={notice.retry}>
              {t('retry')}
            </button>
          )}
          <button type="button" class="icon-button" onClick={dismiss} aria-label={t('popupDismiss')}>
            <Icon name="close" size={14} />
          </button>
        </div>
      )}
    </div>
  );
}
