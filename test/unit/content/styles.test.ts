// @vitest-environment happy-dom
/**
 * Where the highlight rules hang: in a document, on the tags of the elements holding painted text (adding rules to a
 * built page recomputes the style of every element they reach, so the fewer the cheaper), or on `:root` when those
 * tags are most of the page and the browser has highlight inheritance; unscoped in shadow roots.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Reassertions, StyleManager, type HighlightName } from '../../../src/content/highlighter';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

// happy-dom drops ::highlight() rules when parsing, so the text each sheet was last given is what is checked.
const written = new WeakMap<CSSStyleSheet, string>();
const replaceSync = CSSStyleSheet.prototype.replaceSync;
CSSStyleSheet.prototype.replaceSync = function (this: CSSStyleSheet, css: string) {
  written.set(this, css);
  replaceSync.call(this, css);
};
const selectors = (root: Document | ShadowRoot) =>
  root.adoptedStyleSheets.flatMap((s) => [...(written.get(s) ?? '').matchAll(/^(.*?::highlight\([\w-]+\))/gm)].map((m) => m[1]!));

/**
 * A style manager with the default colours and `name` in use. `holders`: elements holding painted text, or tags (the
 * first element of the page with that tag, else one outside the page).
 */
function manager(holders: (string | Element)[], { inherits = false, name = 'actorlens-actor' as HighlightName } = {}): StyleManager {
  const styles = new StyleManager(document, inherits);
  styles.setColors(DEFAULT_SETTINGS.colors);
  styles.use(name);
  for (const h of holders) styles.cover(holderOf(h));
  return styles;
}
const holderOf = (h: string | Element) => (typeof h === 'string' ? (document.querySelector(h) ?? document.createElement(h)) : h);

afterEach(() => {
  vi.restoreAllMocks();
  document.adoptedStyleSheets = [];
  document.body.innerHTML = '';
});

