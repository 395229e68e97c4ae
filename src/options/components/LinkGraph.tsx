/**
 * Interactive graph of links around one entity (cytoscape, loaded on demand so the page opens fast).
 * Click or tap a node to focus it; drag to pan, wheel or the buttons to zoom. Keyboard users move through
 * the same links with the list in the detail panel; the buttons here are keyboard-reachable.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Core } from 'cytoscape';
import { t, type MessageKey } from '../../platform/i18n';
import { edgeOpacity, edgeWidth, graphStyle, readPalette, SHAPES } from '../explorer/graph-style';
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

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setCaption('');
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (cancelled || !box.current) return;
      const palette = readPalette(document.documentElement);
      const cy = cytoscape({
        container: box.current,
        elements: [
          ...graph.nodes.map((n) => ({
            group: 'nodes' as const,
            data: { id: n.id, label: n.name, kind: n.kind, depth: n.depth, color: palette.kinds[n.kind], shape: SHAPES[n.kind] },
            classes: n.id === graph.center ? 'center' : '',
          })),
          ...graph.edges.map((e) => ({
            group: 'edges' as const,
            data: { id: e.id, source: e.from, target: e.to, status: e.status, width: edgeWidth(e.confidence), opacity: edgeOpacity(e.confidence, e.status) },
            classes: e.from === graph.center || e.to === graph.center ? 'touching' : '',
          })),
        ],
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- plain JSON stylesheet, see graph-style.ts
        style: graphStyle(palette) as any,
        // Force-directed: software clusters around the actors that use it, which reads better than rings.
        layout: {
          name: 'cose',
          animate: false,
          randomize: false,
          nodeRepulsion: () => 14000,
          idealEdgeLength: () => (graph.nodes.length > 60 ? 70 : 100),
          nodeOverlap: 12,
          gravity: 0.6,
          numIter: 1200,
          componentSpacing: 60,
          padding: 24,
        },
        minZoom: 0.15,
        maxZoom: 4,
        wheelSensitivity: 0.3,
        selectionType: 'single',
        boxSelectionEnabled: false,
      });
      cy.on('tap', 'node', (event) => focus.current(String(event.target.id())));
      cy.on('tap', 'edge', (event) => {
        const edge = graph.edges.find((x) => x.id === event.target.id());
        if (edge) setCaption(describeEdge(graph, edge));
      });
      cy.on('mouseover', 'node', () => box.current && (box.current.style.cursor = 'pointer'));
      cy.on('mouseout', 'node', () => box.current && (box.current.style.cursor = ''));
      cyRef.current = cy;
      setLoading(false);
    });
    return () => {
      cancelled = true;
      cyRef.current?.destroy();
      cyRef.current = undefined;
    };
  }, [graph]);

  const zoom = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  const centerName = graph.nodes.find((n) => n.id === graph.center)?.name ?? '';

  return (
    <figure class="graph-figure">
      <div class="graph-toolbar" role="toolbar" aria-label={t('optGraphControls')}>
        <button type="button" class="button icon" aria-label={t('optZoomIn')} title={t('optZoomIn')} onClick={() => zoom(1.3)}>
          +
        </button>
        <button type="button" class="button icon" aria-label={t('optZoomOut')} title={t('optZoomOut')} onClick={() => zoom(1 / 1.3)}>
          −
        </button>
        <button type="button" class="button" onClick={() => cyRef.current?.fit(undefined, 24)}>
          {t('optZoomFit')}
        </button>
        <span class="muted small">{t('optGraphSize', [String(graph.nodes.length), String(graph.edges.length)])}</span>
        {graph.truncated && <span class="badge warn">{t('optGraphTruncated')}</span>}
      </div>
      <div ref={box} class="graph" role="img" aria-label={t('optGraphLabel', [centerName, String(graph.nodes.length), String(graph.edges.length)])}>
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
