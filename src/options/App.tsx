/** The options and explorer page: data (import, export, backup), settings, and the explorer. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../core/settings';
import { t, type MessageKey } from '../platform/i18n';
import { BackendContext, type OptionsBackend } from './backend';
import { ExplorerPanel } from './components/ExplorerPanel';
import { DeletedPanel } from './components/DeletedPanel';
import { ExportPanel } from './components/ExportPanel';
import { ImportPanel } from './components/ImportPanel';
import { SettingsPanel } from './components/SettingsPanel';
import { useRoute, type Section } from './route';

const SECTIONS: { id: Section; label: MessageKey }[] = [
  { id: 'data', label: 'optNavData' },
  { id: 'settings', label: 'optNavSettings' },
  { id: 'explorer', label: 'optNavExplorer' },
];

export function App({ backend }: { backend: OptionsBackend }) {
  const [route, go] = useRoute();
  const [settings, setSettings] = useState<Settings>();
  const [dataVersion, setDataVersion] = useState(0);

  /** The settings could not be read: the page says so and offers to try again (it stayed on "Loading…"). */
  const [loadFailed, setLoadFailed] = useState(false);
  /** How many reads failed: each failed retry changes the alert's text, so it is announced again. */
  const [loadFailures, setLoadFailures] = useState(0);
  const refocus = useRef(false);
  const load = useCallback(
    (live: () => boolean = () => true) =>
      backend.loadSettings().then(
        (s) => {
          if (!live()) return;
          setSettings(s);
          setLoadFailed(false);
        },
        () => {
          if (!live()) return;
          setLoadFailed(true);
          setLoadFailures((n) => n + 1);
        },
      ),
    [backend],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(() => !controller.signal.aborted);
    backend.onSettingsChanged(setSettings, controller.signal);
    return () => controller.abort();
  }, [backend, load]);
  // Try again was pressed and has gone with its message: focus goes to the section's heading, not the page body.
  useEffect(() => {
    if (loadFailed || !refocus.current) return;
    refocus.current = false;
    document.querySelector<HTMLElement>('main h2')?.focus();
  }, [loadFailed, settings]);

  /** Why the last change of a setting was not saved; cleared by the next change that is. */
  const [saveFailed, setSaveFailed] = useState(false);

  const update = useCallback(
    (change: (s: Settings) => Settings) => {
      setSettings((s) => (s ? change(s) : s));
      backend.updateSettings(change).then(
        (saved) => {
          setSettings(saved);
          setSaveFailed(false);
        },
        // Not saved: show the settings in effect again (the change was drawn at once) and say so.
        () => {
          setSaveFailed(true);
          backend.loadSettings().then(setSettings, () => undefined);
        },
      );
    },
    [backend],
  );
  const onDataChanged = useCallback(() => setDataVersion((v) => v + 1), []);

  return (
    <BackendContext.Provider value={backend}>
      <header class="top">
        {/* Sections have h2 titles; the product name is the page's one h1 so heading navigation starts here. */}
        <h1 class="brand">
          <img src="../icons/icon-32.png" alt="" width={24} height={24} />
          <span>{t('extName')}</span>
        </h1>
        <nav aria-label={t('optNavLabel')}>
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} aria-current={route.section === s.id ? 'page' : undefined} onClick={(e) => (e.preventDefault(), go({ section: s.id }))}>
                  {t(s.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main">
        {loadFailed && (
          <div class="notice bad save-failed" role="alert">
            <p>{t('optSettingsLoadFailed')}</p>
            {loadFailures > 1 && <p>{t('optSettingsLoadFailedAgain', String(loadFailures))}</p>}
            <button
              type="button"
              class="button"
              onClick={() => {
                refocus.current = true;
                void load();
              }}
            >
              {t('retry')}
            </button>
          </div>
        )}
        {route.section === 'data' && (
          <>
            <ImportPanel settings={settings} dataVersion={dataVersion} onDataChanged={onDataChanged} />
            <ExportPanel onDataChanged={onDataChanged} />
            <DeletedPanel onDataChanged={onDataChanged} />
          </>
        )}
        {route.section === 'settings' && saveFailed && (
          <p class="notice bad save-failed" role="alert">
            {t('optSettingsSaveFailed')}
          </p>
        )}
        {route.section === 'settings' && (settings ? <SettingsPanel settings={settings} update={update} dataVersion={dataVersion} /> : !loadFailed && <p class="muted">{t('optLoading')}</p>)}
        {route.section === 'explorer' && (
          <ExplorerPanel settings={settings} dataVersion={dataVersion} selected={route.entity} onSelect={(id) => go({ section: 'explorer', entity: id })} />
        )}
      </main>
    </BackendContext.Provider>
  );
}
