/**
 * The hover / keyboard card: a small panel in a CLOSED shadow root next to a highlight, saying what was found
 * (canonical name, kind), which alias matched and why, the top links with confidence words, and a button that
 * opens the entity in ActorLens. Built with createElement/textContent only: data never reaches innerHTML.
 *
 * The host element is created the first time a card is needed and is in the document only while a card is
 * shown; it carries OWN_UI_ATTR (never scanned, ignored by the observer). The card sits next to the match, never
 * over it, except in a viewport too small to hold it beside the match (a small frame), where it takes the
 * viewport, compact and scrollable.
 */
import type { CardData, CardLink, PageQuote } from '../core/protocol';
import { bandOf } from '../core/model/confidence';
import type { MessageKey } from '../platform/i18n';
import { t } from '../platform/i18n';
import { OWN_UI_ATTR } from './extract';
import type { Spot } from './scanner';
import type { QuoteMark } from './quote-anchors';
import { liveRange } from './ranges';
import { CARD_CSS } from './card-css';

/** What a card is shown for: a name, or a passage the reader quoted for a claim (where no name is under the pointer). */
export type CardTarget = Spot | QuoteMark;

export function isQuoteMark(target: CardTarget | undefined): target is QuoteMark {
  return !!target && 'quote' in target;
}

/** Room between the card and the viewport's edges, and between the card and the match. */
const EDGE = 4;
const GAP = 6;
/** Below this, a viewport (a small frame) gets the compact card. */
const COMPACT_BELOW = 240;
/** Least height worth showing beside the match when the card fits neither above nor below it. */
const MIN_BESIDE = 110;

/** Per kind: stripe colour, label colour on light cards, label colour on dark cards. */
const KIND_COLORS: Record<string, [string, string, string]> = {
  actor: ['#d6402a', '#b3341f', '#ff9a85'],
  ransomware: ['#8c3cdc', '#7a2fc7', '#cfa6ff'],
  malware: ['#1e6edc', '#1a5fc0', '#8cc2ff'],
  tool: ['#3c9632', '#2f7a27', '#9ad98a'],
  possible: ['#d6402a', '#b3341f', '#ff9a85'],
  'possible-malware': ['#1e6edc', '#1a5fc0', '#8cc2ff'],
  // the marker-pen yellow of the passage's mark, darkened enough to read as text
  quote: ['#e0b000', '#7a5c00', '#f5d36b'],
};

export interface CardCallbacks {
  /** Card details for an entity (asked of the background on demand). */
  fetch(entityId: string): Promise<CardData | null>;
  /** Opens the entity in ActorLens, with `linkId` open when given (a claim's card). */
  open(entityId: string, linkId?: string): void;
  /** The entities spotted on this page now (their links come first on the card, marked). */
  onPage?(): ReadonlySet<string>;
}

export class Card {
  private host: HTMLElement | undefined;
  private root: ShadowRoot | undefined;
  private box: HTMLElement | undefined;
  private shown: CardTarget | undefined;
  private cache = new Map<string, Promise<CardData | null>>();
  private showToken = 0;
  private previousFocus: Element | null = null;

  constructor(
    private readonly doc: Document,
    private readonly callbacks: CardCallbacks,
  ) {}

  /** The name whose card is shown. */
  get current(): Spot | undefined {
    return isQuoteMark(this.shown) ? undefined : this.shown;
  }

  /** What the shown card is for: a name or a quoted passage. */
  get target(): CardTarget | undefined {
    return this.shown;
  }

  /** Is this event target our card host? (the closed shadow root retargets events to it) */
  owns(target: EventTarget | null): boolean {
    return !!this.host && target === this.host;
  }

