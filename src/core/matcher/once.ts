/**
 * A value built at its first use, then kept. The matcher's expressions with Unicode classes (`\p{L}`) are parsed
 * when created, ≈ 0.1–0.3 ms each in a renderer that has not run the content script before; created at module
 * evaluation they cost every new site's first page, names or none. Read it once per call into a local where a loop
 * would otherwise call it per character.
 */
export function once<T extends object>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
