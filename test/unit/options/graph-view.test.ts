/** Which part of a hub's neighbourhood the link graph draws first, and where (src/options/explorer/graph-view.ts). */
import { describe, expect, it } from 'vitest';
import { centerLabel, CENTER_MAX_W, extent, firstView, fontScale, labelBox, labelWidth, LABEL_MAX_W, MIN_LEGIBLE_ZOOM, MIN_NODES, nodeLabel, radialLayout, rankNodes, viewLabel, visibleGraph, type Point } from '../../../src/options/explorer/graph-view';
import type { GraphEdge, GraphNode, Neighborhood } from '../../../src/options/explorer/neighborhood';

const node = (id: string, depth: number, kind: GraphNode['kind'] = 'malware'): GraphNode => ({ id, name: id, kind, depth });
const edge = (from: string, to: string, confidence?: number, status: GraphEdge['status'] = 'active'): GraphEdge => ({ id: `${from}>${to}`, from, to, relation: 'uses', status, confidence });

/** A hub like Lazarus Group with the public feeds: 35 direct links, 47 more entities behind them. */
function hub(): Neighborhood {
  const nodes = [node('Hub', 0, 'actor')];
  const edges: GraphEdge[] = [];
  for (let i = 0; i < 35; i++) {
    const id = `Direct ${String(i).padStart(2, '0')}${i % 5 === 0 ? ' Operation Name' : ''}`;
    nodes.push(node(id, 1));
    edges.push(edge('Hub', id, i === 7 ? 95 : i === 30 ? undefined : 50));
  }
  for (let i = 0; i < 47; i++) {
    const id = `Outer ${i}`;
    nodes.push(node(id, 2, 'tool'));
    edges.push(edge(nodes[1 + (i % 5)]!.id, id, 60));
  }
  return { center: 'Hub', nodes, edges, truncated: false };
}

/** A hub like APT29 with the public feeds: 52 direct links of short names, most with links of their own left out. */
function hubOfTools(): Neighborhood {
  const names = ['Cobalt Strike', 'WellMess', 'HALFRIG', 'QUARTERRIG', 'GraphicalNeutrino', 'AdFind', 'FoggyWeb', 'EnvyScout', 'CozyCar', 'CosmicDuke', 'CloudDuke', 'BoomBox', 'BloodHound', 'AADInternals', 'FatDuke', 'HAMMERTOSS', 'Net'];
  const nodes = [node('Hub', 0, 'actor')];
  const edges: GraphEdge[] = [];
  for (let i = 0; i < 52; i++) {
    const id = names[i] ?? `Tool ${i}`;
    nodes.push(node(id, 1, i % 3 ? 'malware' : 'tool'));
    edges.push(edge('Hub', id, i < 2 ? 77 : i < 5 ? 42 : undefined));
    for (let j = 0; j < (i % 4) * 3; j++) {
      nodes.push(node(`${id} partner ${j}`, 2));
      edges.push(edge(id, `${id} partner ${j}`, 50));
    }
  }
  return { center: 'Hub', nodes, edges, truncated: false };
}

/** The boxes labels take (graph units), as graph-style.ts places them. */
function labelBoxes(view: ReturnType<typeof visibleGraph>, at: Map<string, Point>) {
  return view.nodes.map((n) => {
    const p = at.get(n.id)!;
    const w = labelWidth(nodeLabel(n.name, view.hidden.get(n.id)));
    const r = n.id === 'Hub' ? 17 : 9;
    const side = p.label ?? 'bottom';
    const [x1, y1] = side === 'left' ? [p.x - r - 4 - w, p.y - 9] : side === 'right' ? [p.x + r + 4, p.y - 9] : side === 'top' ? [p.x - w / 2, p.y - r - 4 - 16] : [p.x - w / 2, p.y + r + 4];
    return { id: n.id, x1, y1, x2: x1 + w, y2: y1 + 16 };
  });
}

