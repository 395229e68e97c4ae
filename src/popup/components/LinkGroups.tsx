/** The entity's links grouped by relation (and direction), strongest group first. */
import type { Claim } from '../../core/model/link';
import type { LinkView } from '../../core/db/repository';
import type { Settings } from '../../core/settings';
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
}

export function groupLinks(links: LinkView[]): { key: string; views: LinkView[] }[] {
  const groups = new Map<string, LinkView[]>();
  // links arrive strongest first, so groups and rows keep that order.
  for (const v of links) {
    const key = `${v.direction}:${v.link.relation}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return [...groups].map(([key, views]) => ({ key, views }));
}

export function LinkGroups(props: LinkGroupsProps) {
  return (
    <div class="link-groups">
      {groupLinks(props.links).map(({ key, views }) => {
        const first = views[0]!;
        const headingId = `rel-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
        return (
          <section key={key} class="link-group" aria-labelledby={headingId}>
            <h3 id={headingId} class="relation-title">
              {relationPhrase(first.link.relation, first.direction)}
            </h3>
            <ul class="links">
              {views.map((v) => (
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
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
