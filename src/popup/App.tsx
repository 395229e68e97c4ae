/**
 * The popup: a small stack of views (home → entity → record/edit). Escape or Back pops the stack and puts
 * focus back where it was. All data comes through the PopupBackend, so every view renders with a fake one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Entity } from '../core/model/entity';
import type { Claim } from '../core/model/link';
import type { LinkView } from '../core/db/repository';
import type { PageInfo, SpottedReport } from '../core/protocol';
import { DEFAULT_SETTINGS, isEnabledFor, siteOf, type Settings } from '../core/settings';
import { t } from '../platform/i18n';
import type { PageClaim, PopupBackend, StoredDraft, TabInfo } from './backend';
import { Notice, type NoticeData } from './components/Notice';
import { draftFromClaim, draftFromPage, orderedPair, toNewClaim, toPatch, type ClaimDraft, type PickedEntity } from './lib/claim-draft';
import { knownOnPage, namedInQuote, visibleText, type SpottedItem } from './lib/spotted';
import { guessClaim } from './lib/claim-guess';
import { EntityView } from './views/EntityView';
import { HomeView } from './views/HomeView';
import { RecordView } from './views/RecordView';

export type Route =
  | { name: 'home' }
  | { name: 'entity'; id: string; open?: string }
  | { name: 'record'; draft: ClaimDraft }
  | { name: 'edit'; draft: ClaimDraft; claimId: string };

interface Entry {
  route: Route;
  /** data-focus key of the control that left this view, to focus again on return. */
  returnFocus?: string | undefined;
}

export interface AppProps {
  backend: PopupBackend;
  /** Open this entity directly (popup.html?entity=<id>, used by the hover card's "open in ActorLens"). */
  initialEntity?: string | undefined;
  /** One of its links shown opened (popup.html?entity=<id>&link=<link id>: a claim's card on the page). */
  initialLink?: string | undefined;
}

/**
 * The reader's unsaved claim on this page, if any. A passage selected since (the popup closes when the reader goes
 * back to the page to select one) replaces the kept quote.
 */
function keptDraft(stored: StoredDraft | undefined, page: PageInfo | undefined): ClaimDraft | undefined {
  if (!stored || !page || stored.pageUrl !== page.url) return undefined;
  return page.selection ? { ...stored.draft, quote: page.selection, useQuote: true } : stored.draft;
}

const SPOTTED_POLL_MS = 200;
/** A long page (a 5 MB report) takes seconds to read: after the first seconds the popup asks less often, and gives up after a minute. */
const SPOTTED_FAST_FOR_MS = 6000;
const SPOTTED_SLOW_POLL_MS = 1000;
const SPOTTED_POLL_FOR_MS = 60_000;
/**
 * After the reader turns highlighting on from the popup, the page's answer may still be the one from before the change
 * (nothing, the site being off) until its script has the new setting: such an answer is not taken for this long.
 */
const SPOTTED_RESTART_MS = 1500;

/**
 * A new claim about the passage's first two names takes the relation, direction and stance its words between them
 * say (claim-guess.ts), where they say one; the reader sees it in the form and can change it.
 */
function withGuess(draft: ClaimDraft, exact: string | undefined, quoted: { item: SpottedItem; start: number; end: number }[]): ClaimDraft {
  const [a, b] = quoted;
  if (!exact || !a || !b || !draft.from || !draft.to) return draft;
  const ids = [draft.from.id, draft.to.id];
  if (!ids.includes(a.item.entityId as string) || !ids.includes(b.item.entityId as string)) return draft;
  const guess = guessClaim(visibleText(exact), a.start, a.end, b.start, b.end);
  if (!guess) return draft;
  // The passage's order is from → to unless the words say otherwise; the form's order may already be the passage's.
  const passageFirst = draft.from.id === a.item.entityId;
  const flip = guess.swap === passageFirst;
  return { ...draft, relation: guess.relation, stance: guess.stance, ...(flip ? { from: draft.to, to: draft.from } : {}) };
}

