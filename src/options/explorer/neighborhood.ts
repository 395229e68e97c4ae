/**
 * The part of the link graph around one entity: breadth-first over links, up to `maxNodes` entities and
 * `maxDepth` hops, strongest links first so the most useful neighbours make the cut.
 */
import type { Repository } from '../../core/db/repository';
import type { EntityKind } from '../../core/model/entity';
import type { LinkStatus, Relation } from '../../core/model/link';

export interface GraphNode {
  id: string;
  name: string;
  kind: EntityKind;
  depth: number;
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  relation: Relation;
  status: LinkStatus;
  /** Derived confidence 0–100; undefined = unspecified. */
  confidence: number | undefined;
}

export interface Neighborhood {
  center: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when the cut-off left entities out. */
  truncated: boolean;
}

export async function buildNeighborhood(repo: Repository, center: string, options: { maxNodes?: number; maxDepth?: number } = {}): Promise<Neighborhood | undefined> {
  const maxNodes = options.maxNodes ?? 200;
  const maxDepth = options.maxDepth ?? 2;
  const root = await repo.entity(center);
  if (!root) return undefined;
  const nodes = new Map<string, GraphNode>([[root.id, { id: root.id, name: root.name, kind: root.kind, depth: 0 }]]);
  const edges = new Map<string, GraphEdge>();
  let frontier = [root.id];
  let truncated = false;
  for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const view of await repo.linksOf(id)) {
        const other = view.other;
        if (!nodes.has(other.id)) {
          if (nodes.size >= maxNodes) {
            truncated = true;
            continue;
          }
          nodes.set(other.id, { id: other.id, name: other.name, kind: other.kind, depth });
          next.push(other.id);
        }
        edges.set(view.link.id, {
          id: view.link.id,
          from: view.link.from,
          to: view.link.to,
          relation: view.link.relation,
          status: view.derived.status,
          confidence: view.derived.confidence,
        });
      }
    }
    frontier = next;
  }
  // Links among the last ring were not walked: keep only edges whose both ends are drawn.
  const kept = [...edges.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to));
  return { center, nodes: [...nodes.values()], edges: kept, truncated };
}
