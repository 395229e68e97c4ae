/**
 * Names under a layer the reader sees through but the pointer does not pass: a transparent click-catcher that a
 * paywall, a consent script or an ad lays over the article with pointer events on. The browser's hit test
 * (highlightsFromPoint, caret position) stops at such a layer, so a highlighted name the reader sees would never
 * open its card. Layers that paint nothing at the point are looked through here, and the text of the element
 * beneath is tested by its boxes. A layer that paints (a dimmed consent wall, a blurred or faded paywall) keeps the
 * page behind it out of reach, as the page means it to.
 */

/** Below this alpha a layer's background is nothing the reader sees. */
const CLEAR_ALPHA = 0.05;
/** Text nodes looked at under the layer: the element beneath the point is a paragraph or a word, rarely more. */
const MAX_TEXTS = 400;

/**
 * The text nodes beneath the clear layers at (x, y), or none when the element on top there is not such a layer.
 * One style read of the top element at the point when nothing was hit; the stack only when it is a clear layer.
 */
export function textsUnderClearLayers(doc: Document, x: number, y: number): Text[] {
  const top = doc.elementFromPoint(x, y);
  if (!top || !isClearLayer(top)) return [];
  const stack = doc.elementsFromPoint(x, y);
  let i = 0;
  while (i < stack.length && isClearLayer(stack[i]!)) i++;
  const beneath = stack[i];
  if (!beneath || beneath === doc.documentElement) return [];
  const texts: Text[] = [];
  const walker = doc.createTreeWalker(beneath, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n && texts.length < MAX_TEXTS; n = walker.nextNode()) texts.push(n as Text);
  return texts;
}

/**
 * An element laid over the page (positioned) that draws nothing: invisible (opacity 0), or with no background, no
 * border, no backdrop filter and no text of its own.
 */
function isClearLayer(el: Element): boolean {
  const doc = el.ownerDocument;
  if (el === doc.documentElement || el === doc.body) return false;
  const style = doc.defaultView?.getComputedStyle(el);
  if (!style || style.position === 'static' || style.position === 'relative') return false;
  if (parseFloat(style.opacity) === 0) return true;
  if (style.backgroundImage !== 'none' || alphaOf(style.backgroundColor) > CLEAR_ALPHA) return false;
  if ((style.backdropFilter || 'none') !== 'none' || parseFloat(style.borderTopWidth) > 0) return false;
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 && (c as Text).data.trim()) return false;
  return true;
}

/** The alpha of a computed colour (`rgb(…)` is opaque, `rgba(…, a)` has a). */
function alphaOf(color: string): number {
  if (color === 'transparent') return 0;
  const m = /^rgba\(.*,\s*([\d.]+)\s*\)$/.exec(color);
  return m ? Number(m[1]) : 1;
}
