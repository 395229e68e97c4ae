/**
 * Content script entry. Classic script, one file (content scripts cannot be ES modules).
 * It never opens IndexedDB: the background sends the compiled dictionary. On a page where it is off or finds
 * nothing, it leaves no trace the page can see.
 */
import type { ContentCalls, SpottedReport } from '../core/protocol';
import { isEnabledFor, suppressedFor, type Settings } from '../core/settings';
import { handleMessages } from '../platform/messaging';
import { loadSettings, onSettingsChanged, updateSettings } from '../platform/settings';
import { toggleSite } from '../core/settings';
import { Scanner } from './scanner';
import { pageInfo } from './page-info';

const started = performance.now();
let scanner: Scanner | undefined;
let settings: Settings | undefined;
let report: SpottedReport = { done: false, scanMs: 0, matches: [] };

async function apply(next: Settings): Promise<void> {
  settings = next;
  if (isEnabledFor(next, location.href)) {
    scanner ??= new Scanner(document);
    report = await scanner.start({ suppressed: suppressedFor(next, location.href), kinds: next.kinds, possibleActors: next.possibleActors }, started);
  } else {
    scanner?.stop();
    scanner = undefined;
    report = { done: true, scanMs: performance.now() - started, matches: [] };
  }
}

handleMessages<ContentCalls>({
  'actorlens:spotted': () => (scanner ? scanner.report() : report),
  async 'actorlens:rescan'() {
    if (settings) await apply(settings);
    return scanner ? scanner.report() : report;
  },
  'actorlens:pageInfo': () => pageInfo(document, location.href),
  async 'actorlens:toggle'() {
    const next = await updateSettings((s) => toggleSite(s, location.href));
    return { enabled: isEnabledFor(next, location.href) };
  },
});

onSettingsChanged((next) => void apply(next));
void loadSettings().then(apply);