export function App({ backend, initialEntity, initialLink }: AppProps) {
  const [stack, setStack] = useState<Entry[]>(() => [
    { route: { name: 'home' } },
    ...(initialEntity ? [{ route: { name: 'entity', id: initialEntity, ...(initialLink ? { open: initialLink } : {}) } as Route }] : []),
  ]);
  const [tab, setTab] = useState<TabInfo>();
  const [report, setReport] = useState<SpottedReport | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings>();
  const [query, setQuery] = useState('');
  const [activeResult, setActiveResult] = useState<string>();
  const [expandedKinds, setExpandedKinds] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<NoticeData>();
  const [revision, setRevision] = useState(0);
  const [pageClaims, setPageClaims] = useState<PageClaim[] | undefined>();
  // The reader's claims on this page, read again after each change the popup makes (revision).
  useEffect(() => {
    const url = tab?.page?.url;
    if (!url || !backend.pageClaims) return;
    let live = true;
    void backend.pageClaims(url).then((c) => live && setPageClaims(c), () => undefined);
    return () => {
      live = false;
    };
  }, [tab?.page?.url, revision, backend]);
  const popped = useRef<string | undefined>(undefined);
  const top = stack[stack.length - 1]!;
  const scale = settings?.scale ?? DEFAULT_SETTINGS.scale;

  /**
   * Asks the tab's content script for what it spotted until its scan is done. `restarted`: highlighting was just
   * turned on here, so a finished, empty answer is not believed at once (see SPOTTED_RESTART_MS). A newer call, or the
   * popup closing, ends an older one.
   */
  const watch = useRef(0);
  const followReport = async (tabId: number, restarted = false) => {
    const n = ++watch.current;
    const start = Date.now();
    for (;;) {
      const r = await backend.spotted(tabId);
      if (n !== watch.current) return;
      const elapsed = Date.now() - start;
      const stale = restarted && !!r?.done && r.matches.length === 0 && elapsed < SPOTTED_RESTART_MS;
      if (!stale) setReport(r);
      if (!r || (r.done && !stale) || elapsed > SPOTTED_POLL_FOR_MS) return;
      await new Promise((resolve) => setTimeout(resolve, elapsed < SPOTTED_FAST_FOR_MS ? SPOTTED_POLL_MS : SPOTTED_SLOW_POLL_MS));
    }
  };
  /** Settings the popup changed: when they turn highlighting on for this tab, the page is read again, so follow it. */
  const settingsChanged = (next: Settings) => {
    const wasOn = settings && tab?.url ? isEnabledFor(settings, tab.url) : true;
    setSettings(next);
    if (tab?.id !== undefined && tab.url && !wasOn && isEnabledFor(next, tab.url)) {
      setReport(undefined);
      void followReport(tab.id, true);
    }
  };

  const loadFailures = useRef(0);
  // Settings that could not be read leave the home view without its site switch: say so, and offer to try again.
  const loadSettings = (live: () => boolean = () => true): void =>
    void backend.settings().then(
      (s) => {
        if (!live()) return;
        setSettings(s);
        setNotice((n) => (n?.retry === retryLoad ? undefined : n));
      },
      () => {
        if (!live()) return;
        // Each failed retry changes the alert's text, so a screen reader announces it again.
        loadFailures.current++;
        const again = loadFailures.current > 1 ? ` ${t('popupSettingsLoadFailedAgain', String(loadFailures.current))}` : '';
        setNotice({ text: t('popupSettingsLoadFailed') + again, error: true, retry: retryLoad });
      },
    );
  const retryLoad = useRef(() => {
    // Try again goes with its notice once the settings load: focus moves to the switch it brought, not the body.
    refocusSwitch.current = true;
    loadSettings();
  }).current;
  const refocusSwitch = useRef(false);
  useEffect(() => {
    if (!settings || !refocusSwitch.current) return;
    refocusSwitch.current = false;
    if (!document.activeElement || document.activeElement === document.body || document.activeElement.closest('.notice-region'))
      document.querySelector<HTMLElement>('.switch input')?.focus();
  }, [settings]);
  useEffect(() => {
    let live = true;
    loadSettings(() => live);
    void (async () => {
      const info = await backend.tab();
      if (!live) return;
      setTab(info);
      // A claim the reader was writing when the popup closed: back to it.
      if (!initialEntity && info.page && backend.draft) {
        const kept = keptDraft(await backend.draft.get().catch(() => undefined), info.page);
        if (!live) return;
        if (kept) setStack((s) => (s.length === 1 ? [...s, { route: { name: 'record', draft: kept } }] : s));
      }
      if (info.id === undefined) return setReport(null);
      // The content script may still be reading a long page: ask again until it is done.
      await followReport(info.id);
    })();
    return () => {
      live = false;
      watch.current++;
    };
  }, [backend]);

  const push = (route: Route) => {
    const from = (document.activeElement as HTMLElement | null)?.dataset?.focus;
    setNotice(undefined);
    setStack((s) => [...s.slice(0, -1), { ...s[s.length - 1]!, returnFocus: from }, { route }]);
  };
  const back = () => {
    if (stack.length < 2) return;
    popped.current = stack[stack.length - 2]!.returnFocus;
    setNotice(undefined);
    setStack((s) => s.slice(0, -1));
  };
  /** Replaces the top view (record → entity after saving). */
  const replace = (route: Route) => setStack((s) => [...s.slice(0, -1), { route }]);

  // Escape goes back one view; controls that use Escape themselves (search, pickers) prevent default first. One
  // listener reading the current view through a ref: a listener re-added after each paint missed an Escape pressed
  // right after a view opened.
  const current = useRef({ depth: stack.length, back });
  current.current = { depth: stack.length, back };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || current.current.depth < 2) return;
      e.preventDefault();
      current.current.back();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Focus follows navigation: back to the control that left a view, or to the new view's heading.
  useEffect(() => {
    const key = popped.current;
    popped.current = undefined;
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      const el = key ? document.querySelector<HTMLElement>(`[data-focus="${cssEscape(key)}"]`) : document.querySelector<HTMLElement>('main [data-autofocus]');
      if (el) el.focus();
      else if (tries++ < 60) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [stack.length, top.route]);

  const onPage = knownOnPage(report);
  const onPageIds = new Set(onPage.map((i) => i.entityId));
  const suggestions = onPage.map((i) => ({ id: i.entityId, name: i.name, kind: i.kind }));

  const startRecord = async (about?: Entity) => {
    // The names of the selected passage first, in its order; then the page's most mentioned.
    const exact = tab?.page?.selection?.exact;
    const quoted = namedInQuote(onPage, exact);
    const ranked = [...quoted.map((q) => q.item), ...onPage];
    const first = about ? { id: about.id, name: about.name, kind: about.kind } : ranked[0] && { id: ranked[0].entityId, name: ranked[0].name, kind: ranked[0].kind };
    const found = ranked.find((i) => i.entityId !== first?.id);
    const second = found && { id: found.entityId, name: found.name, kind: found.kind };
    const picked = (e: typeof first): PickedEntity | undefined => e && { id: e.id, name: e.name };
    const asRead = draftFromPage(tab?.page, picked(first), picked(second));
    // The passage's words decide the relation and its direction where they say one; otherwise a threat actor comes
    // first, as the default relation reads ("Lazarus Group uses TrickBot", not "TrickBot uses Lazarus Group").
    const guessed = withGuess(asRead, exact, quoted);
    const [from, to] = orderedPair(first, second);
    const fresh = guessed !== asRead ? guessed : { ...asRead, from: picked(from), to: picked(to) };
    const kept = backend.draft && keptDraft(await backend.draft.get().catch(() => undefined), tab?.page);
    // The unsaved claim comes back unless it is about other entities than the one asked for.
    const resume = kept && (!about || kept.from?.id === about.id || kept.to?.id === about.id);
    push({ name: 'record', draft: resume ? kept : fresh });
  };
  const keepDraft = (draft: ClaimDraft) => {
    if (tab?.page) void backend.draft?.set({ pageUrl: tab.page.url, draft }).catch(() => undefined);
  };
  const discardDraft = () => void backend.draft?.remove().catch(() => undefined);

  const editClaim = (claim: Claim, view: LinkView, self: Entity) => {
    // The link's own ends, whichever side is being viewed.
    const [from, to] = view.direction === 'out' ? [self, view.other] : [view.other, self];
    push({ name: 'edit', claimId: claim.id, draft: draftFromClaim(claim, { id: from.id, name: from.name }, { id: to.id, name: to.name }, view.link.relation) });
  };

  /** After Undo: focus the restored claim once it is back in the view, else the view's heading. */
  const focusClaim = (id: string) => {
    let tries = 0;
    const attempt = () => {
      const el = document.querySelector<HTMLElement>(`[data-claim="${cssEscape(id)}"] button`);
      if (el) return el.focus();
      if (tries++ < 60) return requestAnimationFrame(attempt);
      document.querySelector<HTMLElement>('main [data-autofocus]')?.focus();
    };
    requestAnimationFrame(attempt);
  };

  /** The page's marks follow the reader's claims: its rescan asks for its passages again (content/index.ts markQuotes). */
  const remark = () => {
    if (tab?.id !== undefined) void backend.rescan(tab.id).catch(() => undefined);
  };

  const deleteClaim = async (claim: Claim) => {
    let deleted: Awaited<ReturnType<typeof backend.deleteClaim>>;
    try {
      deleted = await backend.deleteClaim(claim.id);
    } catch {
      setNotice({ text: t('popupDeleteFailed'), error: true });
      return;
    }
    setRevision((r) => r + 1);
    if (claim.quote) remark();
    const undo = () => {
      backend.restoreClaim(deleted).then(
        () => {
          setRevision((r) => r + 1);
          if (claim.quote) remark();
          setNotice({ text: t('popupClaimRestored') });
          focusClaim(claim.id);
        },
        // Still deleted: say so, and keep Undo to try again.
        () => setNotice({ text: t('popupRestoreFailed'), error: true, undo, focusUndo: true }),
      );
    };
    setNotice({ text: t('popupClaimDeleted'), focusUndo: true, undo });
  };

  const submitClaim = async (draft: ClaimDraft) => {
    if (top.route.name === 'edit') {
      const claim = await backend.updateClaim(top.route.claimId, toPatch(draft));
      // (its passage may have been kept or dropped, its link changed: the card over it says the claim)
      remark();
      // Back to the entity view the edit came from, with the claim's link open (the claim may have moved to another
      // link); if the claim no longer concerns that entity, to the view of its first entity.
      const ends = [draft.from!.id, draft.to!.id];
      setStack((s) => {
        const rest = s.slice(0, -1);
        const below = rest[rest.length - 1];
        if (below?.route.name === 'entity' && ends.includes(below.route.id)) return [...rest.slice(0, -1), { ...below, route: { ...below.route, open: claim.linkId } }];
        return [...rest, { route: { name: 'entity', id: ends[0]!, open: claim.linkId } }];
      });
      setRevision((r) => r + 1);
      setNotice({ text: t('popupChangesSaved') });
      return;
    }
    const claim = await backend.addClaim(toNewClaim(draft, tab?.page?.url));
    discardDraft();
    // The page marks the passage at once (its rescan marks the reader's quotes again; unchanged text is not re-read).
    if (claim.quote) remark();
    replace({ name: 'entity', id: draft.from!.id, open: claim.linkId });
    setRevision((r) => r + 1);
    setNotice({ text: t('popupClaimSaved') });
  };

  const banner = <Notice notice={notice} onDismiss={() => setNotice(undefined)} />;
  const common = { onOptions: () => backend.openOptions(), banner };
  const route = top.route;
  let view;
  if (route.name === 'entity') {
    view = (
      <EntityView
        key={`${route.id}:${route.open ?? ''}`}
        {...common}
        backend={backend}
        id={route.id}
        scale={scale}
        revision={revision}
        initialOpen={route.open}
        canRecord={!!tab?.page}
        onBack={back}
        onOpen={(id) => push({ name: 'entity', id })}
        onRecord={(entity) => void startRecord(entity)}
        onEditClaim={editClaim}
        onDeleteClaim={(c) => void deleteClaim(c)}
        onPage={onPageIds}
      />
    );
  } else if (route.name === 'record' || route.name === 'edit') {
    view = (
      <RecordView
        key={route.name === 'edit' ? route.claimId : 'new'}
        {...common}
        mode={route.name === 'edit' ? 'edit' : 'add'}
        initial={route.draft}
        suggestions={suggestions}
        search={backend.search}
        scale={scale}
        onSubmit={submitClaim}
        onBack={back}
        // A new claim is kept while it is being written (Back, Escape and closing the popup keep it); Cancel discards it.
        onDraftChange={route.name === 'record' ? keepDraft : undefined}
        onCancel={
          route.name === 'record'
            ? () => {
                discardDraft();
                back();
              }
            : undefined
        }
      />
    );
  } else {
    view = (
      <HomeView
        {...common}
        tab={tab}
        report={report}
        settings={settings}
        query={query}
        onQuery={(q) => {
          setQuery(q);
          setActiveResult(undefined);
        }}
        activeResult={activeResult}
        onActiveResult={setActiveResult}
        expanded={expandedKinds}
        onExpand={(kind) => setExpandedKinds((k) => new Set([...k, kind]))}
        search={backend.search}
        onSearchFocus={backend.prepareSearch}
        onOpen={(id) => push({ name: 'entity', id })}
        pageClaims={pageClaims}
        onOpenClaim={(id, linkId) => push({ name: 'entity', id, open: linkId })}
        onAdd={(name, kind) =>
          void backend
            .addEntity(name, kind)
            .then(async (entity) => {
              if (tab?.id !== undefined) await backend.rescan(tab.id);
              push({ name: 'entity', id: entity.id });
            })
            // The name is refused (markup, too long): say why rather than do nothing.
            .catch((e: unknown) => setNotice({ text: e instanceof Error ? e.message : String(e) }))
        }
        onRecord={() => void startRecord()}
        onToggleSite={() => {
          const url = tab?.url;
          if (!url) return;
          // On failure the switch shows the stored setting again, and the reader is told it did not change.
          backend.toggleSite(url).then(settingsChanged, () => setNotice({ text: t('popupSiteToggleFailed', siteOf(url) || url), error: true }));
        }}
        onResume={() => backend.resume().then(settingsChanged, () => setNotice({ text: t('popupResumeFailed'), error: true }))}
      />
    );
  }

  return (
    <div class="app">{view}</div>
  );
}

function cssEscape(value: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
}