  show(spot: Spot, options: { dark: boolean; near?: { x: number; y: number }; focus?: boolean }): void {
    const token = ++this.showToken;
    const box = this.ensureBox();
    // No card where the document cannot hold one (no shadow root to be had): nothing shown, nothing thrown.
    if (!box) return;
    this.shown = spot;
    box.className = options.dark ? 'card dark' : 'card';
    box.scrollTop = 0;
    const possibleMalware = spot.possible && spot.kind !== 'actor';
    const [kindColor, kindText, kindTextDark] = KIND_COLORS[spot.possible ? (possibleMalware ? 'possible-malware' : 'possible') : spot.kind] ?? KIND_COLORS.actor!;
    box.style.setProperty('--kind', kindColor);
    box.style.setProperty('--kind-text', options.dark ? kindTextDark : kindText);
    box.replaceChildren();
    box.setAttribute('aria-label', t('card_label', spot.name));

    const head = el('div', 'head');
    head.append(el('span', 'name', spot.name), el('span', 'kind', t(spot.possible ? (possibleMalware ? 'kind_possible_malware' : 'kind_possible') : (`kind_${spot.kind}` as MessageKey))));
    box.append(head, el('div', 'why', whyText(spot)));

    const links = el('div', 'links');
    box.append(links);
    const foot = el('div', 'foot');
    let button: HTMLButtonElement | undefined;
    if (spot.entityId && !spot.possible) {
      const entityId = spot.entityId;
      links.append(el('div', 'muted', t('card_loading')));
      button = el('button', '', t('card_open')) as HTMLButtonElement;
      button.type = 'button';
      button.addEventListener('click', () => {
        this.callbacks.open(entityId);
        this.hide();
      });
      foot.append(button);
      // What was fetched before shows at once, and the background is asked again at every showing: the reader may
      // have recorded or edited a link in the popup since (a tab stays open for hours; its cards did not change).
      const cached = this.cache.get(entityId);
      const fresh = this.callbacks.fetch(entityId).catch(() => null);
      let rendered: string | undefined;
      const render = (data: CardData | null) => {
        if (token !== this.showToken) return;
        const key = JSON.stringify(data?.links ?? []);
        if (key === rendered) return;
        rendered = key;
        links.replaceChildren(renderLinks(data?.links ?? [], this.callbacks.onPage?.() ?? new Set()));
        this.place(spot.range, options.near);
      };
      if (cached) void cached.then(render);
      void fresh
        .then((data) => {
          // A failed fetch keeps what was fetched before.
          if (data || !cached) this.cache.set(entityId, fresh);
          return data ?? cached ?? null;
        })
        .then(render);
    }
    foot.append(el('span', 'hint', t('card_keyboard_hint')));
    box.append(foot);
    this.present(spot.range, options, button);
  }

  /**
   * The card over a passage the reader quoted for a claim: the claim's sentence (and "refutes" where it says the link
   * is false), the source's publisher and date, and a button opening the link in ActorLens.
   */
  showClaim(mark: QuoteMark, options: { dark: boolean; near?: { x: number; y: number }; focus?: boolean }): void {
    ++this.showToken;
    const box = this.ensureBox();
    if (!box) return;
    this.shown = mark;
    const q = mark.quote;
    box.className = options.dark ? 'card dark' : 'card';
    box.scrollTop = 0;
    const [stripe, label, labelDark] = KIND_COLORS.quote!;
    box.style.setProperty('--kind', stripe);
    box.style.setProperty('--kind-text', options.dark ? labelDark : label);
    box.replaceChildren();
    const sentence = claimSentence(q);
    box.setAttribute('aria-label', t('card_claim_label', sentence));
    const head = el('div', 'head');
    head.append(el('span', 'kind', t('card_claim_kind')));
    const claim = el('div', 'claim name', sentence);
    if (q.stance === 'refutes') claim.append(el('span', 'conf refuted', t('card_claim_refutes')));
    const source = [q.publisher, q.date].filter(Boolean).join(' · ');
    box.append(head, claim, el('div', 'why', source || t('card_claim_no_source')));
    const foot = el('div', 'foot');
    const button = el('button', '', t('card_open')) as HTMLButtonElement;
    button.type = 'button';
    button.addEventListener('click', () => {
      this.callbacks.open(q.from.id, q.linkId);
      this.hide();
    });
    foot.append(button, el('span', 'hint', t('card_keyboard_hint')));
    box.append(foot);
    this.present(mark.range, options, button);
  }

  /** Puts the host in the page (in the top layer beside a modal holding the text), places the card, takes focus. */
  private present(range: AbstractRange, options: { near?: { x: number; y: number }; focus?: boolean }, button: HTMLButtonElement | undefined): void {
    const holder = topLayerHolder(range.startContainer);
    const parent = holder ?? this.doc.documentElement;
    if (this.host!.parentNode !== parent) parent.append(this.host!);
    if (holder) intoTopLayer(this.host!);
    else this.host!.removeAttribute('popover');
    this.place(range, options.near);
    if (options.focus && button) {
      this.previousFocus = this.doc.activeElement;
      button.focus({ preventScroll: true });
    }
  }

  /** `restoreFocus`: put the focus back where it was when the card took it (not when the reader moved it away). */
  hide(restoreFocus = true): void {
    this.showToken++;
    if (!this.shown) return;
    this.shown = undefined;
    // Out of the page until the next card: no element of ours stays in the document.
    this.host?.remove();
    this.box?.replaceChildren();
    const back = this.previousFocus;
    this.previousFocus = null;
    if (restoreFocus && back instanceof HTMLElement && this.doc.contains(back)) back.focus({ preventScroll: true });
  }

