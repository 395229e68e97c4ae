/**
 * Content script entry. Classic script, one file (content scripts cannot be ES modules); runs in every frame.
 * It never opens IndexedDB: it matches with the dictionary the background published to storage (./knowledge.ts),
 * so the page's text stays here, and asks the background for card details on demand. On a page where it
 * is off or finds nothing, it leaves no trace the page can see: no attributes, elements, styles, globals or
 * registered highlights (listeners and observers live in the isolated world and are invisible to the page).
 */
import type { ContentCalls, PageQuote, SpottedEntity, SpottedReport } from '../core/protocol';
import { isEnabledFor, siteOf, suppressedFor, toggleSite, type Settings } from '../core/settings';
import { callBackground, handleMessages, type Handlers } from '../platform/messaging';
import { SETTINGS_KEY, loadSettings, onSettingsChanged, settingsFrom, updateSettings } from '../platform/settings';
import { earlyOr, keysTakenEarly } from './early-reads';
import { Card } from './card';
import { Interaction } from './interact';
import { pageInfo } from './page-info';
import { fallbackSiteUrl, readFrame, siteUrlOf } from './frame-site';
import { forgetKnowledge, loadPrefilter, prefetchDictionary, releasePrefetched } from './knowledge';
import { CHUNK_CHARS, Scanner } from './scanner';
import { yieldBehindQueue } from './yield';
import { preread } from './preread';
import { QuoteFollower } from './quote-follow';
import { mayHaveClaims, takeClaimOrigins } from './claim-origins';
import { onDictionaryChanged } from '../platform/dictionary-store';
import { browser } from '../platform/browser';

const started = performance.now();
const isTop = window === window.top;
// Reading the page needs no settings: begin at once (dropped, unused, if ActorLens turns out to be off here). Its
// slices yield behind queued tasks, so the settings' arrival is not held up by the reading.
const pre = preread(document, CHUNK_CHARS, yieldBehindQueue);
let scanner: Scanner | undefined;
let interaction: Interaction | undefined;
let quotes: QuoteFollower<PageQuote> | undefined;
let settings: Settings | undefined;
let enabled = false;
let report: SpottedReport = { done: false, scanMs: 0, matches: [] };
let applying: Promise<void> = Promise.resolve();

/**
 * Every frame is on or off by the site of the tab's top document, which the reader switched (./frame-site.ts):
 * a srcdoc, about:blank or embedded frame follows the page it is part of. Known at once in the top frame, in frames
 * of the top document's origin and (Chromium) from location.ancestorOrigins; else (a cross-origin frame in Firefox)
 * the background asks the top frame. Until the answer comes the frame stays off: no trace on a page switched off.
 */
const firstFrame = readFrame(window);
const knownSiteUrl = siteUrlOf(firstFrame);
const childSiteUrl: Promise<string> | undefined = isTop ? undefined : knownSiteUrl !== undefined ? Promise.resolve(knownSiteUrl) : askTopSiteUrl();

async function askTopSiteUrl(): Promise<string> {
  // The top frame's content script may start after this frame's: ask again a few times before guessing.
  for (let attempt = 0; attempt < 6; attempt++) {
    const url = await callBackground({ type: 'actorlens:topSiteUrl' }).catch(() => null);
    if (typeof url === 'string' && siteOf(url)) return url;
    await new Promise((resolve) => setTimeout(resolve, 250 * (attempt + 1)));
  }
  return fallbackSiteUrl(firstFrame, document.referrer);
}

/** The address whose site decides (the top frame reads its own again: a single-page app changes it). */
function siteUrlNow(): Promise<string> {
  return childSiteUrl ?? Promise.resolve(siteUrlOf(readFrame(window)) ?? location.href);
}

/**
 * Whether this document reported anything yet. Until it has, a report of nothing is not sent: the background holds
 * nothing of this document to take back, and the tallies of the frame's earlier document go with the navigation
 * (background/badge.ts checkTab; a child frame's own goodbye on pagehide). A page without names sends nothing.
 */
let reported = false;

function send(entities: SpottedEntity[]): void {
  if (!entities.length && !reported) return;
  reported = true;
  void callBackground({ type: 'actorlens:reportSpotted', entities, title: document.title }).catch(() => undefined);
}

// Only Firefox has runtime.getBrowserInfo, and Firefox (153) lacks highlight inheritance; the scanner checks the
// guess on the page all the same (StyleManager.settle).
const highlightInheritance = typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo !== 'function';

