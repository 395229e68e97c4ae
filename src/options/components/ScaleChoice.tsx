/** How confidence is shown: estimative words, numbers, or both (with a live sample). */
import type { Settings } from '../../core/settings';
import { t, type MessageKey } from '../../platform/i18n';
import { ConfidenceMeter } from '../../ui/ConfidenceMeter';

type Props = { settings: Settings; update: (change: (s: Settings) => Settings) => void };

const SCALES: { value: Settings['scale']; label: MessageKey }[] = [
  { value: 'words', label: 'optScaleWords' },
  { value: 'numbers', label: 'optScaleNumbers' },
  { value: 'both', label: 'optScaleBoth' },
];

export const confidenceWord = (key: string) => t(`confidence_${key}` as MessageKey);

export function ScaleChoice({ settings, update }: Props) {
  return (
    <fieldset class="card">
      <legend>{t('optScaleTitle')}</legend>
      <div class="radios">
        {SCALES.map(({ value, label }) => (
          <label key={value} class="check">
            <input type="radio" name="scale" checked={settings.scale === value} onChange={() => update((s) => ({ ...s, scale: value }))} />
            {t(label)}
          </label>
        ))}
      </div>
      <p class="small">
        {t('optScaleSample')} <ConfidenceMeter value={70} word={confidenceWord} scale={settings.scale} />
      </p>
    </fieldset>
  );
}
