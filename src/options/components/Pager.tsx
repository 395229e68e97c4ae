/** Previous / next page with the visible range ("51–100 of 10,234"). */
import { t } from '../../platform/i18n';

export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (p: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total ? page * pageSize + 1 : 0;
  const last = Math.min(total, (page + 1) * pageSize);
  return (
    <nav class="pager" aria-label={t('optPages')}>
      <button type="button" class="button" disabled={page <= 0} onClick={() => onPage(page - 1)}>
        {t('optPrev')}
      </button>
      <span class="small" aria-live="polite">
        {t('optRange', [first.toLocaleString(), last.toLocaleString(), total.toLocaleString()])}
      </span>
      <button type="button" class="button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        {t('optNext')}
      </button>
    </nav>
  );
}
