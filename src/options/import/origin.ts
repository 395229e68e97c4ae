/** "https://host/path" → "https://host/*" (the permission pattern); undefined unless https. Pure. */
export function originPatternOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.hostname ? `https://${u.hostname}/*` : undefined;
  } catch {
    return undefined;
  }
}
