/**
 * Which part of a neighbourhood the graph draws. Around a hub (Lazarus Group with the public feeds: 83 entities,
 * 99 links) every label drawn at once shrank to a few pixels when the graph was fitted into its box. So the graph
 * draws the entity, then its direct links (strongest first), then the second ring (entities linked to more of those
 * drawn first, then the strongest), up to a number of nodes that fits the box; a drawn node whose other links are
 * left out says how many with "+N" after its name, and a button shows everything. The detail panel's list of links
 * stays the keyboard and screen-reader path through the same links.
 */
import type { GraphEdge, GraphNode, Neighborhood } from './neighborhood';

/** Smallest label, in CSS pixels on screen, that the graph's first view may draw. */
export const LEGIBLE_PX = 11;
/** Label sizes in graph units (rendered size = size × zoom); see graph-style.ts. */
export const LABEL_PX = { center: 15, direct: 13, outer: 12 } as const;
/** Zoom below which the smallest label falls under LEGIBLE_PX. */
export const MIN_LEGIBLE_ZOOM = LEGIBLE_PX / Math.min(LABEL_PX.center, LABEL_PX.direct, LABEL_PX.outer);

/**
 * The graph follows the browser's font-size setting like the rest of the page (1rem is 16 px at the default): the
 * sizes above are for the default, and with a larger root font the graph is drawn that much larger (zoom × scale),
 * labels, nodes and the spaces between them alike, so the layout's room for labels holds and every label of the
 * first view is at least LEGIBLE_PX × scale on screen (16.5 px with a 24 px default font).
 */
export function fontScale(rootFontPx: number): number {
  return Number.isFinite(rootFontPx) && rootFontPx > 0 ? rootFontPx / 16 : 1;
}

export interface GraphView {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Per drawn node: how many of its neighbours (in the neighbourhood) are not drawn. */
  hidden: Map<string, number>;
  /** Entities in the whole neighbourhood. */
  total: number;
}

/** A link's weight for ordering: its confidence, unspecified low, refuted and historical last. */
function strength(e: GraphEdge): number {
  const c = e.confidence ?? 20;
  return e.status === 'refuted' || e.status === 'historical' ? c - 200 : c;
}

const byName = (a: GraphNode, b: GraphNode) => a.name.localeCompare(b.name);

/** The neighbourhood's nodes in the order the graph reveals them: centre, direct links, then the second ring. */
export function rankNodes(graph: Neighborhood): GraphNode[] {
  const center = graph.nodes.find((n) => n.id === graph.center);
  if (!center) return [...graph.nodes];
  const best = new Map<string, number>();
  const direct: GraphNode[] = [];
  for (const e of graph.edges) {
    const other = e.from === graph.center ? e.to : e.to === graph.center ? e.from : undefined;
    if (other === undefined || other === graph.center) continue;
    best.set(other, Math.max(best.get(other) ?? -Infinity, strength(e)));
  }
  for (const n of graph.nodes) if (best.has(n.id)) direct.push(n);
  direct.sort((a, b) => best.get(b.id)! - best.get(a.id)! || byName(a, b));
  const rank = new Map<string, number>([[center.id, 0], ...direct.map((n, i) => [n.id, i + 1] as const)]);
  // The second ring: the entities linked to more of the drawn ones first, then by their strongest such link, then
  // by the rank of the entity they hang from (so a strong direct neighbour's own links come before a weak one's).
  const outer = new Map<string, { n: number; best: number; via: number }>();
  for (const e of graph.edges) {
    for (const [a, b] of [
      [e.from, e.to],
      [e.to, e.from],
    ] as const) {
      const via = rank.get(a);
      if (via === undefined || rank.has(b)) continue;
      const o = outer.get(b) ?? { n: 0, best: -Infinity, via: Infinity };
      outer.set(b, { n: o.n + 1, best: Math.max(o.best, strength(e)), via: Math.min(o.via, via) });
    }
  }
  const rest = graph.nodes.filter((n) => !rank.has(n.id));
  const key = (n: GraphNode) => outer.get(n.id) ?? { n: 0, best: -Infinity, via: Infinity };
  rest.sort((a, b) => key(b).n - key(a).n || key(b).best - key(a).best || key(a).via - key(b).via || byName(a, b));
  return [center, ...direct, ...rest];
}

