/** Side panel with everything known about one entity: names, origin, sources, links, local history. */
import { liveQuery } from 'dexie';
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LinkView } from '../../core/db/repository';
import { openableUrl } from '../../core/model/address';
import { seenOutOfOrder, type Entity } from '../../core/model/entity';
import type { Settings } from '../../core/settings';
import { t, type MessageKey } from '../../platform/i18n';
import { ConfidenceMeter } from '../../ui/ConfidenceMeter';
import { countryName } from '../../ui/country';
import { useBackend } from '../backend';
import { MONTH_MS, pagesSeenSince, recentPages } from '../../core/db/sightings';
import { sourceLabel } from '../explorer/source-label';
import { confidenceWord } from './ScaleChoice';

export interface EntityDetailProps {
  id: string;
  settings: Settings | undefined;
  dataVersion: number;
  onOpen: (id: string) => void;
}

export function EntityDetail({ id, settings, dataVersion, onOpen }: EntityDetailProps) {
  const backend = useBackend();
  const [entity, setEntity] = useState<Entity | null>();
  const [links, setLinks] = useState<LinkView[]>([]);
  const [seen, setSeen] = useState<{ month: number; pages: { url: string; title: string; at: string }[] }>();
  const history = settings?.history ?? false;
  const title = useRef<HTMLHeadingElement>(null);
  // Following a link of this panel replaces the panel's contents: focus goes to the new entity's name (announced,
  // and Tab goes on from there), not to whichever button of the new list took the old one's place.
  const focusTitle = useRef(false);
  useEffect(() => {
    if (!entity || entity.id !== id || !focusTitle.current) return;
    focusTitle.current = false;
    title.current?.focus();
  }, [entity, id]);

  useEffect(() => {
    let live = true;
    let watching: { unsubscribe(): void } | undefined;
    // A page opened on an entity while a fresh profile is still being seeded would find none, and say so for good.
    void backend.ready.then(() => {
      if (!live) return;
      // Followed live (Dexie tells every context of the extension of a committed change): a claim recorded in the
      // popup, or an import in another tab, shows here without reopening the entity.
      watching = liveQuery(() => Promise.all([backend.repo.entity(id), backend.repo.linksOf(id)])).subscribe({
        next: ([e, l]) => {
          if (!live) return;
          setEntity(e ?? null);
          setLinks(l);
        },
        error: () => undefined,
      });
    });
    return () => {
      live = false;
      watching?.unsubscribe();
    };
  }, [backend, id]);

  useEffect(() => {
    let live = true;
    void (async () => {
      await backend.ready;
      if (!history) {
        if (live) setSeen(undefined);
        return;
      }
      const since = new Date(backend.now().getTime() - MONTH_MS);
      const [month, pages] = await Promise.all([pagesSeenSince(backend.repo, id, since), recentPages(backend.repo, id)]);
      if (live) setSeen({ month, pages });
    })();
    return () => {
      live = false;
    };
  }, [backend, id, dataVersion, history]);

  if (entity === undefined) return <aside class="detail card" aria-busy="true" />;
  if (entity === null)
    return (
      <aside class="detail card">
        <p class="muted">{t('optEntityMissing')}</p>
      </aside>
    );
  const attack = entity.externalIds?.attack ?? [];
  return (
    <aside class="detail card" aria-labelledby="detail-title">
      <p class={`kind-label kind-${entity.kind}`}>{t(`kind_${entity.kind}`)}</p>
      <h3 id="detail-title" ref={title} tabIndex={-1}>
        {entity.name}
      </h3>
      <dl class="facts">
        {entity.country && (
          <>
            <dt>{t('optColCountry')}</dt>
            <dd>{countryName(entity.country)}</dd>
          </>
        )}
        {entity.motivation && (
          <>
            <dt>{t('optMotivation')}</dt>
            <dd>{entity.motivation}</dd>
          </>
        )}
        {(entity.firstSeen || entity.lastSeen) && (
          <>
            <dt>{t('optActive')}</dt>
            {/* A dash between dates reads as a range: one that ends before it starts is said as it is instead. */}
            <dd>
              {seenOutOfOrder(entity.firstSeen, entity.lastSeen)
                ? t('optActiveOutOfOrder', [entity.firstSeen!, entity.lastSeen!])
                : `${entity.firstSeen ?? '?'} – ${entity.lastSeen ?? ''}`}
            </dd>
          </>
        )}
        <dt>{t('optSources')}</dt>
        <dd>{entity.provenance.map(sourceLabel).join(', ')}</dd>
        {attack.length > 0 && (
          <>
            <dt>{t('optAttackIds')}</dt>
            <dd>
              {attack.map((a, i) => (
                <Fragment key={a}>
                  {i > 0 && ', '}
                  <a href={`https://attack.mitre.org/${a.startsWith('G') ? 'groups' : a.startsWith('C') ? 'campaigns' : 'software'}/${a}/`} target="_blank" rel="noreferrer noopener">
                    {a}
                  </a>
                </Fragment>
              ))}
            </dd>
          </>
        )}
      </dl>
      {entity.aliases.length > 0 && (
        <>
          <h4>{t('optAliases', String(entity.aliases.length))}</h4>
          <ul class="aliases">
            {entity.aliases.map((a) => (
              <li key={a.name}>
                {a.name}
                {a.usedBy && <span class="muted small"> ({a.usedBy})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {entity.description && (
        <p class="description" dir="auto">
          {entity.description}
        </p>
      )}
      {history && seen && (
        <section aria-labelledby="seen-title">
          <h4 id="seen-title">{t('optSeenTitle')}</h4>
          <p data-testid="seen-month">{t('optSeenMonth', String(seen.month))}</p>
          <ul class="seen-pages">
            {seen.pages.map((p) => (
              <li key={p.url}>
                {openableUrl(p.url) ? (
                  <a href={p.url} target="_blank" rel="noreferrer noopener">
                    {p.title || p.url}
                  </a>
                ) : (
                  <span>{p.title || p.url}</span>
                )}
                <span class="muted small"> · {new Date(p.at).toLocaleDateString()}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h4>{t('optLinksTitle', String(links.length))}</h4>
      {links.length ? (
        <ul class="detail-links">
          {links.map((v) => (
            <li key={v.link.id} class={`status-${v.derived.status}`}>
              <button
                type="button"
                class="entity-link"
                onClick={() => {
                  focusTitle.current = true;
                  onOpen(v.other.id);
                }}
              >
                <span class="relation">
                  {v.direction === 'out'
                    ? t('optLinkOut', [t(`relation_${v.link.relation.replace(/-/g, '_')}` as MessageKey), v.other.name])
                    : t('optLinkIn', [v.other.name, t(`relation_${v.link.relation.replace(/-/g, '_')}` as MessageKey)])}
                </span>
              </button>
              <span class="link-meta small">
                {v.derived.status !== 'active' && <span class="status">{t(`status_${v.derived.status}`)}</span>}
                <ConfidenceMeter value={v.derived.confidence} word={confidenceWord} scale={settings?.scale ?? 'both'} />
                <span class="muted">{v.claims.length === 1 ? t('popupSourceCountOne') : t('optClaims', String(v.claims.length))}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">{t('optNoLinks')}</p>
      )}
    </aside>
  );
}
