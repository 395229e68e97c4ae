/** File picker and drop target for import files. The visible button is a real <input type=file> label. */
import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';

export function DropZone({ onFile, disabled }: { onFile: (file: File) => void; disabled: boolean }) {
  const [over, setOver] = useState(false);
  return (
    <div
      class={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (file && !disabled) onFile(file);
      }}
    >
      <p class="drop-title">{t('optDropHere')}</p>
      <p class="muted">{t('optDropFormats')}</p>
      <label class="button primary file-button">
        {t('optChooseFile')}
        <input
          type="file"
          class="visually-hidden"
          accept=".json,application/json"
          disabled={disabled}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file) onFile(file);
            input.value = '';
          }}
        />
      </label>
    </div>
  );
}
