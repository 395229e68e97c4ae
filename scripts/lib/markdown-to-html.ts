/**
 * Markdown → HTML, rendered as a reader sees it (markdown-it, CommonMark): link text kept and the address not shown,
 * an image's syntax gone, code spans and fences in <code> and <pre> (skipped by htmlToText like code on a page),
 * headings and list items blocks of their own. Raw HTML in the Markdown is left to markdown-it's safe default: shown
 * as the text it is, never rendered as markup (nothing of it runs anywhere anyway: htmlToText only parses).
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function markdownToHtml(markdown: string): string {
  return md.render(markdown);
}

/** Is this file or address Markdown by its name? */
export const MARKDOWN_NAME = /\.(?:md|markdown)$/i;
