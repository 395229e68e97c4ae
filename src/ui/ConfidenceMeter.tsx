/**
 * Confidence as words, a number and a small five-step scale; "unspecified" is shown as such, never as 0.
 * The reader's setting picks words, numbers or both; the scale is always drawn. Shared by popup and options.
 */
import { bandOf } from '../core/model/confidence';

export interface ConfidenceMeterProps {
  value: number | undefined;
  /** Label for the band word, e.g. t('confidence_likely'). */
  word: (key: string) => string;
  scale?: 'words' | 'numbers' | 'both';
}

/** Steps lit on the five-step scale (0 for unspecified). */
export function confidenceSteps(value: number | undefined): number {
  return value === undefined ? 0 : Math.max(1, Math.min(5, Math.ceil(value / 20)));
}

export function ConfidenceMeter({ value, word, scale = 'both' }: ConfidenceMeterProps) {
  const band = bandOf(value);
  const label = band ? word(band.key) : word('unspecified');
  const steps = confidenceSteps(value);
  const showWord = scale !== 'numbers' || value === undefined;
  const showNumber = scale !== 'words' && value !== undefined;
  return (
    <span class={`confidence confidence-${band?.key ?? 'unspecified'}`} title={value === undefined ? label : `${label} (${value}/100)`}>
      <span class={`confidence-scale steps-${steps}`} aria-hidden="true">
        {[1, 2, 3, 4, 5].map((i) => (
          <span key={i} class={i <= steps ? 'on' : ''} />
        ))}
      </span>
      {showWord && <span class="confidence-word">{label}</span>}
      {showNumber && (
        <span class="confidence-number">
          {value}
          <span class="sr-only">/100</span>
        </span>
      )}
    </span>
  );
}
