/** One entity: who it is, its links grouped by relation with evidence, and two-hop pivots. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Entity } from '../../core/model/entity';
import type { Claim } from '../../core/model/link';
import type { LinkView, Pivot } from '../../core/db/repository';
import type { Settings } from '../../core/settings';
import { t } from '../../platform/i18n';
import type { PopupBackend } from '../backend';
import { EntityHeader } from '../components/EntityHeader';
import { Icon } from '../components/Icon';
import { LinkGroups } from '../components/LinkGroups';
import { PivotList } from '../components/PivotList';
import { TopBar } from '../components/TopBar';
import { counted } from '../lib/format';

export interface EntityViewProps {
  backend: Pick<PopupBackend, 'entity' | 'links' | 'pivots'>;
  id: string;
  scale: Settings['scale'];
  /** Bumped by the app after a claim is saved, edited, deleted or restored, to reload. */
  revision: number;
  /** A link to show opened (e.g. the one a claim was just added to). */
  initialOpen?: string | undefined;
  canRecord: boolean;
  onBack: () => void;
  onOptions: () => void;
  /** Status line (saved, deleted + undo), shown under the header. */
  banner?: ComponentChildren;
  onOpen: (id: string) => void;
  onRecord: (entity: Entity) => void;
  onEditClaim: (claim: Claim, view: LinkView, entity: Entity) => void;
  onDeleteClaim: (claim: Claim) => void;
  /** Ids of the known entities named on the reader's page, to mark the links that lead to them. */
  onPage?: ReadonlySet<string> | undefined;
}

export function EntityView(props: EntityViewProps) {
  const { backend, id } = props;
  const [entity, setEntity] = useState<Entity | null>();
  const [links, setLinks] = useState<LinkView[]>();
  const [pivots, setPivots] = useState<Pivot[]>([]);
  const [open, setOpen] = useState(props.initialOpen);

  useEffect(() => {
    let live = true;
    void (async () => {
      const [e, l] = await Promise.all([backend.entity(id), backend.links(id)]);
      if (!live) return;
      setEntity(e ?? null);
      setLinks(l);
      // Pivots walk two hops: fetched after the first paint of the links.
      const p = await backend.pivots(id);
      if (live) setPivots(p);
    })();
    return () => {
      live = false;
    };
  }, [backend, id, props.revision]);

  // Counted as the rows marked below: two links to one entity on the page are two marked rows.
  const linksHere = (links ?? []).filter((l) => props.onPage?.has(l.other.id)).length;

  return (
    <main class="view entity-view" aria-busy={entity === undefined}>
      <TopBar onBack={props.onBack} onOptions={props.onOptions} />
      {props.banner}
      {entity === null && <p class="muted pad">{t('popupUnknownEntity')}</p>}
      {entity && (
        <>
          <EntityHeader entity={entity} />
          <section class="links-section" aria-labelledby="links-heading">
            <h2 id="links-heading" class="section-title">
              {t('popupLinks')}
              {links && links.length > 0 && <span class="group-count">{links.length}</span>}
            </h2>
            {links && !links.length && <p class="muted pad">{t('popupNoLinks')}</p>}
            {linksHere > 0 && <p class="hint on-page-summary">{counted(linksHere, 'popupLinksOnPageOne', 'popupLinksOnPage')}</p>}
            {links && (
              <LinkGroups
                entityName={entity.name}
                links={links}
                openLink={open}
                scale={props.scale}
                onToggle={(linkId) => setOpen(open === linkId ? undefined : linkId)}
                onOpenEntity={props.onOpen}
                onEditClaim={(claim, view) => props.onEditClaim(claim, view, entity)}
                onDeleteClaim={props.onDeleteClaim}
                onPage={props.onPage}
              />
            )}
          </section>
          <PivotList pivots={pivots} scale={props.scale} onOpen={props.onOpen} onPage={props.onPage} />
          {props.canRecord && (
            <div class="record-cta">
              <button type="button" class="button secondary wide" onClick={() => props.onRecord(entity)}>
                <Icon name="plus" />
                {t('popupRecordAbout', entity.name)}
              </button>
            </div>
          )}
        </>
      )}
    </main>
  );
}
