/** The popup: who is on this page, and for one entity, its links with confidence and sources. */
import { useEffect, useState } from 'preact/hooks';
import type { Entity, EntityKind } from '../core/model/entity';
import type { LinkView } from '../core/db/repository';
import type { SpottedEntity, SpottedReport } from '../core/protocol';
import { siteOf, isEnabledFor, type Settings } from '../core/settings';
import { t, type MessageKey } from '../platform/i18n';
import { ConfidenceMeter } from '../ui/ConfidenceMeter';
import type { PopupBackend, TabInfo } from './backend';

const KIND_ORDER: EntityKind[] = ['actor', 'ransomware', 'malware', 'tool'];
const word = (key: string) => t(`confidence_${key}` as MessageKey);

export function App({ backend }: { backend: PopupBackend }) {
  const [tab, setTab] = useState<TabInfo>({});
  const [report, setReport] = useState<SpottedReport | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings>();
  const [selected, setSelected] = useState<string>();

  useEffect(() => {
    void (async () => {
      const info = await backend.tab();
      setTab(info);
      setSettings(await backend.settings());
      setReport(info.id === undefined ? null : await backend.spotted(info.id));
    })();
  }, [backend]);

  if (selected) return <EntityView backend={backend} id={selected} onBack={() => setSelected(undefined)} onOpen={setSelected} scale={settings?.scale} />;

  const site = tab.url ? siteOf(tab.url) : '';
  return (
    <main class="popup">
      <header class="bar">
        <h1>{t('extName')}</h1>
        {site && settings && (
          <label class="switch">
            <input
              type="checkbox"
              checked={isEnabledFor(settings, tab.url!)}
              onChange={async () => setSettings(await backend.toggleSite(tab.url!))}
            />
            {t('popupSiteOn', site)}
          </label>
        )}
      </header>
      <section aria-labelledby="on-page">
        <h2 id="on-page">{t('popupOnThisPage')}</h2>
        <SpottedList report={report} onOpen={setSelected} />
      </section>
      <footer class="bar">
        <button type="button" class="link" onClick={() => backend.openOptions()}>
          {t('popupOptions')}
        </button>
      </footer>
    </main>
  );
}

function SpottedList({ report, onOpen }: { report: SpottedReport | null | undefined; onOpen: (id: string) => void }) {
  if (report === undefined) return <p class="muted">{t('popupScanning')}</p>;
  if (report === null) return <p class="muted">{t('popupNoAccess')}</p>;
  const byEntity = new Map<string, { e: SpottedEntity; count: number; surfaces: Set<string> }>();
  for (const m of report.matches) {
    const key = m.entityId ?? `?${m.name}`;
    const entry = byEntity.get(key) ?? { e: m, count: 0, surfaces: new Set<string>() };
    entry.count += m.count;
    entry.surfaces.add(m.text);
    byEntity.set(key, entry);
  }
  if (!byEntity.size) return <p class="muted">{report.done ? t('popupNothingSpotted') : t('popupScanning')}</p>;
  const entries = [...byEntity.values()].sort((a, b) => b.count - a.count);
  return (
    <div>
      {[...KIND_ORDER, undefined].map((kind) => {
        const group = entries.filter((x) => (kind ? x.e.entityId && x.e.kind === kind : !x.e.entityId));
        if (!group.length) return null;
        return (
          <div key={kind ?? 'possible'} class="group">
            <h3 class={`kind kind-${kind ?? 'possible'}`}>{t(`kind_${kind ?? 'possible'}` as MessageKey)}</h3>
            <ul class="spotted">
              {group.map(({ e, count, surfaces }) => (
                <li key={e.entityId ?? e.name}>
                  {e.entityId ? (
                    <button type="button" class="entity" onClick={() => onOpen(e.entityId!)}>
                      <span class="name">{e.name}</span>
                      <span class="surfaces">{[...surfaces].filter((s) => s !== e.name).join(', ')}</span>
                      <span class="count">{count}</span>
                    </button>
                  ) : (
                    <span class="entity possible">
                      <span class="name">{e.name}</span>
                      <span class="count">{count}</span>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}

function EntityView(props: { backend: PopupBackend; id: string; onBack: () => void; onOpen: (id: string) => void; scale?: Settings['scale'] | undefined }) {
  const { backend, id } = props;
  const [entity, setEntity] = useState<Entity>();
  const [links, setLinks] = useState<LinkView[]>([]);
  const [open, setOpen] = useState<string>();
  useEffect(() => {
    void (async () => {
      setEntity(await backend.entity(id));
      setLinks(await backend.links(id));
    })();
  }, [backend, id]);
  if (!entity) return <main class="popup" />;
  return (
    <main class="popup entity-view">
      <header class="bar">
        <button type="button" class="link" onClick={props.onBack}>
          ← {t('popupBack')}
        </button>
      </header>
      <h1 class="entity-name">{entity.name}</h1>
      <p class={`kind kind-${entity.kind}`}>{t(`kind_${entity.kind}` as MessageKey)}</p>
      {entity.aliases.length > 0 && <p class="aliases">{entity.aliases.map((a) => a.name).join(' · ')}</p>}
      {entity.description && <p class="description">{entity.description}</p>}
      <h2>{t('popupLinks')}</h2>
      {!links.length && <p class="muted">{t('popupNoLinks')}</p>}
      <ul class="links">
        {links.map((v) => (
          <li key={v.link.id} class={`link-row status-${v.derived.status}`}>
            <button type="button" class="link-head" aria-expanded={open === v.link.id} onClick={() => setOpen(open === v.link.id ? undefined : v.link.id)}>
              <span class="relation">
                {v.direction === 'out' ? entity.name : v.other.name} {t(`relation_${v.link.relation.replace(/-/g, '_')}` as MessageKey)}{' '}
                {v.direction === 'out' ? v.other.name : entity.name}
              </span>
              <ConfidenceMeter value={v.derived.confidence} word={word} scale={props.scale ?? 'both'} />
              <span class="status">{t(`status_${v.derived.status}` as MessageKey)}</span>
              <span class="sources-count">{v.claims.length} {t('popupSources').toLowerCase()}</span>
            </button>
            {open === v.link.id && (
              <ul class="sources">
                {v.claims.map((c) => (
                  <li key={c.id} class={`stance-${c.stance}`}>
                    <div>
                      <strong>{c.source.publisher ?? ''}</strong> {c.source.date ?? ''} · {t(`stance_${c.stance}` as MessageKey)}
                      {c.source.reliability ? ` · ${c.source.reliability}` : ''}
                    </div>
                    {c.source.url ? (
                      <a href={c.source.url} target="_blank" rel="noreferrer noopener">
                        {c.source.title}
                      </a>
                    ) : (
                      <span>{c.source.title}</span>
                    )}
                    {c.quote && <blockquote>{c.quote.exact}</blockquote>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}
