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
