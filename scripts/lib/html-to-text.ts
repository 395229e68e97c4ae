/**
 * HTML → the text a content script sees: visible text only (script, style, noscript, template, head, textarea,
 * select, input values and hidden elements skipped), block elements become line breaks. Uses htmlparser2.
 */
import { Parser } from 'htmlparser2';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'textarea', 'select', 'svg', 'math', 'iframe', 'object', 'canvas']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tr', 'td', 'th', 'ul', 'caption', 'tbody', 'thead', 'tfoot', 'body', 'html', 'title',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export function htmlToText(html: string): string {
  const parts: string[] = [];
  let skipDepth = 0;
  const stack: boolean[] = []; // per open element: does it start a skipped subtree?
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const hidden = 'hidden' in attrs || attrs['aria-hidden'] === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attrs.style ?? '');
        const skip = SKIP.has(name) || hidden;
        if (!VOID.has(name)) {
          stack.push(skip);
          if (skip) skipDepth++;
        }
        if (BLOCK.has(name) && skipDepth === 0) parts.push('\n');
      },
      ontext(text) {
        if (skipDepth === 0) parts.push(text);
      },
      onclosetag(name, implied) {
        if (VOID.has(name)) return;
        const skip = stack.pop();
        if (skip) skipDepth--;
        if (BLOCK.has(name) && skipDepth === 0 && !implied) parts.push('\n');
        else if (BLOCK.has(name) && skipDepth === 0) parts.push('\n');
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
