/** Confidence as words, a number and a small five-step scale; "unspecified" is shown as such, never as 0. */
import { bandOf } from '../core/model/confidence';

export interface ConfidenceMeterProps {
  value: number | undefined;
  /** Label for the band word, e.g. t('confidence_likely'). */
  word: (key: string) => string;
  scale?: 'words' | 'numbers' | 'both';
}

export function ConfidenceMeter({ value, word, scale = 'both' }: ConfidenceMeterProps) {
  const band = bandOf(value);
  const label = band ? word(band.key) : word('unspecified');
  const steps = value === undefined ? 0 : Math.max(1, Math.ceil(value / 20));
  return (
    <span class="confidence" title={value === undefined ? label : `${label} (${value}/100)`}>
      <span class="confidence-scale" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((i) => (
          <span key={i} class={i <= steps ? 'on' : ''} />
        ))}
      </span>
      {scale !== 'numbers' && <span class="confidence-word">{label}</span>}
      {scale !== 'words' && value !== undefined && <span class="confidence-number">{value}</span>}
    </span>
  );
}
