/** Explorer: filter and page through all entities; the chosen one shows its link graph and details. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../core/settings';
import { t } from '../../platform/i18n';
import { useBackend } from '../backend';
import { loadExplorerRows } from '../data/explorer-data';
import { ANY, facets, filterEntities, type EntityFilter, type Indexed } from '../explorer/filter';
import { useLiveLinkStats, useLiveNeighborhood, withLinkStats } from '../explorer/live';
import { EntityDetail } from './EntityDetail';
import { EntityFilters } from './EntityFilters';
import { EntityTable } from './EntityTable';
import { LinkGraph } from './LinkGraph';
import { Pager } from './Pager';

export const PAGE_SIZE = 50;
/** Width at or below which the list, graph and details are stacked in one column (options.css; in em, like the
 * stylesheet's breakpoint, so both follow the browser's font-size setting). */
export const ONE_COLUMN = '(max-width: 50em)';

/** Whether the explorer is one column now (kept up to date as the window is resized or zoomed). */
function useOneColumn(): boolean {
  const [one, setOne] = useState(() => typeof matchMedia === 'function' && matchMedia(ONE_COLUMN).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(ONE_COLUMN);
    const update = () => setOne(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return one;
}

export interface ExplorerPanelProps {
  settings: Settings | undefined;
  dataVersion: number;
  selected: string | undefined;
  onSelect: (id: string) => void;
}

export function ExplorerPanel({ settings, dataVersion, selected, onSelect }: ExplorerPanelProps) {
  const backend = useBackend();
  const [loaded, setLoaded] = useState<Indexed[]>();
  const [filter, setFilter] = useState<EntityFilter>(ANY);
  const [page, setPage] = useState(0);
  // Entities are read again on the page's own imports (dataVersion), or when a linked entity is not among them.
  const [reread, setReread] = useState(0);
  const grid = useRef<HTMLDivElement>(null);
  // In one column (a narrow window, or zoomed to 200%) the chosen entity's details and graph are below the whole
  // list: an entity opened from the list is brought into view, with focus on its name, or nothing seems to happen.
  // There the details come first (in the page, so in Tab order too), in a box of their own under half the window
  // high, so that the name, the start of the details and the graph are on screen together.
  const oneColumn = useOneColumn();
  const reveal = useRef(false);
  const openFromList = (id: string) => {
    reveal.current = oneColumn;
    onSelect(id);
  };
  useEffect(() => {
    if (!reveal.current || !selected) return;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const heading = grid.current?.querySelector<HTMLElement>('.detail h3');
      if (!heading && tries++ < 120) return void (frame = requestAnimationFrame(attempt));
      reveal.current = false;
      grid.current?.querySelector<HTMLElement>('.detail')?.scrollIntoView({ block: 'start' });
      heading?.focus({ preventScroll: true });
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [selected]);

  useEffect(() => {
    void backend.ready.then(() => loadExplorerRows(backend.repo)).then(setLoaded);
  }, [backend, dataVersion, reread]);

  // Link counts and the graph follow the database live: a claim recorded in the popup shows here at once.
  const stats = useLiveLinkStats(backend);
  const live = useMemo(() => (loaded && stats ? withLinkStats(loaded, stats) : undefined), [loaded, stats]);
  const rows = live?.rows ?? loaded;
  // Once per missing id: a link to nothing (a feed's dangling reference) stays missing after the entities are read.
  const readFor = useRef(new Set<string>());
  useEffect(() => {
    const fresh = (live?.missing ?? []).filter((id) => !readFor.current.has(id));
    if (!fresh.length) return;
    for (const id of fresh) readFor.current.add(id);
    setReread((n) => n + 1);
  }, [live]);
  const graph = useLiveNeighborhood(backend, selected);

  const matching = useMemo(() => (rows ? filterEntities(rows, filter) : []), [rows, filter]);
  const menus = useMemo(() => facets(rows ?? []), [rows]);
  const pageRows = matching.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const reachShown = !selected || filter.sort === 'reach';
  const detail = selected && <EntityDetail key="detail" id={selected} settings={settings} dataVersion={dataVersion} onOpen={onSelect} />;

  return (
    <section class="panel explorer" aria-labelledby="explorer-title">
      <h2 id="explorer-title" tabIndex={-1}>{t('optExplorerTitle')}</h2>
      <EntityFilters
        filter={filter}
        countries={menus.countries}
        sources={menus.sources}
        onChange={(f) => {
          setFilter(f);
          setPage(0);
        }}
      />
      <div ref={grid} class={`explorer-grid${selected ? ' has-selection' : ''}`}>
        <div key="list" class="list-pane">
          <p class="small muted" aria-live="polite" data-testid="match-count">
            {rows ? t('optMatchCount', [matching.length.toLocaleString(), rows.length.toLocaleString()]) : t('optLoading')}
          </p>
          {/* Said in words, not only in the column's tooltip: the default order is by a figure a reader cannot guess.
              With an entity open the Reach column shows only when the list is ordered by it, and so does this. */}
          {rows && reachShown && (
            <p id="reach-note" class="small muted">
              {t('optReachHint')}
            </p>
          )}
          {rows && <EntityTable rows={pageRows} selected={selected} sort={filter.sort} describedBy={reachShown ? 'reach-note' : undefined} onOpen={openFromList} />}
          {rows && matching.length > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={matching.length} onPage={setPage} />}
        </div>
        {selected ? (
          <>
            {oneColumn && detail}
            <div key="graph" class="graph-pane">
              {graph === undefined && <p class="muted">{t('optGraphLoading')}</p>}
              {/* An entity with no links is one lone node, which the graph blew up to its largest zoom: say it instead. */}
              {graph && graph.edges.length > 0 && <LinkGraph key={graph.center} graph={graph} onFocus={onSelect} />}
              {/* No such entity (a stale #explorer/<id> address): the detail panel says so; here, what to do instead. */}
              {graph === null && (
                <div class="empty-state graph-empty">
                  <p>{t('optPickEntity')}</p>
                </div>
              )}
              {graph && graph.edges.length === 0 && (
                <div class="empty-state graph-empty">
                  <p>{t('optNoLinks')}</p>
                </div>
              )}
            </div>
            {!oneColumn && detail}
          </>
        ) : (
          <div class="graph-pane empty-state">
            <p>{t('optPickEntity')}</p>
          </div>
        )}
      </div>
    </section>
  );
}
