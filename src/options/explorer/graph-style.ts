/**
 * How the link graph looks: nodes coloured and shaped by kind, edges as wide and opaque as their confidence,
 * refuted links dashed red, historical links dotted grey, disputed links dashed. Colours come from the
 * shared design tokens so the graph follows light and dark mode.
 */
import type { EntityKind } from '../../core/model/entity';
import type { LinkStatus } from '../../core/model/link';
import { CENTER_MAX_W, LABEL_MAX_W, LABEL_PX } from './graph-view';

/** The labels' face: the pages' own (tokens.css --font), named here so LinkGraph measures what cytoscape draws. */
export const GRAPH_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

export interface Palette {
  fg: string;
  bg: string;
  muted: string;
  accent: string;
  refuted: string;
  historical: string;
  kinds: Record<EntityKind, string>;
}

export const SHAPES: Record<EntityKind, string> = {
  actor: 'ellipse',
  malware: 'round-rectangle',
  tool: 'diamond',
  ransomware: 'hexagon',
};

export function readPalette(root: Element): Palette {
  const css = getComputedStyle(root);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg', '#17202b'),
    bg: v('--bg', '#ffffff'),
    muted: v('--fg-muted', '#4a5666'),
    accent: v('--accent', '#0b5cad'),
    refuted: v('--refuted', '#8a1c1c'),
    historical: v('--historical', '#5b6470'),
    kinds: { actor: v('--actor', '#b3321c'), malware: v('--malware', '#1d5fb4'), tool: v('--tool', '#2f7a24'), ransomware: v('--ransomware', '#7a35b8') },
  };
}

/** Edge width in px for a confidence (unspecified draws thin). */
export function edgeWidth(confidence: number | undefined): number {
  return confidence === undefined ? 1.5 : 1 + (5 * Math.max(0, Math.min(100, confidence))) / 100;
}

export function edgeOpacity(confidence: number | undefined, status: LinkStatus): number {
  if (status === 'refuted' || status === 'historical') return 0.85;
  return confidence === undefined ? 0.5 : 0.35 + (0.6 * Math.max(0, Math.min(100, confidence))) / 100;
}

/** Cytoscape stylesheet (plain JSON; typed loosely to keep cytoscape's types out of the static bundle). */
export function graphStyle(p: Palette): object[] {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        shape: 'data(shape)',
        width: 22,
        height: 22,
        label: 'data(label)',
        color: p.fg,
        'font-size': LABEL_PX.direct,
        'font-family': GRAPH_FONT,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        // A long name is cut with an ellipsis rather than drawn across its neighbours.
        'text-wrap': 'ellipsis',
        'text-max-width': LABEL_MAX_W,
        // A plate of the background behind each label keeps it readable over the lines it crosses.
        'text-background-color': p.bg,
        'text-background-opacity': 0.85,
        'text-background-padding': 1,
        'text-outline-color': p.bg,
        'text-outline-width': 1,
        'border-width': 1.5,
        'border-color': p.bg,
      },
    },
    { selector: 'node[depth = 1]', style: { width: 18, height: 18 } },
    // The second ring is drawn smaller and muted; its labels hide once the reader zooms far out (below 8 px they
    // are unreadable anyway), but the first view keeps every label at LEGIBLE_PX or more (LinkGraph).
    { selector: 'node[depth >= 2]', style: { width: 14, height: 14, 'font-size': LABEL_PX.outer, 'min-zoomed-font-size': 8, color: p.muted } },
    // Where graph-view.ts put each label (below by default).
    { selector: 'node.label-top', style: { 'text-valign': 'top', 'text-margin-y': -4 } },
    { selector: 'node.label-left', style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-y': 0, 'text-margin-x': -4 } },
    { selector: 'node.label-right', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-y': 0, 'text-margin-x': 4 } },
    // The centre's label wraps rather than being cut (graph-view.ts, centerLabel): its "+N" is read in full.
    {
      selector: 'node.center',
      style: { width: 34, height: 34, 'font-size': LABEL_PX.center, 'font-weight': 'bold', 'text-wrap': 'wrap', 'text-max-width': CENTER_MAX_W, 'border-width': 4, 'border-color': p.accent },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': p.accent } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        opacity: 'data(opacity)',
        'line-color': p.muted,
        'target-arrow-color': p.muted,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7,
        'curve-style': 'bezier',
      },
    },
    { selector: 'edge[status = "refuted"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], 'line-color': p.refuted, 'target-arrow-color': p.refuted } },
    { selector: 'edge[status = "historical"]', style: { 'line-style': 'dotted', 'line-color': p.historical, 'target-arrow-color': p.historical } },
    { selector: 'edge[status = "disputed"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [3, 3] } },
    { selector: 'edge.touching', style: { 'line-color': p.accent, 'target-arrow-color': p.accent } },
    { selector: 'edge.touching[status = "refuted"]', style: { 'line-color': p.refuted, 'target-arrow-color': p.refuted } },
  ];
}
