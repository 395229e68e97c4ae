/**
 * The text `npm run scan` matches for one input file (HTML as the page's visible text, Markdown as rendered, plain
 * text with its hand-wrapped lines joined), so the probe's labels and the scan's offsets refer to the same string.
 */
import { unwrapLines } from '../../src/core/page-text';
import { htmlToText } from './html-to-text';
import { readInput } from './read-input';

export async function scannedText(file: string): Promise<string> {
  const raw = await readInput(file);
  return raw.html ? htmlToText(raw.text) : unwrapLines(raw.text);
}
