/**
 * HTML → the text a content script reads: the elements it skips are skipped (src/core/page-text.ts: scripts,
 * styles, form fields, code blocks…), an element that is not inline (src/content/extract.ts INLINE) ends a word, and
 * the drawn text of an inline SVG is read, as the content script reads them. Like the content script, text hidden by
 * an attribute or a style is read (a page may show it at any moment). Uses htmlparser2.
 *
 * Where a browser builds a tree other than the markup's, the text follows the browser's tree, since that is what
 * the content script walks: text or a <p> inside <head> is moved to the body, an open declarative shadow root (a
 * <template shadowrootmode="open">) is shown in place of the template, and CDATA inside an SVG is text.
 */
import { Parser } from 'htmlparser2';
import { linearStacks } from './parser-stack';
import { INLINE } from '../../src/content/extract';
import { isEditorWidget, preReadsAsProse, SKIPPED_ELEMENTS, unwrapLines } from '../../src/core/page-text';

/**
 * The content script's list, less <head> and <svg>. It walks the tree the browser built, whose <head> holds only
 * what the parser kept there (title, scripts, styles, templates: all skipped by name, or void); a page that leaves
 * out </head> and <body> (both optional) has its text in the body, but htmlparser2 would leave it in <head>. An inline
 * SVG is read for its drawn text, as in extract.ts.
 */
const SKIP: ReadonlySet<string> = new Set([...SKIPPED_ELEMENTS].filter((name) => name !== 'head' && name !== 'svg'));
/** extract.ts SVG_UNDRAWN: SVG elements whose content is never drawn where it stands (names as htmlparser2 gives them). */
const SVG_UNDRAWN: ReadonlySet<string> = new Set(['desc', 'metadata', 'defs', 'symbol', 'clipPath', 'mask', 'pattern', 'marker', 'linearGradient', 'radialGradient', 'filter']);
/** Void elements that still break a line (the others, an <img>, a <wbr>, sit inside a word). */
const VOID_BREAKS = new Set(['br', 'hr']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/**
 * The elements that may host a shadow root (DOM standard, attachShadow), besides custom elements; a declarative
 * shadow root is attached only to these (extract.ts SHADOW_HOSTS, where the content script looks for one).
 */
const SHADOW_HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);
const CUSTOM_ELEMENT = /^[a-z][^A-Z]*-/;
/** Nesting past which the parser's stacks are made linear (browsers lay a page out only 512 deep). */
const DEEP = 1024;

/** Namespaces the reader tells apart: an SVG's elements are read by other rules than HTML's. */
const HTML = 0;
const SVG = 1;

/** One open element. */
interface Open {
  name: string;
  /** Does it start a skipped subtree? */
  skip: boolean;
  /** The namespace of its children. */
  inner: typeof HTML | typeof SVG;
  /** Has it a declarative shadow root already (a second template is left a template, as in a browser)? */
  shadow: boolean;
  /** Is the nearest element around its text that is not inline a <pre> (extract.ts: text read as a <pre>'s)? */
  preBlock: boolean;
}

/** An open <pre>, read or dropped when it closes (page-text.ts `preReadsAsProse`, as the content script decides). */
interface OpenPre {
  start: number;
  depth: number;
  classes: string;
  firstChild: boolean;
  hasCode: boolean;
  all: string[];
  /** Where in `parts` each text node of the <pre> block itself is, its hand-wrapped lines joined if it is read. */
  nodes: number[];
}

