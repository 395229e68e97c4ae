// @vitest-environment happy-dom
/** The walk begun before the settings arrive: the scanner gets exactly the chunks a fresh walk would read. */
import { describe, expect, it } from 'vitest';
import { textChunks } from '../../../src/content/extract';
import { preread } from '../../../src/content/preread';

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

function article(paragraphs: number): void {
  document.body.innerHTML = Array.from({ length: paragraphs }, (_, i) => `<p>Paragraph ${i} with <b>Lazarus</b> Group and TrickBot.</p>`).join('');
}

describe('preread', () => {
  it('hands over the chunks read so far and the rest of the same walk', async () => {
    article(400);
    const fresh = [...textChunks(document.body, 500)].map((c) => c.text);
    const pre = preread(document, 500, tick);
    await tick();
    const taken = pre.take(() => undefined);
    expect(taken).toBeDefined();
    expect([...taken!].map((c) => c.text)).toEqual(fresh);
    expect(fresh.length).toBeGreaterThan(10);
    expect(pre.take(() => undefined)).toBeUndefined(); // one taker only
  });

  it('gives nothing when the page changed during the pre-read, or after drop()', async () => {
    article(50);
    const pre = preread(document, 500, tick);
    document.body.querySelector('p')!.textContent = 'rewritten';
    await tick();
    expect(pre.take(() => undefined)).toBeUndefined();
    const dropped = preread(document, 500, tick);
    dropped.drop();
    expect(dropped.take(() => undefined)).toBeUndefined();
  });
});
