/** Export (STIX 2.1), full backup and restore, and reset to the bundled data — each destructive step confirmed. */
import { useState } from 'preact/hooks';
import { bundledDataset, BUNDLED_VERSION } from '../../core/data/index';
import { exportBackup, exportStix, resetToBundled, restoreBackup, type ExportScope } from '../../core/db/import-export';
import { ImportError, issueTotal, type ImportIssue } from '../../core/importers/index';
import { t } from '../../platform/i18n';
import { useBackend } from '../backend';
import { readFileText } from '../import/read-file';
import { ConfirmDialog } from './ConfirmDialog';
import { ImportErrors } from './ImportErrors';

const day = (d: Date) => d.toISOString().slice(0, 10);

export function ExportPanel({ onDataChanged }: { onDataChanged: () => void }) {
  const backend = useBackend();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<ImportIssue[]>([]);
  const [restoreFile, setRestoreFile] = useState<File>();
  const [resetOpen, setResetOpen] = useState(false);
  const [dropAnnotations, setDropAnnotations] = useState(false);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setErrors([]);
    setStatus('');
    try {
      await backend.ready;
      setStatus(await work());
    } catch (error) {
      setErrors([error instanceof ImportError ? error.toIssue() : { file: '', path: '', field: '', message: error instanceof Error ? error.message : String(error) }]);
    } finally {
      setBusy(false);
    }
  };

  const exportScope = (scope: ExportScope) =>
    run(async () => {
      const bundle = await exportStix(backend.repo, { scope, now: backend.now() });
      const name = `actorlens-${scope === 'all' ? 'all' : 'annotations'}-${day(backend.now())}.stix.json`;
      backend.download(name, JSON.stringify(bundle, null, 2), 'application/json');
      return t('optExported', [name, String(bundle.objects.length)]);
    });

  const backup = () =>
    run(async () => {
      const data = await exportBackup(backend.repo, backend.now());
      const name = `actorlens-backup-${day(backend.now())}.json`;
      backend.download(name, JSON.stringify(data), 'application/json');
      return t('optBackedUp', [name, String(data.entities.length), String(data.links.length), String(data.claims.length)]);
    });

  const restore = (file: File) =>
    run(async () => {
      setRestoreFile(undefined);
      const text = await readFileText(file, () => undefined);
      const counts = await restoreBackup(backend.repo, text, file.name);
      await backend.lastUndo.remove();
      onDataChanged();
      return t('optRestored', [String(counts.entities), String(counts.links), String(counts.claims)]);
    });

  const reset = () =>
    run(async () => {
      setResetOpen(false);
      await resetToBundled(backend.repo, bundledDataset(), BUNDLED_VERSION, { keepAnnotations: !dropAnnotations });
      await backend.lastUndo.remove();
      onDataChanged();
      return dropAnnotations ? t('optResetDoneAll') : t('optResetDoneKept');
    });

  return (
    <section class="panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('optExportTitle')}</h2>
      <div class="tiles">
        <div class="card">
          <h3>{t('optExportStixTitle')}</h3>
          <p class="muted small">{t('optExportStixAbout')}</p>
          <div class="row">
            <button type="button" class="button" disabled={busy} onClick={() => void exportScope('annotations')}>
              {t('optExportAnnotations')}
            </button>
            <button type="button" class="button" disabled={busy} onClick={() => void exportScope('all')}>
              {t('optExportAll')}
            </button>
          </div>
        </div>
        <div class="card">
          <h3>{t('optBackupTitle')}</h3>
          <p class="muted small">{t('optBackupAbout')}</p>
          <div class="row">
            <button type="button" class="button" disabled={busy} onClick={() => void backup()}>
              {t('optBackupDownload')}
            </button>
            <label class="button file-button">
              {t('optRestoreChoose')}
              <input
                type="file"
                class="visually-hidden"
                accept=".json,application/json"
                disabled={busy}
                onChange={(e) => {
                  const input = e.currentTarget;
                  const file = input.files?.[0];
                  if (file) setRestoreFile(file);
                  input.value = '';
                }}
              />
            </label>
          </div>
        </div>
        <div class="card">
          <h3>{t('optResetTitle')}</h3>
          <p class="muted small">{t('optResetAbout')}</p>
          <button type="button" class="button danger" disabled={busy} onClick={() => setResetOpen(true)}>
            {t('optResetButton')}
          </button>
        </div>
      </div>
      <div aria-live="polite">
        {status && (
          <p class="notice good" role="status">
            {status}
          </p>
        )}
        {errors.length > 0 && (
          <>
            <p class="notice bad" role="alert">
              {t('optActionFailed')}
            </p>
            <ImportErrors issues={errors} caption={t('optErrorsCaption', String(issueTotal(errors)))} />
          </>
        )}
      </div>
      <ConfirmDialog
        open={!!restoreFile}
        title={t('optRestoreConfirmTitle')}
        confirmLabel={t('optRestoreConfirm')}
        danger
        busy={busy}
        onConfirm={() => restoreFile && void restore(restoreFile)}
        onCancel={() => setRestoreFile(undefined)}
      >
        <p>{t('optRestoreConfirmText', restoreFile?.name ?? '')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={resetOpen}
        title={t('optResetConfirmTitle')}
        confirmLabel={t('optResetConfirm')}
        danger
        busy={busy}
        onConfirm={() => void reset()}
        onCancel={() => setResetOpen(false)}
      >
        <p>{t('optResetConfirmText')}</p>
        <label class="check">
          <input type="checkbox" checked={dropAnnotations} onChange={(e) => setDropAnnotations(e.currentTarget.checked)} />
          {t('optResetAlsoAnnotations')}
        </label>
      </ConfirmDialog>
    </section>
  );
}