function startScanner(): Scanner {
  const s = new Scanner(document, highlightInheritance);
  const onPage = () => [...new Set(s.tally().flatMap((m) => (m.entityId ? [m.entityId] : [])))];
  const card = new Card(document, {
    fetch: (entityId) => callBackground({ type: 'actorlens:getCard', entityId, onPage: onPage() }),
    open: (entityId, linkId) => void callBackground({ type: 'actorlens:openEntity', entityId, ...(linkId ? { linkId } : {}) }).catch(() => undefined),
    onPage: () => new Set(onPage()),
  });
  interaction = new Interaction(document, s, card);
  const follower = (quotes = new QuoteFollower<PageQuote>((q) => paintQuotes(s, q), () => s.orderedQuotes().length));
  s.onFirstPaint = () => interaction?.attach();
  s.onUpdate = (sc) => send(sc.tally());
  s.onFlushed = () => {
    if (isTop) checkChildFrames();
    follower.changed();
  };
  return s;
}

function stopScanner(): void {
  quotes?.stop();
  quotes = undefined;
  interaction?.detach();
  interaction = undefined;
  scanner?.stop();
  scanner = undefined;
}

async function apply(next: Settings): Promise<void> {
  const url = await siteUrlNow();
  const wasEnabled = enabled;
  const prev = settings;
  settings = next;
  enabled = isEnabledFor(next, url);
  if (!enabled) {
    pre.drop();
    releasePrefetched();
    stopScanner();
    report = { done: true, scanMs: performance.now() - started, matches: [] };
    if (wasEnabled || !prev) send([]);
    return;
  }
  // Settings that change what is spotted or how it looks restart the scan; others (history, scale…) do not.
  const key = (s: Settings | undefined) => (s ? JSON.stringify([s.kinds, suppressedFor(s, url), s.possibleActors, s.colors]) : '');
  if (scanner && wasEnabled && key(prev) === key(next)) return;
  stopScanner();
  scanner = startScanner();
  const options = { suppressed: suppressedFor(next, url), kinds: next.kinds, possibleActors: next.possibleActors, colors: next.colors };
  try {
    report = await scanner.start(options, started, pre);
    if (isTop) checkChildFrames();
    void markQuotes(scanner, false);
  } catch (error) {
    // No dictionary (background busy or reloaded): stay invisible; a later settings change or rescan retries.
    report = { done: true, scanMs: performance.now() - started, matches: [] };
    console.debug('ActorLens: scan skipped', error);
  }
}

/**
 * The passages of the reader's claims on this page, marked once the names are (quote-anchors.ts), and looked for again
 * as the page changes while some are missing (quote-follow.ts). Asked again at every rescan: a claim edited or deleted
 * in the popup changes or takes away its mark. Unless the popup asked (`always`: it has just changed a claim), a page
 * of an origin without claims does not ask (claim-origins.ts).
 */
async function markQuotes(s: Scanner, always: boolean): Promise<void> {
  always ||= popupAsked;
  popupAsked = false;
  const asked = always || (await mayHaveClaims([location.origin, self.origin])) ? await callBackground({ type: 'actorlens:pageQuotes' }).catch(() => null) : [];
  if (!asked || s !== scanner) return;
  quotes?.follow(asked);
  await paintQuotes(s, asked);
}

/** The popup asked for a rescan while the first scan ran: its end asks for the passages whatever the list says. */
let popupAsked = false;

async function paintQuotes(s: Scanner, asked: readonly PageQuote[]): Promise<void> {
  // A passage is pointed at for its claim's card, on a page where no name was painted too.
  if ((await s.paintQuotes(asked)) && s === scanner) interaction?.attach();
}

function queueApply(next: Settings): Promise<void> {
  applying = applying.then(() => apply(next));
  return applying;
}

async function spottedAnswer(): Promise<SpottedReport> {
  const own = scanner ? scanner.report() : report;
  // Fold in what the tab's other frames reported (same-origin or not, each frame scans itself).
  const others = await callBackground({ type: 'actorlens:framesSpotted' }).catch(() => [] as SpottedEntity[]);
  if (!others.length) return own;
  const merged = new Map(own.matches.map((m) => [`${m.entityId ?? '?'}\u0000${m.text}`, { ...m }]));
  for (const m of others) {
    const key = `${m.entityId ?? '?'}\u0000${m.text}`;
    const entry = merged.get(key);
    if (entry) entry.count += m.count;
    else merged.set(key, { ...m });
  }
  return { ...own, matches: [...merged.values()] };
}

