/** The import log (newest first) with undo for the last import. */
import type { ImportRecord } from '../../core/db/import-export';
import { t } from '../../platform/i18n';

export interface ImportHistoryProps {
  log: readonly ImportRecord[];
  /** Id of the import that can be undone (the newest one, when its undo record is kept). */
  undoable?: string | undefined;
  busy: boolean;
  onUndo: () => void;
}

export function ImportHistory({ log, undoable, busy, onUndo }: ImportHistoryProps) {
  if (!log.length) return <p class="muted">{t('optNoImports')}</p>;
  return (
    <ol class="import-log">
      {log.slice(0, 10).map((r) => (
        <li key={r.id}>
          <div>
            <strong class="file-name">{r.fileName}</strong>
            <span class="muted small"> · {new Date(r.at).toLocaleString()}</span>
          </div>
          <div class="small">
            {t('optLogCounts', [r.counts.newEntities.toLocaleString(), r.counts.updatedEntities.toLocaleString(), r.counts.newLinks.toLocaleString()])}
          </div>
          {r.id === undoable && (
            <button type="button" class="button" disabled={busy} onClick={onUndo}>
              {t('optUndoImport')}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
