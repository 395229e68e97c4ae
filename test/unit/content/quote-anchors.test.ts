// @vitest-environment happy-dom
/** Finding the passages of the reader's claims on the page again (quote-anchors.ts). Texts written for the tests. */
import { afterEach, describe, expect, it } from 'vitest';
import { textChunks } from '../../../src/content/extract';
import { anchorQuotes, rangeOf, type Quote } from '../../../src/content/quote-anchors';

afterEach(() => document.body.replaceChildren());

/** The text each quote is found at on the current page, in the quotes' order ('' where a range cannot be made). */
function found(quotes: Quote[]): string[] {
  return anchorQuotes([...textChunks(document.body)], quotes).map((a) => rangeOf(document, a)?.toString() ?? '');
}

describe('a quoted passage is found again', () => {
  it('across inline markup, and across two paragraphs, as a selection reads them (no break between)', () => {
    document.body.innerHTML = '<p>In short, <b>Lazarus Group</b> bought access from <a href="#">TrickBot</a> operators.</p><p>Then it moved on.</p>';
    expect(found([{ exact: 'Lazarus Group bought access from TrickBot operators' }])).toEqual(['Lazarus Group bought access from TrickBot operators']);
    // a selection over both paragraphs: range.toString() glues them
    expect(found([{ exact: 'from TrickBot operators.Then it moved' }]).map((t) => t.replace(/\s+/g, ' '))).toEqual(['from TrickBot operators.Then it moved']);
  });
  it('where the passage occurs twice, its prefix and suffix choose', () => {
    document.body.innerHTML = '<p id="a">First: the loader fed the ransomware crew, they said.</p><p id="b">Second: the loader fed the ransomware crew two weeks later.</p>';
    const [anchor] = anchorQuotes([...textChunks(document.body)], [{ exact: 'the loader fed the ransomware crew', prefix: 'Second: ', suffix: ' two weeks' }]);
    const range = rangeOf(document, anchor!)!;
    expect(range.startContainer.parentElement?.id).toBe('b');
    const [first] = anchorQuotes([...textChunks(document.body)], [{ exact: 'the loader fed the ransomware crew', prefix: 'First: ' }]);
    expect(rangeOf(document, first!)!.startContainer.parentElement?.id).toBe('a');
  });
});

describe('what is not marked', () => {
  it('a passage the page no longer holds, and one too short to place', () => {
    document.body.innerHTML = '<p>The article was rewritten since.</p>';
    expect(found([{ exact: 'Lazarus Group bought access from TrickBot operators' }, { exact: 'the' }])).toEqual([]);
  });
  it('text in a form field or an editable area (never read)', () => {
    document.body.innerHTML = '<textarea>Lazarus Group bought access from TrickBot operators</textarea><div contenteditable="true">Lazarus Group bought access from TrickBot operators</div>';
    expect(found([{ exact: 'Lazarus Group bought access from TrickBot operators' }])).toEqual([]);
  });
});