// Only the top frame answers tab messages: a message sent to the tab reaches every frame and the first answer wins.
if (isTop) {
  const handlers: Handlers<ContentCalls> = {
    'actorlens:spotted': () => spottedAnswer(),
    async 'actorlens:rescan'() {
      if (scanner?.isDone) {
        await scanner.rescan();
        await markQuotes(scanner, true);
      } else if (settings) {
        popupAsked = true;
        await queueApply(settings);
      }
      return spottedAnswer();
    },
    'actorlens:pageInfo': () => pageInfo(document, location.href),
    'actorlens:scanStats': () =>
      scanner?.isDone
        ? { settings: settingsMs, ...scanner.phases, ranges: scanner.size, early: keysTakenEarly() }
        : null,
    // The keyboard command is sent to the top frame (frameId 0) wherever the focus is, so a key pressed inside a
    // frame flips the tab's site too; a top-level about:blank a page opened flips its opener's site.
    async 'actorlens:toggle'() {
      const url = await siteUrlNow();
      const next = await updateSettings((s) => toggleSite(s, url));
      return { enabled: isEnabledFor(next, url) };
    },
    'actorlens:siteUrl': () => siteUrlNow(),
    'actorlens:alive': () => true,
  };
  handleMessages<ContentCalls>(handlers);
} else {
  // Child frames answer only the background's question, sent to them alone by document id (background/frames.ts).
  handleMessages<Pick<ContentCalls, 'actorlens:alive'>>({ 'actorlens:alive': () => true });
}

// Single-page-app navigations: the URL changes without a new document. The Navigation API tells us where it
// exists; elsewhere a cheap check of location.href once a second.
let lastUrl = location.href;
const withoutFragment = (url: string) => url.split('#', 1)[0];
function onUrlMaybeChanged(): void {
  if (location.href === lastUrl) return;
  // A jump within the page (a table of contents, #section) shows the same view: nothing to read again. Re-reading
  // cost a whole scan per click (a 2 MB report: 1.2–1.6 s of main-thread work for five jumps against 0.09 s
  // without ActorLens). A hash-routed app's new view is read all the same: the observer sees it rendered.
  const sameView = withoutFragment(location.href) === withoutFragment(lastUrl);
  lastUrl = location.href;
  // Give the app a moment to render the new view, then re-read everything still valid.
  setTimeout(() => {
    void siteUrlNow().then((url) => {
      if (settings && isEnabledFor(settings, url) !== enabled) void queueApply(settings);
      else if (!sameView && scanner?.isDone) {
        const s = scanner;
        void s.rescan().then(() => markQuotes(s, false));
      }
    });
  }, 300);
}
const nav = (window as { navigation?: EventTarget }).navigation;
if (nav && typeof nav.addEventListener === 'function') nav.addEventListener('navigatesuccess', onUrlMaybeChanged);
else setInterval(onUrlMaybeChanged, 1000);
window.addEventListener('popstate', onUrlMaybeChanged);

/**
 * Child frames seen at the last look (top frame). A removed frame's own goodbye (pagehide, below) is lost when the
 * service worker is asleep (it cannot be woken by a frame being torn down): when a child frame the top frame knew
 * is gone, the background is asked to check which of the tab's documents are still there.
 */
let childWindows = new Set<Window>();
function checkChildFrames(): void {
  const now = new Set<Window>();
  for (let i = 0; i < window.length; i++) {
    const child = window[i];
    if (child) now.add(child);
  }
  for (const w of childWindows) {
    if (now.has(w)) continue;
    void callBackground({ type: 'actorlens:checkFrames' }).catch(() => undefined);
    break;
  }
  childWindows = now;
}

// A child frame that goes away takes its entities off the badge.
if (!isTop) window.addEventListener('pagehide', () => send([]));
// Back from the back/forward cache: the background let go of this document's tally when the tab moved on (and a
// child frame took its own off on pagehide). Every frame reports again what it still shows.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) send(scanner && enabled ? scanner.tally() : []);
});
// A page the browser prerendered (a link the reader is likely to follow) was read then, and its report refused by the
// background while it was not shown: report again when it is. (Chromium does not prerender under DevTools automation,
// so no browser test reaches this.)
if ((document as { prerendering?: boolean }).prerendering) {
  document.addEventListener('prerenderingchange', () => send(scanner && enabled ? scanner.tally() : []), { once: true });
}

let settingsMs = 0;
// Settings, (top frame) prefilter and dictionary text were asked for at document_start (content-early.js), or are
// asked for now, at once, not one after the other. Storage answers in order: the small reads (settings, prefilter)
// go first, the dictionary text after them.
takeClaimOrigins();
void earlyOr(SETTINGS_KEY, settingsFrom, loadSettings).then((s) => {
  settingsMs = performance.now() - started;
  return queueApply(s);
});
// A child frame asks for the prefilter when it has text to filter (scanner.ts).
if (isTop) {
  void loadPrefilter();
  prefetchDictionary();
}
onSettingsChanged((next) => void queueApply(next));
// An import or edit published a new dictionary: read the page again with it.
// A first scan still running finishes with the old one, then reads again.
onDictionaryChanged(() => {
  forgetKnowledge();
  void applying.then(() => (scanner?.isDone ? scanner.rescan() : undefined));
});