/** The first `limit` nodes of rankNodes (at least the centre), the links among them and what each leaves out. */
export function visibleGraph(graph: Neighborhood, limit: number): GraphView {
  const nodes = rankNodes(graph).slice(0, Math.max(1, limit));
  const shown = new Set(nodes.map((n) => n.id));
  const hidden = new Map<string, number>();
  const edges: GraphEdge[] = [];
  const left = new Map<string, Set<string>>();
  for (const e of graph.edges) {
    const from = shown.has(e.from);
    const to = shown.has(e.to);
    if (from && to) edges.push(e);
    else if (from || to) {
      const [inside, outside] = from ? [e.from, e.to] : [e.to, e.from];
      const set = left.get(inside) ?? new Set<string>();
      set.add(outside);
      left.set(inside, set);
    }
  }
  for (const [id, set] of left) hidden.set(id, set.size);
  return { nodes, edges, hidden, total: graph.nodes.length };
}

/** The fewest nodes a first view is cut down to, however small its box. */
export const MIN_NODES = 8;
/** The most a first view draws. */
export const MAX_NODES = 40;

export interface Point {
  x: number;
  y: number;
  /** Where the label goes; below the node when absent. */
  label?: 'top' | 'bottom' | 'left' | 'right';
}

/**
 * A node on a ring, its label pointing along the ring's radius (up or down near the top and bottom, sideways near
 * the sides). On a staggered ring the labels of the inner circle point to the middle and those of the outer circle
 * away from it, so neighbours' labels are not side by side; on a plain ring they all point away.
 */
function place(r: number, a: number, inward: boolean, width: number): Point {
  const x = r * Math.cos(a);
  const y = r * Math.sin(a);
  const away = Math.abs(Math.sin(a)) >= 0.5 ? (y < 0 ? 'top' : 'bottom') : x < 0 ? 'left' : 'right';
  const toward = ({ top: 'bottom', bottom: 'top', left: 'right', right: 'left' } as const)[away];
  // A label pointing sideways to the middle must not reach the entity's own node and label.
  const label = inward && (toward === 'left' || toward === 'right') && width > Math.abs(x) - 80 ? 'bottom' : inward ? toward : away;
  return { x, y, label };
}

/**
 * How wide a label is drawn (graph units: LABEL_PX.direct, or the centre's bold LABEL_PX.center), where the page can
 * measure text (measureLabelsWith); else an estimate for a sans-serif face, which a wide one (DejaVu Sans, Debian's
 * default) exceeds by a tenth: its labels met in the rings, and a box's first view overflowed it.
 */
let measured: ((label: string, isCenter: boolean) => number) | undefined;
export function measureLabelsWith(measure: ((label: string, isCenter: boolean) => number) | undefined): void {
  measured = measure;
}

/** Widest label line (graph units; graph-style.ts's text-max-width): other nodes' labels are cut there with an ellipsis. */
export const LABEL_MAX_W = 150;
/**
 * The centre's label lines wrap at this width instead of being cut: cut at 150 like the others, its bold
 * "Lazarus Group +10" lost the "+10", the one count telling the reader that links are left out.
 */
export const CENTER_MAX_W = 260;

function textWidth(text: string, isCenter: boolean): number {
  // Bold 15 px is about a fifth wider than 13 px regular.
  return measured ? measured(text, isCenter) : 7.2 * text.length * (isCenter ? 1.25 : 1);
}

/**
 * Room a label takes, in graph units: its width (text-max-width: cut with an ellipsis, the centre's lines wrapped).
 */
