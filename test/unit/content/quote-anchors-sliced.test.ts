// @vitest-environment happy-dom
/**
 * Placing the reader's passages in slices with the page's turn between them (anchorQuotesSliced): the marks must be
 * those one uninterrupted pass places. Texts written for the tests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { textChunks } from '../../../src/content/extract';
import { anchorQuotes, anchorQuotesSliced, type Anchor, type Quote } from '../../../src/content/quote-anchors';

afterEach(() => document.body.replaceChildren());

/** A page whose every paragraph repeats the passages' words, with the passages themselves among them (twice, one). */
function busyPage(): void {
  const noise = 'wave spring botnet Saltmarsh rented crew Quillfox its the loader fed ransomware. ';
  const paragraphs = Array.from({ length: 300 }, (_, i) => `<p>${noise.repeat(4)}${i === 120 ? 'First: the Quillfox crew rented the Saltmarsh botnet for its spring wave.' : ''}${i === 250 ? 'Second: the Quillfox crew rented the Saltmarsh botnet for its spring wave, again.' : ''}</p>`);
  document.body.innerHTML = paragraphs.join('');
}

const QUOTES: Quote[] = [
  { exact: 'the Quillfox crew rented the Saltmarsh botnet for its spring wave', prefix: 'Second: ' },
  { exact: 'the Quillfox crew rented the Saltmarsh botnet for its spring wave', prefix: 'First: ' },
  { exact: 'the loader fed the ransomware crew two weeks later' },
  { exact: 'Saltmarsh rented crew Quillfox its the loader' },
];

const places = (anchors: Anchor[]) => anchors.map((a) => [a.chunk.nodes[0]?.parentElement, a.start, a.end, a.quote]);

describe('anchoring in slices', () => {
  it('places the same passages at the same places as one pass, pausing many times on the way', async () => {
    busyPage();
    const chunks = [...textChunks(document.body, 20_000)];
    expect(chunks.length).toBeGreaterThan(1);
    const whole = anchorQuotes(chunks, QUOTES);
    // the two passages and the words found as written in the noise; the one the page lacks is not placed
    expect(whole.map((a) => a.quote)).toEqual([QUOTES[0], QUOTES[1], QUOTES[3]]);
    let pauses = 0;
    const sliced = await anchorQuotesSliced(chunks, QUOTES, async () => void pauses++, () => false, 0);
    expect(pauses).toBeGreaterThan(50);
    expect(places(sliced!)).toEqual(places(whole));
  });

  it('stops when the result is no longer wanted', async () => {
    busyPage();
    const chunks = [...textChunks(document.body)];
    let pauses = 0;
    expect(await anchorQuotesSliced(chunks, QUOTES, async () => void pauses++, () => pauses >= 3, 0)).toBeUndefined();
    expect(pauses).toBe(3);
  });

  it('does not pause while a slice has time left', async () => {
    busyPage();
    const chunks = [...textChunks(document.body)];
    let pauses = 0;
    const sliced = await anchorQuotesSliced(chunks, QUOTES, async () => void pauses++, () => false, 60_000);
    expect(pauses).toBe(0);
    expect(places(sliced!)).toEqual(places(anchorQuotes(chunks, QUOTES)));
  });
});
