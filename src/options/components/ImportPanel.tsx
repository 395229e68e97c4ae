/** Import section: file / drop / address / presets → progress → preview → apply, plus the log and undo. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { importLog, undoImport, type ImportRecord } from '../../core/db/import-export';
import type { Settings } from '../../core/settings';
import { issueTotal } from '../../core/importers/index';
import { t } from '../../platform/i18n';
import { useBackend } from '../backend';
import type { FeedPreset } from '../import/presets';
import { useImport } from '../import/use-import';
import { DropZone } from './DropZone';
import { ImportErrors } from './ImportErrors';
import { ImportHistory } from './ImportHistory';
import { ImportPreview } from './ImportPreview';
import { ImportProgress } from './ImportProgress';
import { PresetList } from './PresetList';
import { UrlImport } from './UrlImport';

export function ImportPanel({ settings, dataVersion, onDataChanged }: { settings: Settings | undefined; dataVersion: number; onDataChanged: () => void }) {
  const backend = useBackend();
  const [log, setLog] = useState<ImportRecord[]>([]);
  const [undoable, setUndoable] = useState<string>();
  const [undoing, setUndoing] = useState(false);
  const [message, setMessage] = useState('');
  const flow = useImport(useCallback(() => onDataChanged(), [onDataChanged]));
  const { state } = flow;

  useEffect(() => {
    void (async () => {
      await backend.ready;
      const records = await importLog(backend.repo);
      setLog(records);
      const undo = await backend.lastUndo.get();
      setUndoable(undo && records[0]?.id === undo.record.id ? undo.record.id : undefined);
    })();
  }, [backend, dataVersion]);

  const busy = state.step === 'reading' || state.step === 'parsing' || state.step === 'applying';

  const undo = async () => {
    const record = await backend.lastUndo.get();
    if (!record) return;
    setUndoing(true);
    try {
      const { kept } = await undoImport(backend.repo, record);
      await backend.lastUndo.remove();
      const name = record.record.fileName;
      const anyKept = kept.claims.length + kept.links.length + kept.entities.length > 0;
      setMessage(anyKept ? t('optUndoneKept', [name, String(kept.claims.length), String(kept.links.length), String(kept.entities.length)]) : t('optUndone', name));
      flow.reset();
      onDataChanged();
    } finally {
      setUndoing(false);
    }
  };

  const importPreset = (preset: FeedPreset) => {
    // Host permission first, inside the click (user gesture).
    void backend.requestOrigin(preset.url).then((granted) => {
      if (granted) void flow.fromUrl(preset.url, preset.url);
      else setMessage(t('optUrlDenied', new URL(preset.url).hostname));
    });
  };

  const setReminder = (id: string, days: number) => {
    void backend.updateSettings((s) => ({ ...s, feedReminders: { ...s.feedReminders, [id]: days } }));
  };

  return (
    <section class="panel" aria-labelledby="import-title">
      <h2 id="import-title" tabIndex={-1}>{t('optImportTitle')}</h2>
      <p class="muted">{t('optImportIntro')}</p>
      <div class="import-grid">
        <DropZone onFile={(f) => void flow.fromFile(f)} disabled={busy} />
        <UrlImport disabled={busy} request={backend.requestOrigin} onFetch={(url) => void flow.fromUrl(url, url)} />
      </div>

      <div aria-live="polite">
        {(state.step === 'reading' || state.step === 'parsing') && <ImportProgress state={state} onCancel={flow.reset} />}
        {(state.step === 'preview' || state.step === 'applying') && (
          <ImportPreview
            name={state.name}
            plan={state.plan}
            preview={state.preview}
            json={state.step === 'preview' ? state.json : undefined}
            busy={state.step === 'applying'}
            onApply={() => void flow.apply()}
            onCancel={flow.reset}
          />
        )}
        {state.step === 'failed' && (
          <section class="card preview preview-failed" aria-labelledby="failed-title">
            <h3 id="failed-title">{t('optPreviewFailedTitle', state.name)}</h3>
            <p class="notice bad" role="alert">
              {t('optPreviewRefused')}
            </p>
            <ImportErrors issues={state.errors} caption={t('optErrorsCaption', String(issueTotal(state.errors)))} />
            <div class="actions">
              <button type="button" class="button" onClick={flow.reset}>
                {t('optClose')}
              </button>
            </div>
          </section>
        )}
        {state.step === 'done' && (
          <p class="notice good" role="status">
            {t('optImported', [state.record.fileName, state.record.counts.newEntities.toLocaleString(), state.record.counts.updatedEntities.toLocaleString(), state.record.counts.newLinks.toLocaleString()])}
          </p>
        )}
        {message && state.step !== 'done' && (
          <p class="notice" role="status">
            {message}
          </p>
        )}
      </div>

      <h3>{t('optPresetsTitle')}</h3>
      <p class="muted small">{t('optPresetsIntro')}</p>
      <PresetList log={log} reminders={settings?.feedReminders ?? {}} now={backend.now()} disabled={busy} onImport={importPreset} onReminder={setReminder} />

      <h3>{t('optLogTitle')}</h3>
      <ImportHistory log={log} undoable={undoable} busy={undoing || busy} onUndo={() => void undo()} />
    </section>
  );
}
