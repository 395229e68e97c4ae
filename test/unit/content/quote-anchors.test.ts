// @vitest-environment happy-dom
/** Finding the passages of the reader's claims on the page again (quote-anchors.ts). Texts written for the tests. */
import { afterEach, describe, expect, it } from 'vitest';
import { textChunks } from '../../../src/content/extract';
import { anchorQuotes, quoteTexts, rangeOf, type Quote } from '../../../src/content/quote-anchors';

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

/** Where the page's walk for the marks (quoteTexts) finds each quote: its text, and the tree it is in. */
async function foundOnPage(quotes: Quote[]): Promise<{ text: string; inShadow: boolean }[]> {
  const texts = await quoteTexts(document.body, async () => undefined, () => false);
  return anchorQuotes(texts!, quotes).map((a) => {
    const range = rangeOf(document, a);
    return { text: range?.toString().replace(/\s+/g, ' ') ?? '', inShadow: range?.startContainer.getRootNode() instanceof ShadowRoot };
  });
}

/** Filler prose of at least `chars` characters, sentences of ordinary words. */
const SENTENCE = 'The quarterly review lists patch levels for every branch office. ';
const filler = (chars: number) => SENTENCE.repeat(Math.ceil(chars / SENTENCE.length));

describe('a passage over the place where the walk cut the page (200,000-character chunks)', () => {
  const PASSAGE = 'closing remark: the Quillfox crew rented the Saltmarsh botnet for its spring wave';

  it('across two paragraphs, the first ending where a chunk does', async () => {
    const at = PASSAGE.indexOf(' crew');
    const [head, tail] = [PASSAGE.slice(0, at), PASSAGE.slice(at + 1)];
    document.body.innerHTML = `<p></p><p></p><p></p><p id="one"></p><p id="two"></p>`;
    for (const p of document.querySelectorAll('p:not([id])')) p.textContent = filler(50_000);
    document.getElementById('one')!.textContent = `${filler(50_000)}A ${head}`;
    document.getElementById('two')!.textContent = `${tail}. After that, nothing more.`;
    // the walk does cut between the two paragraphs: each chunk holds only part of the passage
    const chunks = [...textChunks(document.body)];
    expect(chunks).toHaveLength(2);
    expect(anchorQuotes(chunks, [{ exact: PASSAGE }])).toEqual([]);
    expect(await foundOnPage([{ exact: PASSAGE }])).toEqual([{ text: `${head}${tail}`, inShadow: false }]); // a range reads two blocks with nothing between
  });

  it('inside one text node longer than a chunk, read in pieces', async () => {
    const p = document.createElement('p');
    // no sentence ends, so the walk cuts the node after a space near 200,000 characters: the passage is put across it
    const body = filler(400_000).replace(/\./g, ',');
    const cut = body.lastIndexOf(' ', 200_000 - 1) + 1;
    p.textContent = `${body.slice(0, cut - 40)}${PASSAGE} ${body.slice(cut - 40)}`;
    document.body.replaceChildren(p);
    // read as quoteTexts reads, with no overlap at the cuts
    const chunks = [...textChunks(document.body, undefined, undefined, undefined, 0)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(anchorQuotes(chunks, [{ exact: PASSAGE }])).toEqual([]);
    expect(await foundOnPage([{ exact: PASSAGE }])).toEqual([{ text: PASSAGE, inShadow: false }]);
  });
});

describe('passages in open shadow roots (the names are highlighted there too)', () => {
  it('one inside a component, and one in a component nested in another', async () => {
    document.body.innerHTML = '<p>Intro text of the page.</p><article-body></article-body>';
    const outer = document.querySelector('article-body')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<p>Inside the component, the Quillfox crew rented the Saltmarsh botnet for a week.</p><side-note></side-note>';
    const inner = outer.querySelector('side-note')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>A boxed note: analysts tied Saltmarsh to the Ironreed group in March.</p>';
    expect(await foundOnPage([{ exact: 'the Quillfox crew rented the Saltmarsh botnet' }, { exact: 'analysts tied Saltmarsh to the Ironreed group' }])).toEqual([
      { text: 'the Quillfox crew rented the Saltmarsh botnet', inShadow: true },
      { text: 'analysts tied Saltmarsh to the Ironreed group', inShadow: true },
    ]);
  });

  it('where the passage is both in the document and in a component, its prefix chooses', async () => {
    document.body.innerHTML = '<p>Earlier draft: the Quillfox crew rented the Saltmarsh botnet.</p><article-body></article-body>';
    const root = document.querySelector('article-body')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Final text: the Quillfox crew rented the Saltmarsh botnet.</p>';
    const exact = 'the Quillfox crew rented the Saltmarsh botnet';
    expect(await foundOnPage([{ exact, prefix: 'Final text: ' }])).toEqual([{ text: exact, inShadow: true }]);
    expect(await foundOnPage([{ exact, prefix: 'Earlier draft: ' }])).toEqual([{ text: exact, inShadow: false }]);
  });
});
