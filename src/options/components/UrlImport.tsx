/** Import from an address: asks for that host's permission on click, then downloads in the page. */
import { useState } from 'preact/hooks';
import { originPatternOf } from '../import/origin';
import { t } from '../../platform/i18n';

export function UrlImport({ disabled, onFetch, request }: { disabled: boolean; onFetch: (url: string) => void; request: (url: string) => Promise<boolean> }) {
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    const address = url.trim();
    if (!originPatternOf(address)) {
      setProblem(t('optUrlHttpsOnly'));
      return;
    }
    setProblem('');
    // permissions.request needs the click's user gesture: call it before anything else is awaited.
    void request(address).then((granted) => {
      if (granted) onFetch(address);
      else setProblem(t('optUrlDenied', new URL(address).hostname));
    });
  };
  return (
    <form class="url-import" onSubmit={submit}>
      <label for="import-url">{t('optUrlLabel')}</label>
      <div class="row">
        <input
          id="import-url"
          type="url"
          inputMode="url"
          placeholder="https://"
          value={url}
          aria-describedby="import-url-help"
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
        <button type="submit" class="button" disabled={disabled || !url.trim()}>
          {t('optUrlFetch')}
        </button>
      </div>
      <p id="import-url-help" class="muted small">
        {t('optUrlHelp')}
      </p>
      {problem && (
        <p class="notice bad" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
