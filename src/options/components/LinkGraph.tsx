/**
 * Interactive graph of links around one entity (cytoscape, loaded on demand so the page opens fast).
 * Click or tap a node to focus it; drag to pan, wheel or the buttons to zoom. Keyboard users move through
 * the same links with the list in the detail panel; the buttons here are keyboard-reachable.
 *
 * Around a hub the graph first draws only as many entities as its box holds legibly (graph-view.ts: the direct
 * links first), with "+N" on a node whose other links are left out and a button that draws them all; the first
 * view never zooms out so far that a label is drawn under LEGIBLE_PX (it centres on the entity instead). All of it is
 * scaled with the page's root font size, so the graph follows the browser's font-size setting.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Core } from 'cytoscape';
import { t, type MessageKey } from '../../platform/i18n';
import { edgeOpacity, edgeWidth, GRAPH_FONT, graphStyle, readPalette, SHAPES } from '../explorer/graph-style';
import { firstView, fontScale, LABEL_PX, measureLabelsWith, MIN_LEGIBLE_ZOOM, MIN_NODES, radialLayout, viewLabel, visibleGraph, type GraphView, type Point } from '../explorer/graph-view';
import type { GraphEdge, Neighborhood } from '../explorer/neighborhood';
import { GraphLegend } from './GraphLegend';

export interface LinkGraphProps {
  graph: Neighborhood;
  onFocus: (id: string) => void;
}

function describeEdge(graph: Neighborhood, e: GraphEdge): string {
  const name = (id: string) => graph.nodes.find((n) => n.id === id)?.name ?? id;
  const conf = e.confidence === undefined ? t('confidence_unspecified') : String(e.confidence);
  return t('optEdgeCaption', [name(e.from), t(`relation_${e.relation.replace(/-/g, '_')}` as MessageKey), name(e.to), t(`status_${e.status}`), conf]);
}

export function LinkGraph({ graph, onFocus }: LinkGraphProps) {
  const box = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [caption, setCaption] = useState('');
  const focus = useRef(onFocus);
  focus.current = onFocus;
  // Everything, once the reader asks for it; until then as many nodes as the box holds legibly.
  const [all, setAll] = useState(false);
  const [shown, setShown] = useState<{ nodes: number; edges: number }>();
  const fitButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setCaption('');
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (cancelled || !box.current) return;
      const palette = readPalette(document.documentElement);
      const elements = (view: GraphView, at: Map<string, Point>) => [
        ...view.nodes.map((n) => ({
          group: 'nodes' as const,
          data: { id: n.id, label: viewLabel(view, n, graph.center), kind: n.kind, depth: n.depth, color: palette.kinds[n.kind], shape: SHAPES[n.kind] },
          position: at.get(n.id) ?? { x: 0, y: 0 },
          classes: n.id === graph.center ? 'center' : `label-${at.get(n.id)?.label ?? 'bottom'}`,
        })),
        ...view.edges.map((e) => ({
          group: 'edges' as const,
          data: { id: e.id, source: e.from, target: e.to, status: e.status, width: edgeWidth(e.confidence), opacity: edgeOpacity(e.confidence, e.status) },
          classes: e.from === graph.center || e.to === graph.center ? 'touching' : '',
        })),
      ];
      // With a larger default font everything is drawn larger (graph-view.ts, fontScale): the box holds what a box
      // 1/scale as large would hold at the default.
      const scale = fontScale(parseFloat(getComputedStyle(document.documentElement).fontSize));
      const cy = cytoscape({
        container: box.current,
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- plain JSON stylesheet, see graph-style.ts
        style: graphStyle(palette) as any,
        minZoom: 0.15,
        maxZoom: 4 * scale,
        wheelSensitivity: 0.3,
        selectionType: 'single',
        boxSelectionEnabled: false,
      });
      // Radial, placed by graph-view.ts: the entity in the middle, its direct links round it, the second ring
      // outside; first only as many as fit the box with legible labels.
      measureLabelsWith(labelMeasure());
      const first = all ? { view: visibleGraph(graph, graph.nodes.length), at: undefined } : firstView(graph, box.current.clientWidth / scale, box.current.clientHeight / scale);
      let view = first.view;
      cy.add(elements(view, first.at ?? radialLayout(view, graph.center)));
      cy.fit(undefined, 10);
      // firstView counts with estimated label widths; the browser's font may draw them wider (a Chromium update did:
      // "Operation Sharpshooter" stood 25 px outside a 442 px box). One entity fewer until what is drawn fits.
      while (!all && cy.zoom() < MIN_LEGIBLE_ZOOM * scale && view.nodes.length > MIN_NODES) {
        view = visibleGraph(graph, view.nodes.length - 1);
        cy.elements().remove();
        cy.add(elements(view, radialLayout(view, graph.center)));
        cy.fit(undefined, 10);
      }
      if (cy.zoom() < MIN_LEGIBLE_ZOOM * scale) {
        // Everything asked for, or a box too small even for MIN_NODES: keep the labels legible and show the entity —
        // the whole graph, centred, where it fits at that zoom (the fit's padding was all it lacked).
        cy.zoom(MIN_LEGIBLE_ZOOM * scale);
        const drawn = cy.elements().renderedBoundingBox({ includeLabels: true });
        if (drawn.w <= cy.width() && drawn.h <= cy.height()) cy.center();
        else cy.center(cy.getElementById(graph.center));
      } else if (cy.zoom() > 1.6 * scale) {
        // A handful of nodes would be blown up to the largest zoom.
        cy.zoom(1.6 * scale);
        cy.center();
      }
      cy.on('tap', 'node', (event) => focus.current(String(event.target.id())));
      cy.on('tap', 'edge', (event) => {
        const edge = graph.edges.find((x) => x.id === event.target.id());
        if (edge) setCaption(describeEdge(graph, edge));
      });
      cy.on('mouseover', 'node', () => box.current && (box.current.style.cursor = 'pointer'));
      cy.on('mouseout', 'node', () => box.current && (box.current.style.cursor = ''));
      cyRef.current = cy;
      setShown({ nodes: view.nodes.length, edges: view.edges.length });
      setLoading(false);
    });
    return () => {
      cancelled = true;
      cyRef.current?.destroy();
      cyRef.current = undefined;
    };
  }, [graph, all]);

  const zoom = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  const centerName = graph.nodes.find((n) => n.id === graph.center)?.name ?? '';
  const cut = shown !== undefined && shown.nodes < graph.nodes.length;

  return (
    <figure class="graph-figure">
      <div class="graph-toolbar" role="toolbar" aria-label={t('optGraphControls')}>
        <button type="button" class="button icon" aria-label={t('optZoomIn')} title={t('optZoomIn')} onClick={() => zoom(1.3)}>
          +
        </button>
        <button type="button" class="button icon" aria-label={t('optZoomOut')} title={t('optZoomOut')} onClick={() => zoom(1 / 1.3)}>
          −
        </button>
        <button ref={fitButton} type="button" class="button" onClick={() => cyRef.current?.fit(undefined, 24)}>
          {t('optZoomFit')}
        </button>
        <span class="muted small">
          {cut ? t('optMatchCount', [String(shown.nodes), String(graph.nodes.length)]) : t('optGraphSize', [String(graph.nodes.length), String(graph.edges.length)])}
        </span>
        {cut && (
          <button
            type="button"
            class="button"
            onClick={() => {
              // The button goes once everything is drawn: keep the keyboard in the toolbar, on Fit.
              fitButton.current?.focus();
              setAll(true);
            }}
          >
            {t('popupShowAllLinks', String(graph.nodes.length))}
          </button>
        )}
        {graph.truncated && <span class="badge warn">{t('optGraphTruncated')}</span>}
      </div>
      <div ref={box} class="graph" role="img" aria-label={t('optGraphLabel', [centerName, String(shown?.nodes ?? graph.nodes.length), String(shown?.edges ?? graph.edges.length)])}>
        {loading && <p class="muted graph-loading">{t('optGraphLoading')}</p>}
      </div>
      <figcaption>
        <p class="small edge-caption" aria-live="polite">
          {caption || t('optGraphHint')}
        </p>
        <GraphLegend />
      </figcaption>
    </figure>
  );
}

/**
 * Label widths as the browser draws them (graph units in GRAPH_FONT: LABEL_PX.direct, the centre's bold
 * LABEL_PX.center); undefined without a canvas.
 */
function labelMeasure(): ((label: string, isCenter: boolean) => number) | undefined {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return undefined;
  const fonts = { plain: `${LABEL_PX.direct}px ${GRAPH_FONT}`, center: `bold ${LABEL_PX.center}px ${GRAPH_FONT}` };
  const widths = new Map<string, number>();
  return (label, isCenter) => {
    const key = `${isCenter ? 'c' : 'p'}${label}`;
    let w = widths.get(key);
    if (w === undefined) {
      ctx.font = isCenter ? fonts.center : fonts.plain;
      widths.set(key, (w = ctx.measureText(label).width));
    }
    return w;
  };
}
