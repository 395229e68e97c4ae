/** A collapsible list of names in the preview (first 200, then "and N more"). */
import { t } from '../../platform/i18n';

export function NameList({ summary, names }: { summary: string; names: readonly string[] }) {
  if (!names.length) return null;
  const shown = names.slice(0, 200);
  return (
    <details class="name-list">
      <summary>{summary}</summary>
      <ul>
        {shown.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
      {names.length > shown.length && <p class="muted">{t('optAndMore', String(names.length - shown.length))}</p>}
    </details>
  );
}
