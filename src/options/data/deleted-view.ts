/** What the Recently deleted list shows of a kept claim: its link in words, its source, quote, when and by what. */
import type { DeletedClaimRow } from '../../core/db/deleted-claims';
import { t, type MessageKey } from '../../platform/i18n';

export interface DeletedItem {
  id: string;
  from: string;
  relation: string;
  to: string;
  source: string;
  quote?: string;
  when: string;
  by: string;
}

const QUOTE_SHOWN = 200;

/** Plain strings only: the page renders them as text (the row came from files and pages, any of which may be hostile). */
export function deletedItem(row: DeletedClaimRow): DeletedItem {
  const link = row.link;
  const nameOf = (id: string | undefined) => row.ends.find((e) => e.id === id)?.name ?? t('optDeletedUnknownEnd');
  const exact = row.claim.quote?.exact;
  return {
    id: row.id,
    from: nameOf(link?.from),
    relation: link ? t(`relation_${link.relation.replace(/-/g, '_')}` as MessageKey) : '—',
    to: nameOf(link?.to),
    source: row.claim.source.title,
    ...(exact ? { quote: exact.length > QUOTE_SHOWN ? `${exact.slice(0, QUOTE_SHOWN)}…` : exact } : {}),
    when: t('optDeletedWhen', row.at.slice(0, 10)),
    by:
      row.by === 'import'
        ? t('optDeletedByImport', row.file ?? '')
        : row.by === 'reset'
          ? t('optDeletedByReset')
          : row.by === 'restore'
            ? t('optDeletedByRestore')
            : t('optDeletedByReader'),
  };
}