export function labelWidth(label: string, isCenter = false): number {
  const widest = Math.max(...label.split('\n').map((line) => textWidth(line, isCenter)));
  return Math.min(isCenter ? CENTER_MAX_W : LABEL_MAX_W, widest + 6);
}

/** Lines a label is drawn on: the centre's wrap at CENTER_MAX_W (an estimate: cytoscape breaks at spaces). */
export function labelLines(label: string, isCenter = false): number {
  if (!isCenter) return 1;
  return label.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((textWidth(line, true) + 6) / CENTER_MAX_W)), 0);
}
const LABEL_H = 18;
/** Half the largest node (the centre is 34 px wide). */
const NODE_R = 17;
/** Radial distance between the two staggered circles of a ring: more than a label and its node. */
const STAGGER = 46;

/**
 * Positions for a view, in graph units: the entity in the middle; its direct links on a ring around it, every
 * other one on a slightly wider circle, so that labels side by side (at the top and bottom of the ring) are not on
 * one line; the second ring outside, each entity near the direct link it hangs from, spaced so labels do not meet.
 */
export function radialLayout(view: GraphView, center: string): Map<string, Point> {
  // The spacing above is an estimate: where two labels still meet, widen the rings a step (up to twice as wide).
  let at = ringLayout(view, center, 1);
  for (let grow = 1.1; grow <= 2 && labelsMeet(view, center, at); grow += 0.1) at = ringLayout(view, center, grow);
  return at;
}

/**
 * The box a node's label takes (graph units), as graph-style.ts draws it: 16 high a line (the centre's 19), beside
 * or above/below its node.
 */
export function labelBox(label: string, p: Point, isCenter: boolean): { x1: number; y1: number; x2: number; y2: number } {
  const w = labelWidth(label, isCenter);
  const h = isCenter ? 19 * labelLines(label, true) : 16;
  const r = isCenter ? NODE_R : 9;
  const side = p.label ?? 'bottom';
  const [x1, y1] =
    side === 'left' ? [p.x - r - 4 - w, p.y - 8] : side === 'right' ? [p.x + r + 4, p.y - 8] : side === 'top' ? [p.x - w / 2, p.y - r - 4 - h] : [p.x - w / 2, p.y + r + 4];
  return { x1, y1, x2: x1 + w, y2: y1 + h };
}

/**
 * Whether two labels meet, or a node lies on another's label (around APT29, FoggyWeb's node hid the "C" of
 * "Cobalt Strike +31": only labels were checked against each other).
 */
function labelsMeet(view: GraphView, center: string, at: Map<string, Point>): boolean {
  const boxes = view.nodes.map((n) => labelBox(viewLabel(view, n, center), at.get(n.id) ?? { x: 0, y: 0 }, n.id === center));
  const nodes = nodeBoxes(view, center, at);
  return boxes.some((a, i) => boxes.slice(i + 1).some((b) => meet(a, b)) || nodes.some((node, j) => j !== i && meet(a, node)));
}
type Box = { x1: number; y1: number; x2: number; y2: number };
const meet = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function nodeBoxes(view: GraphView, center: string, at: Map<string, Point>): Box[] {
  return view.nodes.map((n) => {
    const p = at.get(n.id) ?? { x: 0, y: 0 };
    // Its border, and the label's plate and outline, are drawn outside the boxes above.
    const r = (n.id === center ? NODE_R : 9) + 4;
    return { x1: p.x - r, y1: p.y - r, x2: p.x + r, y2: p.y + r };
  });
}

/**
 * A label that meets another label or lies under a node is moved to another side of its node where it meets
 * nothing, before the rings are widened for it: widening for one such label cost Lazarus Group's first view 8 of its
 * 25 entities.
 */
