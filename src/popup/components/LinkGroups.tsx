/** The entity's links grouped by relation (and direction), strongest group first. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Claim } from '../../core/model/link';
import type { LinkView } from '../../core/db/repository';
import type { Settings } from '../../core/settings';
import { t } from '../../platform/i18n';
import { relationPhrase } from '../lib/format';
import { LinkRow } from './LinkRow';

export interface LinkGroupsProps {
  entityName: string;
  links: LinkView[];
  openLink: string | undefined;
  scale: Settings['scale'];
  onToggle: (linkId: string) => void;
  onOpenEntity: (id: string) => void;
  onEditClaim: (claim: Claim, view: LinkView) => void;
  onDeleteClaim: (claim: Claim) => void;
  /** Ids of the entities named on the reader's page: their links are marked and listed first within their status. */
  onPage?: ReadonlySet<string> | undefined;
}

const STATUS_RANK: Record<string, number> = { active: 0, disputed: 1, historical: 2, refuted: 3 };

/**
 * Groups by relation and direction. Within a group: current links first, then historical, refuted last (shown,
 * never hidden); within a status, links to entities also on the reader's page first (what an analyst reading a
 * report asks: which of these does this article connect?), then by confidence. Groups follow their first row.
 */
export function groupLinks(links: LinkView[], onPage: ReadonlySet<string> = new Set()): { key: string; views: LinkView[] }[] {
  const here = (v: LinkView) => (onPage.has(v.other.id) ? 0 : 1);
  const sorted = [...links].sort(
    (a, b) =>
      (STATUS_RANK[a.derived.status] ?? 0) - (STATUS_RANK[b.derived.status] ?? 0) ||
      here(a) - here(b) ||
      (b.derived.confidence ?? -1) - (a.derived.confidence ?? -1),
  );
  const groups = new Map<string, LinkView[]>();
  for (const v of sorted) {
    const key = `${v.direction}:${v.link.relation}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return [...groups].map(([key, views]) => ({ key, views }));
}

/** Rows shown per group before "Show all": a hub entity can have hundreds of links. */
export const ROWS_PER_GROUP = 8;

export function LinkGroups(props: LinkGroupsProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const root = useRef<HTMLDivElement>(null);
  const justExpanded = useRef<string | undefined>(undefined);
  // The "Show all" button goes away when pressed: focus moves to the first link it revealed, not to the page.
  useEffect(() => {
    const key = justExpanded.current;
    justExpanded.current = undefined;
    if (key) root.current?.querySelectorAll<HTMLElement>(`[data-group="${key.replace(/["\\]/g, '\\$&')}"] .links > li`)[ROWS_PER_GROUP]?.querySelector<HTMLElement>('.link-head')?.focus();
  }, [expanded]);
  return (
    <div class="link-groups" ref={root}>
      {groupLinks(props.links, props.onPage).map(({ key, views }) => {
        const first = views[0]!;
        const headingId = `rel-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
        return (
          <section key={key} class="link-group" aria-labelledby={headingId} data-group={key}>
            <h3 id={headingId} class="relation-title">
              {relationPhrase(first.link.relation, first.direction)}
            </h3>
            <ul class="links">
              {(expanded.has(key) ? views : views.slice(0, ROWS_PER_GROUP)).map((v) => (
                <LinkRow
                  key={v.link.id}
                  view={v}
                  entityName={props.entityName}
                  open={props.openLink === v.link.id}
                  scale={props.scale}
                  onToggle={() => props.onToggle(v.link.id)}
                  onOpenEntity={props.onOpenEntity}
                  onEditClaim={props.onEditClaim}
                  onDeleteClaim={props.onDeleteClaim}
                  onPage={props.onPage?.has(v.other.id)}
                />
              ))}
            </ul>
            {views.length > ROWS_PER_GROUP && !expanded.has(key) && (
              <button
                type="button"
                class="text-button show-more"
                aria-describedby={headingId}
                onClick={() => {
                  justExpanded.current = key;
                  setExpanded(new Set([...expanded, key]));
                }}
              >
                {t('popupShowAllLinks', String(views.length))}
              </button>
            )}
          </section>
        );
      })}
    </div>
  );
}
