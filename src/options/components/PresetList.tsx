/**
 * Public feeds as one-click imports, each with an optional update reminder (off by default). The extension
 * holds no "alarms" permission and never fetches on its own: a due feed is flagged here and the reader clicks.
 */
import type { ImportRecord } from '../../core/db/import-export';
import { t } from '../../platform/i18n';
import { FEED_PRESETS, lastImportOf, REMINDER_DAYS, reminderDue, type FeedPreset } from '../import/presets';

export interface PresetListProps {
  log: readonly ImportRecord[];
  reminders: Record<string, number>;
  now: Date;
  disabled: boolean;
  onImport: (preset: FeedPreset) => void;
  onReminder: (presetId: string, days: number) => void;
}

function reminderLabel(days: number): string {
  return days === 0 ? t('optReminderNever') : t('optReminderEvery', String(days));
}

export function PresetList({ log, reminders, now, disabled, onImport, onReminder }: PresetListProps) {
  return (
    <ul class="presets">
      {FEED_PRESETS.map((preset) => {
        const last = lastImportOf(preset, log);
        const due = reminderDue(reminders[preset.id], last?.at, now);
        const titleId = `preset-${preset.id}`;
        return (
          <li key={preset.id} class="preset card" aria-labelledby={titleId}>
            <div class="preset-head">
              <h4 id={titleId}>{t(preset.title)}</h4>
              {due && <span class="badge warn">{t('optReminderDue')}</span>}
            </div>
            <p class="muted small">{t(preset.about)}</p>
            <p class="small">
              <code class="url">{preset.url}</code>
            </p>
            <p class="small">
              {last ? t('optLastImported', new Date(last.at).toLocaleDateString()) : t('optNeverImported')}
              {' · '}
              <a href={preset.licenseUrl} target="_blank" rel="noreferrer noopener">
                {t('optLicence')}
              </a>
            </p>
            <div class="row">
              <button type="button" class="button" disabled={disabled} onClick={() => onImport(preset)} aria-describedby={titleId}>
                {last ? t('optUpdateNow') : t('optImportNow')}
              </button>
              <label class="small">
                {t('optReminderLabel')}{' '}
                <select value={String(reminders[preset.id] ?? 0)} onChange={(e) => onReminder(preset.id, Number(e.currentTarget.value))}>
                  {REMINDER_DAYS.map((d) => (
                    <option key={d} value={String(d)}>
                      {reminderLabel(d)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
