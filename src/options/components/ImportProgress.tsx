/** The running step of an import, with a real progress bar while reading and an indeterminate one after. */
import { t } from '../../platform/i18n';
import type { ImportState } from '../import/use-import';

export function ImportProgress({ state, onCancel }: { state: ImportState; onCancel: () => void }) {
  let label: string;
  let value: number | null = null;
  switch (state.step) {
    case 'reading':
      label = state.download ? t('optStepDownloading', state.name) : t('optStepReading', state.name);
      value = state.progress;
      break;
    case 'parsing':
      label = t('optStepParsing', state.name);
      break;
    case 'applying':
      label = t('optStepApplying');
      break;
    default:
      return null;
  }
  return (
    <div class="progress-box" role="status" aria-live="polite">
      <p>{label}</p>
      {value === null ? (
        <progress aria-label={label} />
      ) : (
        <progress aria-label={label} max={100} value={Math.round(value * 100)} />
      )}
      {state.step !== 'applying' && (
        <button type="button" class="button" onClick={onCancel}>
          {t('optCancel')}
        </button>
      )}
    </div>
  );
}
