/**
 * Which address turns ActorLens on or off in a frame: the tab's top document's, whatever the frame's own address.
 */
import { describe, expect, it } from 'vitest';
import { fallbackSiteUrl, siteUrlOf, type FrameContext } from '../../../src/content/frame-site';
import { DEFAULT_SETTINGS, isEnabledFor, siteOf, suppressedFor, toggleSite } from '../../../src/core/settings';

const TOP = 'http://127.0.0.1:8080/page.html';
const child = (over: Partial<FrameContext>): FrameContext => ({ href: 'about:srcdoc', isTop: false, origin: 'null', ...over });

describe('siteUrlOf', () => {
  it('the top frame: its own address; a top-level about:blank a page opened: the origin it inherited', () => {
    expect(siteUrlOf({ href: TOP, isTop: true, origin: 'http://127.0.0.1:8080' })).toBe(TOP);
    expect(siteUrlOf({ href: 'about:blank', isTop: true, origin: 'https://news.example' })).toBe('https://news.example');
    expect(siteOf(siteUrlOf({ href: 'about:blank', isTop: true, origin: 'null' })!)).toBe('');
  });

  it('srcdoc, about:blank and blob: frames of the page follow the top document, not their address without a site', () => {
    for (const href of ['about:srcdoc', 'about:blank', 'blob:http://127.0.0.1:8080/0b1c']) {
      const frame = child({ href, origin: 'http://127.0.0.1:8080', topHref: TOP });
      expect(siteOf(href)).toBe('');
      expect(siteUrlOf(frame)).toBe(TOP);
    }
  });

  it('a frame from another host follows the top document (Chromium: location.ancestorOrigins, top last)', () => {
    const frame = child({ href: 'http://localhost:8080/child.html', origin: 'http://localhost:8080', ancestorOrigins: ['http://ads.example', 'http://127.0.0.1:8080'] });
    expect(siteOf(siteUrlOf(frame)!)).toBe('127.0.0.1');
    // A srcdoc frame inside that frame, sandboxed (opaque origin): the same.
    expect(siteUrlOf(child({ ancestorOrigins: ['http://localhost:8080', 'http://127.0.0.1:8080'] }))).toBe('http://127.0.0.1:8080');
  });

  it('the top address read through window.top wins over ancestorOrigins', () => {
    expect(siteUrlOf(child({ topHref: TOP, ancestorOrigins: ['http://127.0.0.1:8080'] }))).toBe(TOP);
  });

  it('cannot tell by itself (cross-origin, no ancestorOrigins: Firefox; or no top with a site): undefined, ask the background', () => {
    expect(siteUrlOf(child({ href: 'http://localhost:8080/child.html', origin: 'http://localhost:8080' }))).toBeUndefined();
    expect(siteUrlOf(child({ ancestorOrigins: [] }))).toBeUndefined();
    expect(siteUrlOf(child({ ancestorOrigins: ['null'] }))).toBeUndefined();
    expect(siteUrlOf(child({ topHref: 'about:blank' }))).toBeUndefined();
  });

  it('the fallback when no one answers: the referrer, else the inherited origin, else the frame’s own address', () => {
    const frame = child({ href: 'http://localhost:8080/child.html', origin: 'http://localhost:8080' });
    expect(fallbackSiteUrl(frame, 'http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/');
    expect(fallbackSiteUrl(frame, '')).toBe('http://localhost:8080');
    expect(fallbackSiteUrl(child({}), '')).toBe('about:srcdoc');
  });
});

describe('a frame decided by the top site', () => {
  const srcdoc = siteUrlOf(child({ origin: 'http://127.0.0.1:8080', topHref: TOP }))!;
  const embedded = siteUrlOf(child({ href: 'http://localhost:8080/c', origin: 'http://localhost:8080', ancestorOrigins: ['http://127.0.0.1:8080'] }))!;

  it('is off where the reader switched the tab’s site off, and on in "only" mode where it is listed', () => {
    const off = toggleSite(DEFAULT_SETTINGS, TOP);
    expect(isEnabledFor(off, srcdoc)).toBe(false);
    expect(isEnabledFor(off, embedded)).toBe(false);
    // Before: the frames were judged by their own address.
    expect(isEnabledFor(off, 'about:srcdoc')).toBe(true);
    expect(isEnabledFor(off, 'http://localhost:8080/c')).toBe(true);
    const only = { ...DEFAULT_SETTINGS, siteMode: 'only' as const, sites: ['127.0.0.1'] };
    expect(isEnabledFor(only, srcdoc)).toBe(true);
    expect(isEnabledFor(only, embedded)).toBe(true);
  });

  it('toggles the top site (the keyboard command from inside a frame) and takes the top site’s suppressions', () => {
    expect(toggleSite(DEFAULT_SETTINGS, srcdoc).sites).toEqual(['127.0.0.1']);
    expect(toggleSite(DEFAULT_SETTINGS, 'about:srcdoc').sites).toEqual([]);
    const s = { ...DEFAULT_SETTINGS, suppressed: [{ term: 'Lazarus', site: '127.0.0.1' }] };
    expect(suppressedFor(s, embedded)).toEqual(['Lazarus']);
  });
});
