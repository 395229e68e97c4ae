/** The first view: search box, then who is on this page (or search results), and the way to record a claim. */
import type { ComponentChildren } from 'preact';
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SpottedReport } from '../../core/protocol';
import { isEnabledFor, siteOf, type Settings } from '../../core/settings';
import { t } from '../../platform/i18n';
import { SEARCH_SHOWN, type PageClaim, type SearchHit, type TabInfo } from '../backend';
import { PageClaims } from '../components/PageClaims';
import { Icon } from '../components/Icon';
import { SearchBox } from '../components/SearchBox';
import { resultId, RESULTS_ID, SearchResults } from '../components/SearchResults';
import { SiteToggle } from '../components/SiteToggle';
import { SpottedList } from '../components/SpottedList';
import { TopBar } from '../components/TopBar';
import { groupSpotted } from '../lib/spotted';

export interface HomeViewProps {
  tab: TabInfo | undefined;
  /** undefined while loading, null where ActorLens cannot run. */
  report: SpottedReport | null | undefined;
  settings: Settings | undefined;
  query: string;
  onQuery: (q: string) => void;
  search: (q: string) => Promise<SearchHit[]>;
  /** The search box took the focus (PopupBackend.prepareSearch). */
  onSearchFocus?: (() => void) | undefined;
  onOpen: (id: string) => void;
  /** The search result made active with the arrow keys (its entity id), kept by the App so Back comes back to it. */
  activeResult?: string | undefined;
  onActiveResult?: (id: string | undefined) => void;
  /** The reader's claims recorded on this page (PageClaims), and opening one in its entity's view. */
  pageClaims?: PageClaim[] | undefined;
  onOpenClaim?: ((entityId: string, linkId: string) => void) | undefined;
  /** Adds a possible actor to the knowledge base. */
  onAdd?: (name: string, kind: 'actor' | 'malware') => void;
  onRecord: () => void;
  onToggleSite: () => void;
  /** Turns the global pause off. */
  onResume?: () => void;
  onOptions: () => void;
  /** Status line (saved, deleted + undo), shown under the header. */
  banner?: ComponentChildren;
  /** Kinds of "on this page" shown in full (see SpottedList). */
  expanded?: ReadonlySet<string> | undefined;
  onExpand?: ((kind: string) => void) | undefined;
}

export function HomeView(props: HomeViewProps) {
  const { tab, report, settings, query } = props;
  const searchRef = useRef<HTMLInputElement>(null);
  const [hits, setHits] = useState<SearchHit[] | undefined>();
  const latest = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (!q) return setHits(undefined);
    const n = ++latest.current;
    setHits(undefined);
    void props.search(q).then((r) => n === latest.current && setHits(r));
  }, [query]);

  const listed = hits?.slice(0, SEARCH_SHOWN);
  const shown = query.trim() && listed?.length ? listed : undefined;
  const active = shown && props.activeResult ? shown.findIndex((h) => h.entity.id === props.activeResult) : -1;
  const setActive = (i: number) => props.onActiveResult?.(shown?.[i]?.entity.id);

  return (
    <main class="view home-view">
      <TopBar onOptions={props.onOptions} />
      {props.banner}
      <SearchBox
        value={query}
        onInput={props.onQuery}
        onFocus={props.onSearchFocus}
        inputRef={searchRef as Ref<HTMLInputElement>}
        listId={shown && RESULTS_ID}
        count={shown?.length ?? 0}
        active={active}
        activeId={active >= 0 ? resultId(active) : undefined}
        onActive={setActive}
        onPick={(i) => shown?.[i] && props.onOpen(shown[i].entity.id)}
      />
      {query.trim() ? (
        <SearchResults query={query.trim()} hits={listed} more={(hits?.length ?? 0) > SEARCH_SHOWN} active={active} onOpen={props.onOpen} onActive={setActive} />
      ) : (
        <section class="on-page" aria-labelledby="on-page">
          <h2 id="on-page" class="section-title">
            {t('popupOnThisPage')}
          </h2>
          <OnPage
            report={report}
            off={offReason(settings, tab?.url)}
            pdf={tab?.page?.contentType === 'application/pdf'}
            onOpen={props.onOpen}
            onAdd={props.onAdd}
            onSearch={() => searchRef.current?.focus()}
            onResume={props.onResume}
            expanded={props.expanded}
            onExpand={props.onExpand}
          />
          {props.pageClaims && props.onOpenClaim && <PageClaims claims={props.pageClaims} onOpen={props.onOpenClaim} />}
          {tab?.page && (
            <div class="record-cta">
              <button type="button" class="button primary wide" onClick={props.onRecord}>
                <Icon name="plus" />
                {t('popupRecordFromPage')}
              </button>
            </div>
          )}
        </section>
      )}
      <footer class="footer">
        {tab?.url && settings ? <SiteToggle url={tab.url} settings={settings} onToggle={props.onToggleSite} /> : <span />}
        <button type="button" class="text-button" onClick={props.onOptions}>
          {t('popupOptions')}
        </button>
      </footer>
    </main>
  );
}

/** Why ActorLens does not read the tab's page, when the reader turned it off: everywhere, or on this site. */
type Off = { paused: true } | { site: string } | undefined;
function offReason(settings: Settings | undefined, url: string | undefined): Off {
  if (!settings || !url) return undefined;
  if (settings.paused) return { paused: true };
  return isEnabledFor(settings, url) ? undefined : { site: siteOf(url) || url };
}

interface OnPageProps {
  report: SpottedReport | null | undefined;
  off: Off;
  pdf: boolean;
  onOpen: (id: string) => void;
  onAdd?: ((name: string, kind: 'actor' | 'malware') => void) | undefined;
  onSearch: () => void;
  onResume?: (() => void) | undefined;
  expanded?: ReadonlySet<string> | undefined;
  onExpand?: ((kind: string) => void) | undefined;
}

function OnPage({ report, off, pdf, onOpen, onAdd, onSearch, onResume, expanded, onExpand }: OnPageProps) {
  // Turned off, the page is not read: "nothing on this page" would be false (its names are simply not looked for).
  if (off && report !== null) {
    return (
      <div class="empty off">
        <p>{'paused' in off ? t('popupPaused') : t('popupSiteOff', off.site)}</p>
        {'paused' in off && onResume && (
          <button type="button" class="button secondary" onClick={onResume}>
            {t('popupResume')}
          </button>
        )}
      </div>
    );
  }
  if (report === undefined) return <p class="muted pad" role="status">{t('popupScanning')}</p>;
  const groups = report ? groupSpotted(report) : [];
  if (groups.length) {
    return (
      <>
        {!report?.done && (
          <p class="muted pad" role="status">
            {t('popupStillReading')}
          </p>
        )}
        <SpottedList groups={groups} onOpen={onOpen} onAdd={onAdd} expanded={expanded} onExpand={onExpand} />
      </>
    );
  }
  if (report && !report.done) return <p class="muted pad" role="status">{t('popupScanning')}</p>;
  return (
    <div class="empty">
      <p>{report === null ? t('popupNoAccess') : pdf ? t('popupPdf') : t('popupNothingSpotted')}</p>
      <button type="button" class="button secondary" onClick={onSearch}>
        <Icon name="search" />
        {t('popupSearchInstead')}
      </button>
    </div>
  );
}