describe('StyleManager', () => {
  it('hangs the document rules on the tags holding painted text, never a shadow root’s', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    const styles = manager(['p', 'b']);
    styles.ensure(document);
    styles.ensure(shadow);
    expect(selectors(document).length).toBeGreaterThan(0);
    expect(selectors(document).every((s) => s.startsWith(':is(p, b)::highlight('))).toBe(true);
    expect(selectors(shadow).length).toBeGreaterThan(0);
    expect(selectors(shadow).every((s) => s.startsWith('::highlight('))).toBe(true);
  });

  it('writes rules only for the highlights in use, adding one when it is first painted', () => {
    const styles = manager(['p'], { name: 'actorlens-malware' });
    styles.ensure(document);
    expect(selectors(document)).toEqual([':is(p)::highlight(actorlens-malware)']);
    styles.use('actorlens-possible-fill');
    styles.use('actorlens-malware');
    expect(selectors(document)).toEqual([':is(p)::highlight(actorlens-malware)', ':is(p)::highlight(actorlens-possible-fill)']);
    expect(document.adoptedStyleSheets).toHaveLength(1);
  });

  it('adopts the rules only when the highlights are shown, and not into a component removed meanwhile', () => {
    document.body.innerHTML = '<div id="kept"></div><div id="gone"></div>';
    const kept = document.getElementById('kept')!.attachShadow({ mode: 'open' });
    const gone = document.getElementById('gone')!.attachShadow({ mode: 'open' });
    const styles = manager(['p']);
    for (const root of [document, kept, gone]) styles.want(root);
    expect(styles.pending).toBe(true);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect(kept.adoptedStyleSheets).toHaveLength(0);
    document.getElementById('gone')!.remove();
    styles.adoptPending();
    expect(styles.pending).toBe(false);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(kept.adoptedStyleSheets).toHaveLength(1);
    expect(gone.adoptedStyleSheets).toHaveLength(0);
  });

  it('with highlight inheritance, hangs them on :root when the tags named and what they hold are a third of the page or more', () => {
    // The paragraphs hold links and emphasis that are not painted: they are reached all the same.
    document.body.innerHTML = `${'<p>a <b>b</b> <a href="#"><em>c</em></a></p>'.repeat(10)}<div>d</div>`.repeat(2);
    const styles = manager(['p', 'b'], { inherits: true });
    styles.ensure(document);
    expect(selectors(document)).toEqual([':root::highlight(actorlens-actor)']);
  });

  it('with highlight inheritance, hangs them on the element holding every painted text, not on the page around it', () => {
    document.body.innerHTML = `<nav>${'<li><a href="#">x</a></li>'.repeat(50)}</nav><main><article><h2>Report</h2><p>Lazarus <i>Group</i></p><p>and <b>TrickBot</b></p></article></main><footer>${'<p>f</p>'.repeat(20)}</footer>`;
    const styles = manager(['article p', 'article b'], { inherits: true });
    styles.ensure(document);
    expect(selectors(document)).toEqual([':root > body > main > article::highlight(actorlens-actor)']);
  });

  it('names the region from the nearest ancestor with an id of its own, by tags only (no positions)', () => {
    document.body.innerHTML = `<div id="top">${'<p>x</p>'.repeat(60)}</div><div id="content"><section class="story"><p>Lazarus</p><p>TrickBot</p></section></div>`;
    const styles = manager(['section p', 'section p:last-child'], { inherits: true });
    styles.ensure(document);
    expect(selectors(document)).toEqual(['#content > section::highlight(actorlens-actor)']);
  });

  it('widens the region when text elsewhere is painted, rewriting the rules once per update', () => {
    document.body.innerHTML = `<nav>${'<li><a href="#">x</a></li>'.repeat(50)}</nav><article><p>Lazarus</p><p>TrickBot</p></article><aside><p>Dridex</p></aside>`;
    const styles = manager(['article p'], { inherits: true });
    styles.ensure(document);
    expect(selectors(document)).toEqual([':root > body > article > p::highlight(actorlens-actor)']);
    const rewrite = vi.spyOn(document.adoptedStyleSheets[0]!, 'replaceSync');
    styles.cover(holderOf('article p:last-child'));
    styles.cover(holderOf('aside p'));
    styles.updateScope();
    expect(rewrite).toHaveBeenCalledTimes(1);
    // Now the article and the aside: their common ancestor is the body, nearly the whole page, so the tags are cheaper.
    expect(selectors(document)).toEqual([':is(p)::highlight(actorlens-actor)']);
  });

  it('says how many elements adopting the rules makes the browser restyle: the article, not the page around it', () => {
    document.body.innerHTML = `<nav>${'<li><a href="#">x</a></li>'.repeat(500)}</nav><article><p>Lazarus <b>Group</b></p><p>TrickBot</p></article>`;
    const styles = manager(['article p', 'article b'], { inherits: true });
    styles.want(document);
    const total = document.getElementsByTagName('*').length;
    expect(styles.reach()).toBeLessThan(10);
    // Names all over the page: about the whole page.
    styles.cover(holderOf('nav a'));
    expect(styles.reach()).toBeGreaterThanOrEqual(total / 2);
    expect(styles.reach()).toBeLessThanOrEqual(total);
    // Nothing waits to be adopted into the document: nothing to restyle.
    styles.adoptPending();
    expect(styles.reach()).toBe(0);
  });

  it('works the region out again when the page replaces it, from the elements still holding painted text', () => {
    document.body.innerHTML = `<nav>${'<li>x</li>'.repeat(50)}</nav><div id="app"><article><p>Lazarus</p></article></div>`;
    const styles = manager(['article p'], { inherits: true });
    styles.ensure(document);
    expect(styles.scopeHolds()).toBe(true);
    // A framework re-renders the view: the article is now inside a new wrapper.
    const app = document.getElementById('app')!;
    const wrapper = document.createElement('section');
    wrapper.append(app.firstElementChild!);
    app.append(wrapper);
    expect(styles.scopeHolds()).toBe(false);
    styles.rescope([holderOf('article p')]);
    expect(styles.scopeHolds()).toBe(true);
    expect(selectors(document)).toEqual(['#app > section > article > p::highlight(actorlens-actor)']);
  });

  it('falls back to the tags where the rules do not reach the elements holding painted text (no highlight inheritance after all)', () => {
    document.body.innerHTML = `${'<li>x</li>'.repeat(30)}<article><p>a <b>b</b></p><p>c</p></article>`;
    const styles = manager(['article b', 'article p:last-child'], { inherits: true });
    styles.ensure(document);
    expect(selectors(document)).toEqual([':root > body > article::highlight(actorlens-actor)']);
    const real = window.getComputedStyle.bind(window);
    const read = vi.spyOn(window, 'getComputedStyle').mockImplementation((el, pseudo) => (pseudo?.startsWith('::highlight') ? ({ backgroundColor: 'rgba(0, 0, 0, 0)', textDecorationLine: 'none' } as CSSStyleDeclaration) : real(el, pseudo)));
    styles.settle(false, [holderOf('article b')]);
    expect(read).toHaveBeenCalledWith(holderOf('article b'), '::highlight(actorlens-actor)');
    expect(selectors(document)).toEqual([':is(b, p)::highlight(actorlens-actor)']);
    expect(document.adoptedStyleSheets).toHaveLength(1);
  });

  it('a tag met later rewrites the adopted sheet in place; one already named does not', () => {
    const styles = manager(['p']);
    styles.ensure(document);
    const sheet = document.adoptedStyleSheets[0]!;
    const rewrite = vi.spyOn(sheet, 'replaceSync');
    styles.cover(holderOf('p'));
    styles.updateScope();
    expect(rewrite).not.toHaveBeenCalled();
    styles.cover(holderOf('my-widget'));
    styles.cover(holderOf('my-widget'));
    expect(rewrite).not.toHaveBeenCalled();
    styles.updateScope();
    expect(rewrite).toHaveBeenCalledTimes(1);
    expect(document.adoptedStyleSheets).toEqual([sheet]);
    expect(selectors(document).every((s) => s.startsWith(':is(p, my-widget)::highlight('))).toBe(true);
  });

  it('writes the rules unscoped once too many tags hold painted text', () => {
    const styles = manager([]);
    for (let i = 0; i < 100; i++) styles.cover(holderOf(`x-part-${i}`));
    styles.ensure(document);
    expect(selectors(document).length).toBeGreaterThan(0);
    expect(selectors(document).every((s) => s.startsWith('::highlight('))).toBe(true);
  });

  it('rewrites the same sheet with the dark page’s fill once the page is found dark', () => {
    const styles = manager(['p']);
    styles.ensure(document);
    const light = written.get(document.adoptedStyleSheets[0]!);
    styles.settle(true);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    const dark = written.get(document.adoptedStyleSheets[0]!)!;
    expect(dark).toMatch(/rgba\(255, 179, 167, 0\.34\)/);
    expect(light).toMatch(/rgba\(255, 179, 167, 0\.55\)/);
    expect(selectors(document).every((s) => s.startsWith(':is(p)::highlight('))).toBe(true);
  });

  it('forgets the tags with the rules: painting again names only what is painted then', () => {
    const styles = manager(['li']);
    styles.ensure(document);
    styles.clear();
    expect(document.adoptedStyleSheets).toHaveLength(0);
    styles.cover(holderOf('em'));
    styles.ensure(document);
    expect(selectors(document).every((s) => s.startsWith(':is(em)::highlight('))).toBe(true);
  });
});

