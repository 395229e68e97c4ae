/** Problems found in an import file, each with its place: file, path inside the file, field. */
import { ImportError, issueTotal, type ImportIssue } from '../../core/importers/index';
import { t } from '../../platform/i18n';

export function ImportErrors({ issues, caption, limit = 100 }: { issues: readonly ImportIssue[]; caption: string; limit?: number }) {
  if (!issues.length) return null;
  const shown = issues.slice(0, limit);
  return (
    <div class="table-wrap">
      <table class="issues">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('optErrFile')}</th>
            <th scope="col">{t('optErrPath')}</th>
            <th scope="col">{t('optErrField')}</th>
            <th scope="col">{t('optErrProblem')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((issue, i) => (
            <tr key={i}>
              <td>{issue.file}</td>
              <td>
                <code>{issue.path || '—'}</code>
              </td>
              <td>
                <code>{issue.field || '—'}</code>
              </td>
              <td>{issue instanceof ImportError ? issue.reason : issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* The rows not shown may include a summary standing for many problems: their true number, not the rows'. */}
      {issues.length > shown.length && <p class="muted">{t('optMoreIssues', String(issueTotal(issues.slice(limit))))}</p>}
    </div>
  );
}
