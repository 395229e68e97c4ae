/**
 * Host permission for one origin, asked only when the reader imports from an address. The manifest declares
 * optional_host_permissions ["https://*\/*"] and no host access otherwise: we request exactly the origin of
 * the address, and only from a click (browsers require a user gesture for permissions.request).
 */
import { browser } from './browser';

/** "https://raw.githubusercontent.com/MISP/…" → "https://raw.githubusercontent.com/*"; undefined when not https. */
export function originPattern(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.hostname ? `${u.protocol}//${u.hostname}/*` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks for access to the address's origin. Call it first thing in a click handler, before any other await,
 * or the browser will refuse for lack of a user gesture. Resolves false when refused or not https.
 */
export async function requestOriginFor(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  try {
    return await browser.permissions.request({ origins: [pattern] });
  } catch {
    return false;
  }
}

/** Gives the origin's access back (used after a one-off fetch when the reader asked not to keep it). */
export async function releaseOriginFor(url: string): Promise<void> {
  const pattern = originPattern(url);
  if (pattern) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
}