  /** Removes the host element: the page is back as it was. */
  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = undefined;
    this.root = undefined;
    this.box = undefined;
    this.cache.clear();
  }

  /**
   * The card's box, made the first time. The elements are made in the HTML namespace: in an XML document (a feed or
   * a sitemap in the browser's XML viewer) `createElement` makes a namespace-less element, which cannot have a shadow
   * root. Undefined where no shadow root can be attached all the same.
   */
  private ensureBox(): HTMLElement | undefined {
    if (this.box && this.host) return this.box;
    const host = htmlElement(this.doc, 'actorlens-card');
    host.setAttribute(OWN_UI_ATTR, '');
    let root: ShadowRoot;
    try {
      root = host.attachShadow({ mode: 'closed' });
    } catch {
      return undefined;
    }
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CARD_CSS);
      root.adoptedStyleSheets = [sheet];
      if (!root.adoptedStyleSheets.includes(sheet)) throw new Error('not adopted');
    } catch {
      const style = htmlElement(this.doc, 'style');
      style.textContent = CARD_CSS;
      root.append(style);
    }
    const box = el('div', 'card', undefined, this.doc);
    box.setAttribute('role', 'dialog');
    root.append(box);
    this.host = host;
    this.root = root;
    this.box = box;
    return box;
  }

  /**
   * Below the match (above when there is no room), never over it, inside the viewport. Where neither side holds
   * the whole card, it scrolls on the roomier side; where neither side leaves room for a useful card, it takes
   * the viewport.
   */
  private place(target: AbstractRange, near?: { x: number; y: number }): void {
    const box = this.box;
    if (!box) return;
    // The host inherits the page's CSS zoom (`html { zoom: 1.5 }`): the card would grow with it and its top/left
    // would be multiplied, while client rects are unzoomed. Undoing the zoom on the box makes its pixels the
    // viewport's.
    const zoom = (this.host as { currentCSSZoom?: number } | undefined)?.currentCSSZoom;
    box.style.zoom = typeof zoom === 'number' && zoom > 0 && zoom !== 1 ? String(1 / zoom) : '';
    const range = liveRange(target);
    const rects = [...range.getClientRects()];
    // A passage runs over lines: the card goes beside all of it, not over the lines after the one pointed at.
    const rect = isQuoteMark(this.shown)
      ? range.getBoundingClientRect()
      : ((near && rects.find((r) => near.y >= r.top - 2 && near.y <= r.bottom + 2)) ?? rects[0] ?? range.getBoundingClientRect());
    const view = this.doc.documentElement;
    const vw = view.clientWidth || innerWidth;
    const vh = view.clientHeight || innerHeight;
    box.classList.toggle('compact', vh < COMPACT_BELOW || vw < COMPACT_BELOW);
    box.style.maxWidth = `${Math.max(0, vw - 2 * EDGE)}px`;
    box.style.maxHeight = '';
    const { width, height } = box.getBoundingClientRect();
    const below = vh - EDGE - (rect.bottom + GAP);
    const above = rect.top - GAP - EDGE;
    let top: number;
    let maxHeight: number | undefined;
    if (height <= below) top = rect.bottom + GAP;
    else if (height <= above) top = rect.top - GAP - height;
    else if (Math.max(below, above) >= MIN_BESIDE) {
      maxHeight = Math.max(below, above);
      top = below >= above ? rect.bottom + GAP : EDGE;
    } else {
      maxHeight = vh - 2 * EDGE;
      top = EDGE;
    }
    if (maxHeight !== undefined) box.style.maxHeight = `${Math.floor(Math.max(0, maxHeight))}px`;
    const left = Math.max(EDGE, Math.min(rect.left, vw - width - EDGE));
    // Where the host could not be lifted into the top layer, a transformed ancestor (a dialog centred with
    // translate(-50%, -50%)) is the containing block of fixed boxes: the host (fixed at 0, 0) is then not at the
    // viewport's corner, and its offset is taken off.
    const origin = this.host?.getBoundingClientRect();
    box.style.top = `${Math.round(top - (origin?.top ?? 0))}px`;
    box.style.left = `${Math.round(left - (origin?.left ?? 0))}px`;
  }
}