function settleLabels(view: GraphView, center: string, at: Map<string, Point>): void {
  const nodes = nodeBoxes(view, center, at);
  const boxes = view.nodes.map((n) => labelBox(viewLabel(view, n, center), at.get(n.id)!, n.id === center));
  const clear = (box: Box, i: number) => boxes.every((b, j) => j === i || !meet(box, b)) && nodes.every((node, j) => j === i || !meet(box, node));
  view.nodes.forEach((n, i) => {
    if (n.id === center || clear(boxes[i]!, i)) return;
    const p = at.get(n.id)!;
    for (const side of ['bottom', 'top', 'right', 'left'] as const) {
      if (side === (p.label ?? 'bottom')) continue;
      const box = labelBox(viewLabel(view, n, center), { ...p, label: side }, false);
      if (!clear(box, i)) continue;
      at.set(n.id, { ...p, label: side });
      boxes[i] = box;
      return;
    }
  });
}

function ringLayout(view: GraphView, center: string, grow: number): Map<string, Point> {
  const at = new Map<string, Point>([[center, { x: 0, y: 0 }]]);
  const direct = view.nodes.filter((n) => n.id !== center && view.edges.some((e) => (e.from === center && e.to === n.id) || (e.to === center && e.from === n.id)));
  const directIds = new Set(direct.map((n) => n.id));
  const outer = view.nodes.filter((n) => n.id !== center && !directIds.has(n.id));
  // A ring of k labels, staggered, needs every second one a label's width apart along the circle.
  const ringRadius = (widths: number[], min: number) => {
    const k = widths.length;
    if (k === 0) return min;
    const slot = widths.reduce((a, b) => a + b, 0) / k + 12;
    return Math.max(min, k > 10 ? (slot * k) / (4 * Math.PI) : (slot * k) / (2 * Math.PI));
  };
  // Direct links: each gap along the circle as wide as its two labels need where the circle runs sideways (top and
  // bottom), as tall as a label where it runs up and down; staggered, a label only has to clear the next but one.
  const staggered = direct.length > 10;
  const widths = direct.map((n) => labelWidth(nodeLabel(n.name, view.hidden.get(n.id))));
  const uniform = (i: number) => -Math.PI / 2 + (2 * Math.PI * (i + 0.5)) / direct.length;
  const needs = direct.map((_, i) => {
    const j = (i + 1) % direct.length;
    const side = Math.abs(Math.sin(uniform(i)));
    const need = side * ((widths[i]! + widths[j]!) / 2 + 12) + (1 - side) * (LABEL_H + 26);
    return staggered ? need / 2 + 6 : need;
  });
  const total = needs.reduce((x, y) => x + y, 0);
  const r1 = grow * Math.max(110, total / (2 * Math.PI));
  const angle = new Map<string, number>();
  let along = 0;
  direct.forEach((n, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * along) / (total || 1);
    along += needs[i]!;
    const inner = staggered && i % 2 === 0;
    angle.set(n.id, a);
    at.set(n.id, place(inner ? r1 : r1 + (staggered ? STAGGER : 0), a, inner, widths[i]!));
  });
  if (outer.length) {
    // Each outer entity sits by the first direct link (in rank order) it is linked to.
    const parentAngle = (id: string) => {
      for (const d of direct) if (view.edges.some((e) => (e.from === id && e.to === d.id) || (e.to === id && e.from === d.id))) return angle.get(d.id)!;
      return -Math.PI / 2;
    };
    const wanted = outer.map((n) => ({ n, a: parentAngle(n.id) })).sort((p, q) => p.a - q.a);
    const staggered = outer.length > 10;
    const r2 = grow * Math.max(r1 / grow + STAGGER + 100, ringRadius(outer.map((n) => labelWidth(n.name)), 0));
    const slot = outer.reduce((sum, n) => sum + labelWidth(n.name), 0) / outer.length + 12;
    const gap = Math.min((2 * Math.PI) / outer.length, slot / (staggered ? 2 : 1) / r2);
    // Near their parents where there is room; evenly round the circle, in the same order, where there is not.
    let placed = wanted.map((w) => w.a);
    for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i]!, placed[i - 1]! + gap);
    if (placed.length > 1 && placed[placed.length - 1]! - placed[0]! > 2 * Math.PI - gap) placed = placed.map((_, i) => wanted[0]!.a + i * ((2 * Math.PI) / outer.length));
    wanted.forEach(({ n }, i) => {
      const inner = staggered && i % 2 === 0;
      at.set(n.id, place(inner ? r2 : r2 + (staggered ? STAGGER : 0), placed[i]!, inner, labelWidth(nodeLabel(n.name, view.hidden.get(n.id)))));
    });
  }
  settleLabels(view, center, at);
  return at;
}

