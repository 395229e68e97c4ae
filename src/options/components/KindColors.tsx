/** Which kinds are highlighted, and in which colour, with a live preview. */
import { useState } from 'preact/hooks';
import { ENTITY_KINDS, type EntityKind } from '../../core/model/entity';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { t } from '../../platform/i18n';
import { ColorPreview } from './ColorPreview';

type Props = { settings: Settings; update: (change: (s: Settings) => Settings) => void };

export function KindColors({ settings, update }: Props) {
  // While a colour is being dragged the preview follows at once; it is saved when the picker commits.
  const [draft, setDraft] = useState<Partial<Record<EntityKind, string>>>({});
  const shown: Settings = { ...settings, colors: { ...settings.colors, ...draft } };
  return (
    <fieldset class="card">
      <legend>{t('optKindsTitle')}</legend>
      <div class="kind-grid">
        {ENTITY_KINDS.map((kind) => {
          const on = settings.kinds.includes(kind);
          return (
            <div key={kind} class="kind-row">
              <label class="check">
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => {
                    const checked = e.currentTarget.checked;
                    update((s) => ({ ...s, kinds: checked ? ENTITY_KINDS.filter((k) => k === kind || s.kinds.includes(k)) : s.kinds.filter((k) => k !== kind) }));
                  }}
                />
                {t(`kind_${kind}`)}
              </label>
              <label class="color-field">
                <span class="visually-hidden">{t('optColorFor', t(`kind_${kind}`))}</span>
                <input
                  type="color"
                  value={shown.colors[kind]}
                  onInput={(e) => {
                    const value = e.currentTarget.value;
                    setDraft((d) => ({ ...d, [kind]: value }));
                  }}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setDraft((d) => {
                      const { [kind]: _done, ...rest } = d;
                      return rest;
                    });
                    update((s) => ({ ...s, colors: { ...s.colors, [kind]: value } }));
                  }}
                />
              </label>
            </div>
          );
        })}
      </div>
      <ColorPreview settings={shown} />
      <button type="button" class="button" onClick={() => update((s) => ({ ...s, colors: { ...DEFAULT_SETTINGS.colors } }))}>
        {t('optColorsReset')}
      </button>
    </fieldset>
  );
}