/**
 * Shows the host as a manual popover: above the modal dialog that holds it (the top layer stacks in order of
 * showing) and out of the dialog's own box, which would otherwise clip it where a transform makes the dialog the
 * containing block of fixed boxes. Inside the dialog it is not inert. The card's own :host rules outweigh the
 * browser's popover styles. Without the Popover API it stays a child of the dialog.
 */
function intoTopLayer(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  try {
    host.setAttribute('popover', 'manual');
    if (!host.matches(':popover-open')) host.showPopover();
  } catch {
    host.removeAttribute('popover');
  }
}

/**
 * The modal dialog or fullscreen element (`:modal`, in the top layer) that holds `node`, if any. The card goes in it:
 * appended to the root it would be drawn under the top layer and, beside a modal dialog, be inert (no pointer, no
 * focus, out of the accessibility tree).
 */
export function topLayerHolder(node: Node): Element | undefined {
  for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n; ) {
    if (n.nodeType === 1) {
      try {
        if ((n as Element).matches(':modal')) return n as Element;
      } catch {
        return undefined; // a browser without :modal has no top layer to be under
      }
      n = n.parentNode;
    } else if (n.nodeType === 11) {
      n = (n as ShadowRoot).host ?? null;
    } else {
      return undefined;
    }
  }
  return undefined;
}

const XHTML = 'http://www.w3.org/1999/xhtml';

/** An HTML element, whatever the document's type (createElement in an XML document makes a namespace-less one). */
function htmlElement(doc: Document, tag: string): HTMLElement {
  return doc.createElementNS(XHTML, tag) as HTMLElement;
}

function el(tag: string, className: string, text?: string, doc: Document = document): HTMLElement {
  const node = htmlElement(doc, tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "Lazarus Group obtains access from TrickBot": the claim's link, from → to, in the popup's words. */
function claimSentence(q: PageQuote): string {
  return `${q.from.name} ${t(`relation_${q.relation.replace(/-/g, '_')}` as MessageKey)} ${q.to.name}`;
}

function whyText(spot: Spot): string {
  if (spot.possible && spot.kind !== 'actor') return t(spot.rule === 'same-text' ? 'card_reason_malware_same_text' : 'card_reason_malware_pattern');
  if (spot.possible && spot.rule === 'same-text') return t('card_reason_same_text');
  if (spot.possible || spot.reason === 'pattern') return t('card_reason_pattern');
  const matched = spot.alias && spot.alias !== spot.name ? t('card_matched_alias', spot.alias) : t('card_matched_name');
  let why: string;
  switch (spot.reason) {
    case 'case-folded':
      why = t('card_reason_case_folded');
      break;
    case 'context-confirmed':
      why = spot.linkedWith ? t('card_reason_linked', spot.linkedWith) : spot.cue ? t('card_reason_context', spot.cue.word) : t('card_reason_context_plain');
      break;
    default:
      why = t('card_reason_exact');
  }
  return `${matched} · ${why}`;
}

/**
 * The top links, as the background chose and ordered them (background/card-data.ts: those to an entity this page
 * also names first); those are marked "on this page", in words, as in the popup.
 */
function renderLinks(links: CardLink[], onPage: ReadonlySet<string>): Node {
  if (!links.length) return el('div', 'muted', t('card_no_links'));
  const list = el('ul', '');
  const here = (link: CardLink) => onPage.has(link.otherId);
  for (const link of links) {
    const li = el('li', '');
    const key = link.relation.replace(/-/g, '_');
    const text = el('span', 'rel');
    const inverseKey = `relationInverse_${key}`;
    const inverse = link.direction === 'in' ? t(inverseKey as MessageKey) : '';
    if (link.direction === 'out' || (inverse && inverse !== inverseKey)) {
      text.append(`${link.direction === 'out' ? t(`relation_${key}` as MessageKey) : inverse} `, el('strong', '', link.otherName));
    } else {
      const marker = '\u0001';
      const [before = '', after = ''] = t('card_link_in', [marker, t(`relation_${key}` as MessageKey)]).split(marker);
      text.append(before, el('strong', '', link.otherName), after);
    }
    li.append(text);
    if (here(link)) li.append(el('span', 'here', t('popupLinkOnPage')));
    const band = bandOf(link.confidence);
    const word = band ? t(`confidence_${band.key}` as MessageKey) : t('confidence_unspecified');
    const status = link.status === 'active' ? '' : ` · ${t(`status_${link.status}` as MessageKey)}`;
    li.append(el('span', `conf ${link.status}`, `${word}${status}`));
    li.append(el('span', 'muted', link.sources === 1 ? t('card_link_sources_one') : t('card_link_sources', String(link.sources))));
    list.append(li);
  }
  return list;
}
