/** Recently deleted: the reader's deleted claims, each with Restore and Delete for good, and both for all of them. */
import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import { listDeleted, purgeDeleted, restoreDeleted } from '../../core/db/deleted-claims';
import { t } from '../../platform/i18n';
import { useBackend } from '../backend';
import { deletedItem, type DeletedItem } from '../data/deleted-view';
import { ConfirmDialog } from './ConfirmDialog';
import { Pager } from './Pager';

/** A reset that drops hundreds of annotations lists them all here: drawn a page at a time. */
const PAGE_SIZE = 50;

export function DeletedPanel({ onDataChanged }: { onDataChanged: () => void }) {
  const backend = useBackend();
  const [items, setItems] = useState<DeletedItem[]>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState('');
  /** The ids the open confirmation would delete for good. */
  const [purging, setPurging] = useState<string[]>();
  const [page, setPage] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  /** An action took away the button that had the focus: once the list is drawn again, focus goes to the heading. */
  const refocus = useRef(false);

  useEffect(() => {
    // The list shrank under the page shown (its last rows restored): the last page left is shown.
    if (items && page > 0 && page * PAGE_SIZE >= items.length) setPage(Math.max(0, Math.ceil(items.length / PAGE_SIZE) - 1));
    if (!refocus.current || !items) return;
    refocus.current = false;
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus();
  }, [items]);

  // Followed live (Dexie's liveQuery, heard across the extension's pages): a claim deleted in the popup, or by an import
  // or a reset on this page, is listed at once, and one restored here leaves the list.
  useEffect(() => {
    let live = true;
    let watching: { unsubscribe(): void } | undefined;
    void backend.ready.then(() => {
      if (!live) return;
      watching = liveQuery(() => listDeleted(backend.repo)).subscribe({
        next: (rows) => live && setItems(rows.map(deletedItem)),
        error: (error: unknown) => live && setFailed(error instanceof Error ? error.message : String(error)),
      });
    });
    return () => {
      live = false;
      watching?.unsubscribe();
    };
  }, [backend]);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setStatus('');
    setFailed('');
    // Set before the work: the live list may be drawn again before it returns. A failed action leaves its button.
    refocus.current = true;
    try {
      setStatus(await work());
    } catch (error) {
      refocus.current = false;
      setFailed(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const restore = (ids?: string[]) =>
    run(async () => {
      const result = await restoreDeleted(backend.repo, ids, backend.now());
      onDataChanged();
      return [t('optDeletedRestored', String(result.restored)), result.newerKept ? t('optDeletedNewerKept', String(result.newerKept)) : ''].filter(Boolean).join(' ');
    });

  const purge = (ids: string[]) =>
    run(async () => {
      setPurging(undefined);
      await purgeDeleted(backend.repo, ids);
      return t('optDeletedPurged');
    });

  return (
    <section class="panel" aria-labelledby="deleted-title">
      <h2 id="deleted-title" ref={heading} tabIndex={-1}>{t('optDeletedTitle')}</h2>
      <p class="muted small">{t('optDeletedAbout')}</p>
      {items && items.length === 0 && <p class="muted">{t('optDeletedNone')}</p>}
      {items && items.length > 0 && (
        <>
          <div class="row">
            <button type="button" class="button" disabled={busy} onClick={() => void restore()}>
              {t('optDeletedRestoreAll')}
            </button>
            <button type="button" class="button danger" disabled={busy} onClick={() => setPurging(items.map((i) => i.id))}>
              {t('optDeletedPurgeAll')}
            </button>
          </div>
          <ul class="deleted-list" aria-label={t('optDeletedListLabel')}>
            {items.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).map((item) => (
              <li key={item.id} class="card" data-deleted={item.id}>
                <p>
                  <strong>{item.from}</strong> {item.relation} <strong>{item.to}</strong>
                </p>
                <p class="small">{item.source}</p>
                {item.quote && <blockquote class="small">{item.quote}</blockquote>}
                <p class="muted small">
                  {item.when} {item.by}
                </p>
                <div class="row">
                  <button type="button" class="button" disabled={busy} onClick={() => void restore([item.id])} aria-label={`${t('optDeletedRestore')}: ${item.from} ${item.relation} ${item.to}`}>
                    {t('optDeletedRestore')}
                  </button>
                  <button type="button" class="button danger" disabled={busy} onClick={() => setPurging([item.id])} aria-label={`${t('optDeletedPurge')}: ${item.from} ${item.relation} ${item.to}`}>
                    {t('optDeletedPurge')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          {items.length > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={items.length} onPage={setPage} />}
        </>
      )}
      <div aria-live="polite">
        {status && (
          <p class="notice good" role="status">
            {status}
          </p>
        )}
        {failed && (
          <p class="notice bad" role="alert">
            {t('optActionFailed')} {failed}
          </p>
        )}
      </div>
      <ConfirmDialog
        open={!!purging}
        title={t('optDeletedPurgeConfirmTitle')}
        confirmLabel={t('optDeletedPurgeConfirm')}
        danger
        busy={busy}
        onConfirm={() => purging && void purge(purging)}
        onCancel={() => setPurging(undefined)}
      >
        <p>{t('optDeletedPurgeConfirmText', String(purging?.length ?? 0))}</p>
      </ConfirmDialog>
    </section>
  );
}