/** The box (graph units) the view's nodes and labels take, as half its width and half its height. */
export function extent(view: GraphView, at: Map<string, Point>): { halfWidth: number; halfHeight: number } {
  let w = 0;
  let h = 0;
  for (const n of view.nodes) {
    const p = at.get(n.id);
    if (!p) continue;
    const isCenter = n.depth === 0;
    const label = viewLabel(view, n, isCenter ? n.id : '');
    const lw = labelWidth(label, isCenter);
    const lh = LABEL_H * labelLines(label, isCenter);
    const side = p.label === 'left' || p.label === 'right';
    w = Math.max(w, Math.abs(p.x) + (side ? NODE_R + 4 + lw : Math.max(NODE_R, lw / 2)));
    h = Math.max(h, Math.abs(p.y) + (side ? Math.max(NODE_R, LABEL_H / 2) : NODE_R + 4 + lh));
  }
  return { halfWidth: w, halfHeight: h };
}

/**
 * The first view for a box of this size (CSS pixels): the most nodes (MIN_NODES to MAX_NODES) whose radial layout
 * fits the box at MIN_LEGIBLE_ZOOM, so that no label is drawn under LEGIBLE_PX.
 */
export function firstView(graph: Neighborhood, width: number, height: number): { view: GraphView; at: Map<string, Point> } {
  const fits = (v: GraphView, at: Map<string, Point>) => {
    const { halfWidth, halfHeight } = extent(v, at);
    return 2 * halfWidth * MIN_LEGIBLE_ZOOM <= width - 20 && 2 * halfHeight * MIN_LEGIBLE_ZOOM <= height - 20;
  };
  let n = Math.min(MAX_NODES, graph.nodes.length);
  for (;;) {
    const view = visibleGraph(graph, n);
    const at = radialLayout(view, graph.center);
    if (n <= MIN_NODES || fits(view, at)) return { view, at };
    n--;
  }
}

/**
 * The graph's label for a node: its name, and "+N" when N of its neighbours are not drawn. Where the two are wider
 * than a label may be, the name is cut, not the count: cut at the end, "CryptoMix-Backup +14" read "CryptoMix-Backup +…".
 */
export function nodeLabel(name: string, hiddenCount: number | undefined): string {
  if (!hiddenCount) return name;
  const count = ` +${hiddenCount}`;
  if (textWidth(name + count, false) + 6 <= LABEL_MAX_W) return name + count;
  const chars = [...name];
  while (chars.length > 1 && textWidth(`${chars.join('')}…${count}`, false) + 6 > LABEL_MAX_W) chars.pop();
  return `${chars.join('').trimEnd()}…${count}`;
}

/**
 * The centre's label: as nodeLabel, but with the "+N" on a line of its own where the one line would be wider than
 * CENTER_MAX_W, so that a long name wraps or is cut without taking the count with it.
 */
export function centerLabel(name: string, hiddenCount: number | undefined): string {
  if (!hiddenCount) return name;
  const one = `${name} +${hiddenCount}`;
  return textWidth(one, true) + 6 > CENTER_MAX_W ? `${name}\n+${hiddenCount}` : one;
}

/** The label a node of this view is drawn with. */
export function viewLabel(view: GraphView, n: GraphNode, center: string): string {
  return (n.id === center ? centerLabel : nodeLabel)(n.name, view.hidden.get(n.id));
}