export function htmlToText(html: string): string {
  const parts: string[] = [];
  let skipDepth = 0;
  const stack: Open[] = [];
  let pre: OpenPre | undefined;
  /**
   * The part holding the text node read last while no tag or comment has come since: htmlparser2 hands a text node
   * over in pieces (an entity is a piece of its own), and lines are joined per text node, as extract.ts joins them.
   */
  let run = -1;
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        run = -1;
        // Past any depth a real page reaches, the parser's stacks are made linear (parser-stack.ts); before, they
        // stay the arrays they are, which are faster.
        if (stack.length > DEEP) linearStacks(parser);
        const parent = stack[stack.length - 1];
        const ns = parent?.inner ?? HTML;
        const editable = (attrs.contenteditable !== undefined && attrs.contenteditable.toLowerCase() !== 'false') || isEditorWidget(attrs.class, attrs.role);
        if (pre) {
          if (!pre.firstChild) {
            pre.firstChild = true;
            pre.classes += ` ${attrs.class ?? ''}`;
          }
          if (name === 'code') pre.hasCode = true;
        }
        const opensPre = name === 'pre' && !pre && skipDepth === 0 && !editable;
        // The content script reads open shadow roots only (a closed one is out of its reach).
        const shadowRoot =
          name === 'template' && ns === HTML && attrs.shadowrootmode?.toLowerCase() === 'open' && !!parent && !parent.shadow && parent.inner === HTML && (SHADOW_HOSTS.has(parent.name) || CUSTOM_ELEMENT.test(parent.name));
        if (shadowRoot) parent.shadow = true;
        const skip = editable || (!shadowRoot && SKIP.has(name) && !opensPre) || (ns === SVG && SVG_UNDRAWN.has(name));
        if (!VOID.has(name)) {
          const preBlock = INLINE.has(name) ? !!parent?.preBlock : name === 'pre';
          stack.push({ name, skip, inner: name === 'svg' && ns === HTML ? SVG : name === 'foreignObject' ? HTML : ns, shadow: false, preBlock });
          if (skip) skipDepth++;
        }
        if ((VOID.has(name) ? VOID_BREAKS.has(name) : !INLINE.has(name)) && skipDepth === 0) parts.push('\n');
        // (the <pre> opens after its line break: start - 1 is where it began)
        if (opensPre) pre = { start: parts.length, depth: stack.length, classes: attrs.class ?? '', firstChild: false, hasCode: false, all: [], nodes: [] };
      },
      ontext(text) {
        pre?.all.push(text);
        if (skipDepth !== 0) return;
        if (pre && stack[stack.length - 1]?.preBlock) {
          // Kept as written until the <pre> closes and is known to be read (then its lines are joined per node).
          if (run >= 0) parts[run] += text;
          else pre.nodes.push((run = parts.push(text) - 1));
          return;
        }
        // A line break in the source is rendered as a space; only blocks and <br> break lines (as in extract.ts).
        parts.push(text.replace(/[\r\n]/g, ' '));
      },
      oncomment() {
        run = -1;
      },
      onclosetag(name) {
        run = -1;
        if (VOID.has(name)) return;
        // A skipped element is not entered by the content script: the text on both sides stays in one block. So
        // is a <pre> found to hold code when it closes: it goes with the line break it opened with.
        let skipped = false;
        if (pre && name === 'pre' && stack.length === pre.depth) {
          if (preReadsAsProse(pre.all.join(''), pre.classes, pre.hasCode)) {
            for (const i of pre.nodes) parts[i] = unwrapLines(parts[i] as string);
          } else {
            parts.length = pre.start - 1;
            skipped = true;
          }
          pre = undefined;
        }
        if (stack.pop()?.skip) skipDepth--;
        else if (!skipped && !INLINE.has(name) && skipDepth === 0) parts.push('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts
    .join('')
    .replace(/[ \t\r\f]+/g, ' ')
    .replace(/ *\n[ \n]*/g, '\n')
    .trim();
}

/**
 * WHATWG MIME Sniffing's "HTML" patterns (what a browser does with a page served without a type, or a file whose
 * name says nothing): after blank space, a comment or one of these tags, followed by a space or ">" (here also a line
 * break, and anything after "<!--").
 */
const HTML_SIGNATURE = /^[\t\n\f\r ]*(?:<!--|(?:<!doctype html|<html|<head|<script|<iframe|<h1|<div|<font|<table|<a|<style|<title|<b|<body|<br|<p)[\t\n\f\r >])/i;

/** Is a document HTML? By its name when that says (.html, .txt…), else by how it starts, as a browser sniffs it. */
export function looksLikeHtml(s: string, nameHint = ''): boolean {
  if (/\.html?$|\.xhtml$/i.test(nameHint)) return true;
  if (/\.(txt|md|text)$/i.test(nameHint)) return false;
  return HTML_SIGNATURE.test(s);
}
