// @vitest-environment happy-dom
/**
 * Where the highlight rules hang: on `:root` in a document when the browser has highlight inheritance (cheaper to
 * adopt on element-heavy pages), unscoped in shadow roots and wherever the check on the page says it is missing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StyleManager } from '../../../src/content/highlighter';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

// happy-dom drops ::highlight() rules when parsing, so the text each sheet was last given is what is checked.
const written = new WeakMap<CSSStyleSheet, string>();
const replaceSync = CSSStyleSheet.prototype.replaceSync;
CSSStyleSheet.prototype.replaceSync = function (this: CSSStyleSheet, css: string) {
  written.set(this, css);
  replaceSync.call(this, css);
};
const selectors = (root: Document | ShadowRoot) =>
  root.adoptedStyleSheets.flatMap((s) => [...(written.get(s) ?? '').matchAll(/^(\S*::highlight\([\w-]+\))/gm)].map((m) => m[1]!));

/** Makes the browser answer `fill` for the document's actor highlight on <body>. */
function computedFill(fill: string) {
  const real = window.getComputedStyle.bind(window);
  return vi.spyOn(window, 'getComputedStyle').mockImplementation((el, pseudo) => (pseudo?.startsWith('::highlight') ? ({ backgroundColor: fill } as CSSStyleDeclaration) : real(el, pseudo)));
}

afterEach(() => {
  vi.restoreAllMocks();
  document.adoptedStyleSheets = [];
  document.body.innerHTML = '';
});

describe('StyleManager', () => {
  it('scopes the document rules to :root when inheritance is expected, never a shadow root’s', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    const styles = new StyleManager(document, true);
    styles.setColors(DEFAULT_SETTINGS.colors);
    styles.ensure(document);
    styles.ensure(shadow);
    expect(selectors(document).length).toBeGreaterThan(0);
    expect(selectors(document).every((s) => s.startsWith(':root::highlight('))).toBe(true);
    expect(selectors(shadow).length).toBeGreaterThan(0);
    expect(selectors(shadow).every((s) => s.startsWith('::highlight('))).toBe(true);
  });

  it('keeps the :root rules where they reach <body>', () => {
    const styles = new StyleManager(document, true);
    styles.setColors(DEFAULT_SETTINGS.colors);
    styles.ensure(document);
    computedFill('rgba(255, 179, 167, 0.55)');
    styles.settle(false);
    expect(selectors(document).length).toBeGreaterThan(0);
    expect(selectors(document).every((s) => s.startsWith(':root::'))).toBe(true);
  });

  it('rewrites them unscoped, with the page’s theme, where the browser lacks highlight inheritance', () => {
    const styles = new StyleManager(document, true);
    styles.setColors(DEFAULT_SETTINGS.colors);
    styles.ensure(document);
    const light = written.get(document.adoptedStyleSheets[0]!);
    computedFill('rgba(0, 0, 0, 0)');
    styles.settle(true);
    expect(selectors(document).length).toBeGreaterThan(0);
    expect(selectors(document).every((s) => s.startsWith('::highlight('))).toBe(true);
    // Same sheet object, rewritten in place with the dark page's fill, so nothing is adopted twice.
    expect(document.adoptedStyleSheets).toHaveLength(1);
    const dark = written.get(document.adoptedStyleSheets[0]!)!;
    expect(dark).toMatch(/rgba\(255, 179, 167, 0\.34\)/);
    expect(light).toMatch(/rgba\(255, 179, 167, 0\.55\)/);
  });

  it('does not read computed style when no inheritance was expected', () => {
    const styles = new StyleManager(document, false);
    styles.setColors(DEFAULT_SETTINGS.colors);
    styles.ensure(document);
    const spy = computedFill('rgba(0, 0, 0, 0)');
    styles.settle(false);
    expect(spy).not.toHaveBeenCalled();
    expect(selectors(document).length).toBeGreaterThan(0);
    expect(selectors(document).every((s) => s.startsWith('::highlight('))).toBe(true);
  });
});
