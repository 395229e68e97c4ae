/** Reader preferences; every change is saved at once and reaches open tabs through storage.onChanged. */
import type { Settings } from '../../core/settings';
import { t } from '../../platform/i18n';
import { HistorySettings } from './HistorySettings';
import { KindColors } from './KindColors';
import { ScaleChoice } from './ScaleChoice';
import { SiteRules } from './SiteRules';
import { SuppressedTerms } from './SuppressedTerms';

export interface SettingsPanelProps {
  settings: Settings;
  update: (change: (s: Settings) => Settings) => void;
  dataVersion: number;
}

export function SettingsPanel({ settings, update, dataVersion }: SettingsPanelProps) {
  // The box's state is read while its event is dispatched: `update` runs the change later (after reading the stored
  // settings), when the event's currentTarget is null, and reading it there threw, so the change was never saved.
  const setFlag = (flag: 'paused' | 'possibleActors', on: boolean) => update((s) => ({ ...s, [flag]: on }));
  return (
    <section class="panel" aria-labelledby="settings-title">
      <h2 id="settings-title" tabIndex={-1}>{t('optSettingsTitle')}</h2>
      <fieldset class="card">
        <legend>{t('optGeneral')}</legend>
        <label class="check">
          <input type="checkbox" checked={settings.paused} onChange={(e) => setFlag('paused', e.currentTarget.checked)} />
          {t('optPaused')}
        </label>
        <label class="check">
          <input type="checkbox" checked={settings.possibleActors} onChange={(e) => setFlag('possibleActors', e.currentTarget.checked)} />
          {t('optPossibleActors')}
        </label>
        <p class="muted small">{t('optPossibleActorsHelp')}</p>
      </fieldset>
      <SiteRules settings={settings} update={update} />
      <KindColors settings={settings} update={update} />
      <SuppressedTerms settings={settings} update={update} />
      <ScaleChoice settings={settings} update={update} />
      <HistorySettings settings={settings} update={update} dataVersion={dataVersion} />
    </section>
  );
}
