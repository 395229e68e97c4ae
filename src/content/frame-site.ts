/**
 * Which address decides whether ActorLens works in a frame. The reader switches a site on or off for the tab
 * (popup, Alt+Shift+L): every frame of the tab follows the site of the tab's top document, not its own address.
 * A srcdoc or about:blank frame has no host of its own (siteOf('about:srcdoc') is ''), and an embedded frame from
 * another host is part of the page the reader switched off.
 *
 * Where it is known without asking anyone, the answer is taken synchronously, most exact first:
 *  1. the top frame: its own address (a top-level about:blank a page opened: the origin it inherited);
 *  2. a child frame with the same origin as the top document (srcdoc, about:blank and blob: frames of the page
 *     itself, same-site frames): the top document's address, read through `window.top.location`;
 *  3. any other child frame in Chromium: the last entry of `location.ancestorOrigins`, the top document's origin,
 *     which the browser fills in (the page cannot change it);
 * and else (a cross-origin frame in Firefox, which has no ancestorOrigins) the background is asked: it knows the
 * sender's tab and asks the tab's top frame for its address (../background/handlers.ts, actorlens:topSiteUrl).
 * `document.referrer` is not used to decide: it is the parent's address (not the top's when frames nest), the
 * page's referrer policy may empty it, and it becomes the frame's own previous address once the frame navigates
 * itself. It is only the last resort when the background cannot answer (see fallbackSiteUrl).
 */
import { siteOf } from '../core/settings';

export interface FrameContext {
  /** location.href */
  href: string;
  /** window === window.top */
  isTop: boolean;
  /** self.origin: for about:, srcdoc and blob: documents the origin they inherited; 'null' when opaque. */
  origin: string;
  /** window.top.location.href, when the top document has this frame's origin (reading it threw otherwise). */
  topHref?: string;
  /** location.ancestorOrigins (Chromium, WebKit): the parent's origin first, the top document's last. */
  ancestorOrigins?: readonly string[];
}

const hasSite = (url: string | undefined): url is string => url !== undefined && siteOf(url) !== '';

/** The address whose site turns ActorLens on or off in this frame; undefined: only the background can tell. */
export function siteUrlOf(frame: FrameContext): string | undefined {
  if (frame.isTop) return hasSite(frame.href) ? frame.href : hasSite(frame.origin) ? frame.origin : frame.href;
  if (hasSite(frame.topHref)) return frame.topHref;
  const ancestors = frame.ancestorOrigins;
  const top = ancestors?.length ? ancestors[ancestors.length - 1] : undefined;
  if (hasSite(top)) return top;
  return undefined;
}

/** When the background could not say (it restarted, or the top frame has no content script): the best guess left. */
export function fallbackSiteUrl(frame: FrameContext, referrer: string): string {
  if (hasSite(referrer)) return referrer;
  return hasSite(frame.origin) ? frame.origin : frame.href;
}

/** Reads this frame's FrameContext from the page (the content script's own view of it, no page code runs). */
export function readFrame(win: Window): FrameContext {
  const isTop = win === win.top;
  let topHref: string | undefined;
  if (!isTop) {
    try {
      topHref = win.top?.location.href;
    } catch {
      // Another origin: the browser does not let a frame read the top document's address.
    }
  }
  const list = (win.location as { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  const origin = typeof win.origin === 'string' ? win.origin : ((win.document as { origin?: string }).origin ?? 'null');
  return {
    href: win.location.href,
    isTop,
    origin,
    ...(topHref !== undefined ? { topHref } : {}),
    ...(list ? { ancestorOrigins: Array.from(list) } : {}),
  };
}
