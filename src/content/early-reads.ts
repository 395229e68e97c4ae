/**
 * Storage reads begun at document_start (early.ts) and taken over by the content script at document_idle. The
 * settings, the prefilter and, in the top frame, the dictionary text are then on their way while the page is
 * still loading, instead of after it: the reader's wait for highlights no longer includes the storage round trips.
 *
 * The reads live on a property of the isolated world's global object, which the page cannot see. Each value is
 * taken once (the dictionary text is large: it must not outlive the first scan), and a value that changed in
 * storage between the two scripts is not used: the caller then reads storage itself, as it does when early.js
 * did not run (a tab open before the extension was installed or updated).
 */
import { nativeStorage } from '../platform/native-storage';
import { CLAIM_ORIGINS_KEY, DICTIONARY_KEY, PREFILTER_KEY, SETTINGS_KEY } from '../platform/storage-keys';

type Raw = Record<string, unknown>;
interface EarlyReads {
  small: Promise<Raw | undefined>;
  /** The keys `small` asked for. */
  smallKeys: string[];
  dictionary?: Promise<Raw | undefined>;
  /** Keys changed in storage since the reads began, or already taken. */
  spent: Set<string>;
  onChanged: (changes: Record<string, unknown>, area: string) => void;
}

const SLOT = '__actorlensEarlyReads';
const slot = globalThis as unknown as { [SLOT]?: EarlyReads };

/**
 * early.ts: ask for everything now. The small values come in their own read, ahead of the dictionary text. A child
 * frame asks for the settings alone: it reads the prefilter once it has text (many frames, ads' and widgets', have
 * none), and it was the largest part of every frame's reply.
 */
export function beginEarlyReads(top: boolean): void {
  const spent = new Set<string>();
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local') for (const key of Object.keys(changes)) spent.add(key);
  };
  const storage = nativeStorage();
  storage.onChanged.addListener(onChanged);
  const read = (keys: string[]) => storage.local.get(keys).catch(() => undefined);
  const smallKeys = top ? [SETTINGS_KEY, CLAIM_ORIGINS_KEY, PREFILTER_KEY] : [SETTINGS_KEY, CLAIM_ORIGINS_KEY];
  slot[SLOT] = {
    small: read(smallKeys),
    smallKeys,
    dictionary: top ? read([DICTIONARY_KEY]) : undefined,
    spent,
    onChanged,
  };
}

/**
 * The keys whose value this script took from early.ts's reads rather than reading storage: the scan's stats carry
 * them (actorlens:scanStats), so a browser test can tell an early read that works from one that fails, which the
 * content script otherwise covers by reading storage itself.
 */
const takenEarly = new Set<string>();
export const keysTakenEarly = (): string[] => [...takenEarly].sort();

/**
 * The value early.ts read for `key`, through `from`; or, when there is no usable early read, `read()` (storage
 * read directly).
 */
export async function earlyOr<T>(key: string, from: (value: unknown) => T, read: () => Promise<T>): Promise<T> {
  const early = slot[SLOT];
  if (!early || early.spent.has(key) || (key !== DICTIONARY_KEY && !early.smallKeys.includes(key))) return read();
  early.spent.add(key);
  const pending = key === DICTIONARY_KEY ? early.dictionary : early.small;
  if (key === DICTIONARY_KEY) early.dictionary = undefined;
  const raw = pending ? await pending : undefined;
  if (!raw) return read();
  takenEarly.add(key);
  return from(raw[key]);
}

/**
 * Ends the early reads once the first scan is over (or ActorLens is off here): whatever was not taken goes, with the
 * listener, which would otherwise receive every later storage change in this frame for nothing.
 */
export function dropEarly(): void {
  const early = slot[SLOT];
  if (!early) return;
  nativeStorage().onChanged.removeListener(early.onChanged);
  delete slot[SLOT];
}
