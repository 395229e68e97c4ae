// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pageInfo, selectionQuote } from '../../../src/content/page-info';

describe('page info', () => {
  it('turns the selection into a TextQuoteSelector with prefix and suffix', () => {
    document.head.innerHTML = '<meta property="og:site_name" content="The Ledger"><meta property="article:published_time" content="2026-11-20T08:30:00Z"><meta name="author" content="Desk">';
    document.title = 'A title';
    document.body.innerHTML = '<p>Analysts say the <b>Lazarus Group</b> bought access from TrickBot operators in 2020.</p>';
    const b = document.querySelector('b')!;
    const range = document.createRange();
    range.setStart(b.firstChild!, 0);
    range.setEnd(b.nextSibling!, ' bought access'.length);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    const quote = selectionQuote(document)!;
    expect(quote.type).toBe('TextQuoteSelector');
    expect(quote.exact).toBe('Lazarus Group bought access');
    expect(quote.prefix).toBe('Analysts say the ');
    expect(quote.suffix?.startsWith(' from TrickBot operators')).toBe(true);
    expect(quote.suffix!.length).toBeLessThanOrEqual(32);
    const info = pageInfo(document, 'https://example.org/a');
    expect(info).toMatchObject({ url: 'https://example.org/a', title: 'A title', siteName: 'The Ledger', published: '2026-11-20', author: 'Desk' });
    expect(info.selection?.exact).toBe('Lazarus Group bought access');
  });

  it('has no selection when nothing is selected', () => {
    document.getSelection()!.removeAllRanges();
    expect(selectionQuote(document)).toBeUndefined();
  });
});

describe('a passage selected in a web component', () => {
  it('takes its prefix and suffix from the component’s own text, not the page around it', () => {
    document.body.innerHTML = '<p>Page header words.</p><article-body></article-body><p>Page footer words.</p>';
    const root = document.querySelector('article-body')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Inside, analysts tied the Saltmarsh botnet to Ironreed last spring.</p>';
    const text = root.querySelector('p')!.firstChild!;
    const at = text.textContent!.indexOf('the Saltmarsh botnet');
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 'the Saltmarsh botnet'.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(selectionQuote(document)).toEqual({ type: 'TextQuoteSelector', exact: 'the Saltmarsh botnet', prefix: 'Inside, analysts tied ', suffix: ' to Ironreed last spring.' });
  });
});
