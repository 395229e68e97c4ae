/**
 * HTML → the text a content script reads: the elements it skips are skipped (src/core/page-text.ts: scripts,
 * styles, form fields, code blocks…) and block elements become line breaks. Like the content script, text hidden by
 * an attribute or a style is read (a page may show it at any moment). Uses htmlparser2.
 */
import { Parser } from 'htmlparser2';
import { linearStacks } from './parser-stack';
import { isEditorWidget, preReadsAsProse, SKIPPED_ELEMENTS as SKIP, unwrapLines } from '../../src/core/page-text';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tr', 'td', 'th', 'ul', 'caption', 'tbody', 'thead', 'tfoot', 'body', 'html', 'title',
  'sup', 'sub', // footnote marks end a word (src/content/extract.ts INLINE)
]);
/** Nesting past which the parser's stacks are made linear (browsers lay a page out only 512 deep). */
const DEEP = 1024;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** An open <pre>, read or dropped when it closes (page-text.ts `preReadsAsProse`, as the content script decides). */
interface OpenPre {
  start: number;
  depth: number;
  classes: string;
  firstChild: boolean;
  hasCode: boolean;
  all: string[];
}

export function htmlToText(html: string): string {
  const parts: string[] = [];
  let skipDepth = 0;
  const stack: boolean[] = []; // per open element: does it start a skipped subtree?
  let pre: OpenPre | undefined;
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        // Past any depth a real page reaches, the parser's stacks are made linear (parser-stack.ts); before, they
        // stay the arrays they are, which are faster.
        if (stack.length > DEEP) linearStacks(parser);
        const editable = (attrs.contenteditable !== undefined && attrs.contenteditable.toLowerCase() !== 'false') || isEditorWidget(attrs.class, attrs.role);
        if (pre) {
          if (!pre.firstChild) {
            pre.firstChild = true;
            pre.classes += ` ${attrs.class ?? ''}`;
          }
          if (name === 'code') pre.hasCode = true;
        }
        const opensPre = name === 'pre' && !pre && skipDepth === 0 && !editable;
        const skip = (SKIP.has(name) && !opensPre) || editable;
        if (!VOID.has(name)) {
          stack.push(skip);
          if (skip) skipDepth++;
        }
        if (BLOCK.has(name) && skipDepth === 0) parts.push('\n');
        if (opensPre) pre = { start: parts.length, depth: stack.length, classes: attrs.class ?? '', firstChild: false, hasCode: false, all: [] };
      },
      ontext(text) {
        pre?.all.push(text);
        // A line break in the source is rendered as a space; only blocks and <br> break lines (as in extract.ts).
        if (skipDepth === 0) parts.push(pre ? text : text.replace(/[\r\n]/g, ' '));
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        if (pre && name === 'pre' && stack.length === pre.depth) {
          const kept = parts.splice(pre.start).join('');
          if (preReadsAsProse(pre.all.join(''), pre.classes, pre.hasCode)) parts.push(unwrapLines(kept));
          pre = undefined;
        }
        const skip = stack.pop();
        if (skip) skipDepth--;
        if (BLOCK.has(name) && skipDepth === 0) parts.push('\n');
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

export function looksLikeHtml(s: string, nameHint = ''): boolean {
  if (/\.html?$|\.xhtml$/i.test(nameHint)) return true;
  if (/\.(txt|md|text)$/i.test(nameHint)) return false;
  return /^\s*(<!doctype html|<html|<head|<body|<div|<p[\s>])/i.test(s);
}
