/**
 * Describes the page for citation: address, title, site name, publication date and author from the page's
 * metadata (Open Graph, article:*, schema.org JSON-LD is not parsed), and the reader's selection as a
 * TextQuoteSelector with 32 characters of context on each side, so the passage can be found again.
 */
import type { TextQuoteSelector } from '../core/model/link';
import type { PageInfo } from '../core/protocol';

const CONTEXT = 32;

function meta(doc: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = el?.getAttribute('content')?.trim();
    if (value) return value.slice(0, 300);
  }
  return undefined;
}

export function selectionQuote(doc: Document): TextQuoteSelector | undefined {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || !selection.rangeCount) return undefined;
  const range = selection.getRangeAt(0);
  const exact = range.toString().replace(/\s+/g, ' ').trim();
  if (!exact) return undefined;
  // The context is read in the selection's own tree: a passage in a web component's open shadow root (which the
  // selection reaches in Chromium) has its prefix and suffix there, not in the document around the component.
  const tree = range.startContainer.getRootNode();
  const scope: Node = tree.nodeType === 11 ? tree : doc.body;
  const before = doc.createRange();
  before.setStart(scope, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const after = doc.createRange();
  after.setStart(range.endContainer, range.endOffset);
  if (scope === doc.body) after.setEndAfter(doc.body.lastChild ?? doc.body);
  else after.setEnd(scope, scope.childNodes.length);
  const prefix = before.toString().replace(/\s+/g, ' ').slice(-CONTEXT);
  const suffix = after.toString().replace(/\s+/g, ' ').slice(0, CONTEXT);
  return { type: 'TextQuoteSelector', exact: exact.slice(0, 2000), ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
}

/**
 * The document where the reader's selection is: this one, or the frame that has the focus, followed down through
 * frames the content script can reach (same origin: an article body or a mail archive's message written into a
 * srcdoc or about:blank frame). A frame of another origin has its own content script and is not read from here.
 */
export function focusedDocument(doc: Document): Document {
  let d = doc;
  for (let depth = 0; depth < 8; depth++) {
    const el = d.activeElement;
    if (!el || (el.localName !== 'iframe' && el.localName !== 'frame')) break;
    const inner = frameDocument(el as HTMLIFrameElement);
    if (!inner?.body) break;
    d = inner;
  }
  return d;
}

function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

export function pageInfo(doc: Document, url: string): PageInfo {
  const published = meta(doc, 'article:published_time', 'datePublished', 'date', 'dc.date', 'DC.date.issued');
  const siteName = meta(doc, 'og:site_name', 'application-name');
  const author = meta(doc, 'author', 'article:author');
  // the selection where the reader made it: a claim quoted in a same-origin frame is the top page's (its frame marks
  // it, background/handlers.ts quotedPageOf)
  const selection = selectionQuote(focusedDocument(doc));
  const title = meta(doc, 'og:title') ?? doc.title;
  return {
    url,
    title: title.slice(0, 300),
    ...(siteName ? { siteName } : {}),
    ...(published ? { published: published.slice(0, 10) } : {}),
    ...(author ? { author } : {}),
    ...(selection ? { selection } : {}),
    ...(doc.contentType && doc.contentType !== 'text/html' ? { contentType: doc.contentType } : {}),
  };
}
