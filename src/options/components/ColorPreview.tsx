/** A sample sentence painted with the chosen colours, on a light and a dark page. */
import { Fragment } from 'preact';
import type { EntityKind } from '../../core/model/entity';
import type { Settings } from '../../core/settings';
import { t } from '../../platform/i18n';
import { textOn } from '../explorer/colors';

const SAMPLE: { kind: EntityKind; name: string; before: () => string }[] = [
  { kind: 'actor', name: 'Lazarus Group', before: () => t('optSampleA') },
  { kind: 'malware', name: 'TrickBot', before: () => t('optSampleB') },
  { kind: 'tool', name: 'Cobalt Strike', before: () => t('optSampleC') },
  { kind: 'ransomware', name: 'Ryuk', before: () => t('optSampleD') },
];

function Sentence({ settings }: { settings: Settings }) {
  return (
    <p>
      {SAMPLE.map(({ kind, name, before }) => {
        const on = settings.kinds.includes(kind);
        const bg = settings.colors[kind];
        return (
          <Fragment key={kind}>
            {before()}
            {on ? (
              <mark class="sample-mark" data-kind={kind} style={{ backgroundColor: bg, color: textOn(bg) }}>
                {name}
              </mark>
            ) : (
              <span>{name}</span>
            )}
          </Fragment>
        );
      })}
      {t('optSampleEnd')}
    </p>
  );
}

export function ColorPreview({ settings }: { settings: Settings }) {
  return (
    <figure class="color-preview" aria-label={t('optColorPreview')}>
      <figcaption class="small muted">{t('optColorPreview')}</figcaption>
      <div class="sample light-page">
        <Sentence settings={settings} />
      </div>
      <div class="sample dark-page">
        <Sentence settings={settings} />
      </div>
    </figure>
  );
}