describe('putting back what the page took away', () => {
  it('re-adopts the rules after the page assigns adoptedStyleSheets, keeping its sheet first; nothing when they are there', () => {
    document.body.innerHTML = '<div id="c"></div>';
    const shadow = document.getElementById('c')!.attachShadow({ mode: 'open' });
    const styles = manager(['p']);
    styles.want(document);
    styles.want(shadow);
    styles.adoptPending();
    const ours = document.adoptedStyleSheets[0]!;
    expect(styles.restore()).toBe(0);
    const theirs = new CSSStyleSheet();
    document.adoptedStyleSheets = [theirs];
    shadow.adoptedStyleSheets = [theirs];
    expect(styles.restore()).toBe(2);
    expect(document.adoptedStyleSheets).toEqual([theirs, ours]);
    expect(shadow.adoptedStyleSheets).toHaveLength(2);
    expect(styles.restore()).toBe(0);
  });

  it('gives up on a root whose page keeps taking them away', () => {
    const styles = manager(['p']);
    styles.want(document);
    styles.adoptPending();
    let back = 0;
    for (let i = 0; i < 50; i++) {
      document.adoptedStyleSheets = [];
      back += styles.restore();
    }
    expect(back).toBeLessThanOrEqual(3);
  });

  it('puts nothing back once cleared', () => {
    const styles = manager(['p']);
    styles.want(document);
    styles.adoptPending();
    styles.clear();
    expect(styles.restore()).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });
});

describe('Reassertions', () => {
  it('allows a few within the window, more after it, and never past the total', () => {
    const r = new Reassertions(3, 10_000, 5);
    expect([r.allow(0), r.allow(1), r.allow(2), r.allow(3)]).toEqual([true, true, true, false]);
    expect(r.allow(10_001)).toBe(true);
    expect(r.allow(10_002)).toBe(true);
    expect(r.allow(30_000)).toBe(false);
  });
});

describe('print', () => {
  it('writes the highlight rules for the screen only: a printout or saved PDF carries none of our colours', () => {
    const styles = manager(['p']);
    styles.ensure(document);
    const css = document.adoptedStyleSheets.map((s) => written.get(s) ?? '').join('\n');
    const open = css.indexOf('@media not print {');
    const close = css.indexOf('\n}', open);
    expect(open).toBeGreaterThanOrEqual(0);
    const inside = css.slice(open, close);
    const outside = css.slice(0, open) + css.slice(close);
    expect(inside).toContain('::highlight(actorlens-actor)');
    expect(outside).not.toMatch(/highlight\(|background-color|text-decoration/);
  });
});
