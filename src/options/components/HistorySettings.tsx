/** Opt-in local history of pages where entities were spotted: on/off, how much is kept, erase. */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../core/settings';
import { t } from '../../platform/i18n';
import { useBackend } from '../backend';
import { eraseSightings, sightingCount } from '../../core/db/sightings';
import { ConfirmDialog } from './ConfirmDialog';

type Props = { settings: Settings; update: (change: (s: Settings) => Settings) => void; dataVersion: number };

export function HistorySettings({ settings, update, dataVersion }: Props) {
  const backend = useBackend();
  const [count, setCount] = useState<{ sightings: number; pages: number }>();
  const [confirm, setConfirm] = useState(false);
  const [erased, setErased] = useState(false);
  const refresh = () => void sightingCount(backend.repo).then(setCount);
  useEffect(refresh, [backend, dataVersion, settings.history]);
  return (
    <fieldset class="card">
      <legend>{t('optHistoryTitle')}</legend>
      <label class="check">
        <input type="checkbox" checked={settings.history} onChange={(e) => {
            // Read now: `update` runs the change after the event, when its currentTarget is null.
            const on = e.currentTarget.checked;
            update((s) => ({ ...s, history: on }));
          }} />
        {t('optHistoryOptIn')}
      </label>
      <p class="muted small">{t('optHistoryHelp')}</p>
      <p class="small" data-testid="history-count">
        {count ? t('optHistoryCount', [String(count.pages), String(count.sightings)]) : '…'}
      </p>
      <button type="button" class="button danger" disabled={!count?.sightings} onClick={() => setConfirm(true)}>
        {t('optHistoryErase')}
      </button>
      {erased && (
        <p class="notice good" role="status">
          {t('optHistoryErased')}
        </p>
      )}
      <ConfirmDialog
        open={confirm}
        title={t('optHistoryEraseTitle')}
        confirmLabel={t('optHistoryErase')}
        danger
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          void eraseSightings(backend.repo).then(() => {
            setErased(true);
            refresh();
          });
        }}
      >
        <p>{t('optHistoryEraseText')}</p>
      </ConfirmDialog>
    </fieldset>
  );
}
