/**
 * Which addresses from data (a claim's source, the page it was recorded on, a backup, an import) may ever be opened.
 * A link in the popup or options page opens its address on a click: "javascript:" runs script, "data:" and "blob:"
 * show whatever the file put in them. Only web pages and files are addresses a reader means to open.
 */
const OPENABLE_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'file:']);

/** The scheme of an address as a browser would read it ("JavaScript:" and " javascript:" alike), or undefined. */
function schemeOf(raw: string): string | undefined {
  try {
    return new URL(raw).protocol;
  } catch {
    return undefined;
  }
}

/** The address itself when it is an http(s) or file: address a link may point to, else undefined. */
export function openableUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw !== raw.trim()) return undefined;
  const scheme = schemeOf(raw);
  return scheme !== undefined && OPENABLE_SCHEMES.has(scheme) ? raw : undefined;
}

/**
 * Whether stored text must not be kept as an address: it reads as an address of a scheme other than http(s) and
 * file: ("javascript:…", "data:…"). Text that is no address at all ("vendor site, p. 4") is only not linked.
 */
export function isForeignScheme(raw: string): boolean {
  const scheme = schemeOf(raw.trim());
  return scheme !== undefined && !OPENABLE_SCHEMES.has(scheme);
}