describe('graph view around a hub', () => {
  it('reveals the entity, then its direct links strongest first, then the second ring', () => {
    const ranked = rankNodes(hub()).map((n) => n.id);
    expect(ranked[0]).toBe('Hub');
    expect(ranked[1]).toBe('Direct 07'); // the strongest link
    expect(ranked.slice(1, 36).every((id) => id.startsWith('Direct'))).toBe(true);
    expect(ranked[35]).toMatch(/^Direct 30/); // unspecified confidence: last of the direct links
    expect(ranked.slice(36).every((id) => id.startsWith('Outer'))).toBe(true);
  });

  it('counts, on each drawn node, the neighbours left out', () => {
    const view = visibleGraph(hub(), 10);
    expect(view.nodes).toHaveLength(10);
    expect(view.total).toBe(83);
    expect(view.hidden.get('Hub')).toBe(26);
    const shown = new Set(view.nodes.map((n) => n.id));
    for (const e of view.edges) expect(shown.has(e.from) && shown.has(e.to)).toBe(true);
    expect(nodeLabel('Hub', view.hidden.get('Hub'))).toBe('Hub +26');
    expect(nodeLabel('Direct 07', view.hidden.get('Direct 07'))).toBe('Direct 07');
  });

  it('draws as many as fit the box with labels at 11 px or more, and no two labels meet', () => {
    for (const [width, height] of [
      [656, 640], // 1100 × 900 window
      [1000, 640],
      [440, 320], // 200 % zoom
    ] as const) {
      const { view, at } = firstView(hub(), width, height);
      expect(view.nodes.length).toBeGreaterThanOrEqual(MIN_NODES);
      expect(view.nodes.length).toBeLessThan(83);
      const { halfWidth, halfHeight } = extent(view, at);
      if (view.nodes.length > MIN_NODES) {
        expect(2 * halfWidth * MIN_LEGIBLE_ZOOM).toBeLessThanOrEqual(width);
        expect(2 * halfHeight * MIN_LEGIBLE_ZOOM).toBeLessThanOrEqual(height);
      }
      const boxes = labelBoxes(view, at);
      const meets = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).map((b) => `${a.id} / ${b.id}`));
      expect(meets, `${width}×${height}`).toEqual([]);
    }
    // A bigger box draws more.
    expect(firstView(hub(), 1000, 640).view.nodes.length).toBeGreaterThan(firstView(hub(), 440, 320).view.nodes.length);
  });

  it('puts every node of a whole neighbourhood somewhere, the second ring outside the first', () => {
    const graph = hub();
    const view = visibleGraph(graph, graph.nodes.length);
    const at = radialLayout(view, 'Hub');
    expect(at.size).toBe(83);
    const dist = (id: string) => Math.hypot(at.get(id)!.x, at.get(id)!.y);
    const inner = Math.max(...view.nodes.filter((n) => n.depth === 1).map((n) => dist(n.id)));
    const outer = Math.min(...view.nodes.filter((n) => n.depth === 2).map((n) => dist(n.id)));
    expect(outer).toBeGreaterThan(inner);
  });
});

describe('nodes and labels', () => {
  it('draws no node over another node\'s label', () => {
    const problems: string[] = [];
    for (const [width, height] of [
      [656, 640],
      [540, 640],
      [1000, 640],
      [440, 320],
    ] as const) {
      for (const graph of [hub(), hubOfTools()]) {
        const { view, at } = firstView(graph, width, height);
        for (const n of view.nodes) {
          const box = labelBox(viewLabel(view, n, graph.center), at.get(n.id)!, n.id === graph.center);
          for (const m of view.nodes) {
            if (m === n) continue;
            const p = at.get(m.id)!;
            const r = m.id === graph.center ? 17 : 9;
            if (p.x + r > box.x1 && p.x - r < box.x2 && p.y + r > box.y1 && p.y - r < box.y2) problems.push(`${width}×${height}: ${m.id} on the label of ${n.id}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('a label with "+N"', () => {
  it('cuts a long name rather than its count', () => {
    const label = nodeLabel('CryptoMix-Backup-Variant-Extended', 14);
    expect(label).toMatch(/^CryptoMix-Back.*… \+14$/);
    expect(labelWidth(label)).toBeLessThanOrEqual(LABEL_MAX_W);
    expect(nodeLabel('TrickBot', 3)).toBe('TrickBot +3');
    expect(nodeLabel('Operation Sharpshooter Extended Cluster', 0)).toBe('Operation Sharpshooter Extended Cluster');
  });
});

describe("the centre's label", () => {
  it('keeps its "+N": room for the bold name and count, and the count on a line of its own after a long name', () => {
    // Bold and larger, the centre's "Lazarus Group +10" is wider than the 150 units other labels are cut at.
    expect(labelWidth('Lazarus Group +10', true)).toBeGreaterThan(LABEL_MAX_W);
    expect(labelWidth('Lazarus Group +10', true)).toBeLessThan(CENTER_MAX_W);
    expect(centerLabel('Lazarus Group', 10)).toBe('Lazarus Group +10');
    const long = 'Operation Ghost Secret Infrastructure Cluster';
    expect(centerLabel(long, 26)).toBe(`${long}\n+26`);
    expect(centerLabel(long, 0)).toBe(long);
  });

  it('is laid out with the room it takes: no other label meets a two-line centre label', () => {
    const graph = hub();
    const long = 'Operation Ghost Secret Infrastructure Cluster';
    const renamed = { ...graph, nodes: graph.nodes.map((n) => (n.id === 'Hub' ? { ...n, name: long } : n)) };
    const { view, at } = firstView(renamed, 656, 640);
    const centre = view.nodes.find((n) => n.id === 'Hub')!;
    expect(viewLabel(view, centre, 'Hub')).toMatch(/\n\+\d+$/);
    const boxes = view.nodes.map((n) => ({ id: n.id, ...labelBox(viewLabel(view, n, 'Hub'), at.get(n.id)!, n.id === 'Hub') }));
    const own = boxes.find((b) => b.id === 'Hub')!;
    expect(own.y2 - own.y1).toBeGreaterThanOrEqual(2 * 16);
    expect(boxes.filter((b) => b.id !== 'Hub' && b.x1 < own.x2 && own.x1 < b.x2 && b.y1 < own.y2 && own.y1 < b.y2).map((b) => b.id)).toEqual([]);
  });
});

describe('fontScale', () => {
  it('is the root font size over the default 16 px, and 1 when the size cannot be read', () => {
    expect(fontScale(16)).toBe(1);
    expect(fontScale(24)).toBe(1.5);
    expect(fontScale(Number.NaN)).toBe(1);
    expect(fontScale(0)).toBe(1);
  });
});
