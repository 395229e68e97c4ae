/**
 * A busy page (a clock changing every 50 ms) whose framework re-renders a line holding a name: the page's changes
 * make the scanner's debounce grow, and the re-rendered name must still not blink out between its renders.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, spotted } from './harness';

const env = sharedBrowser();

test('on a busy page, a name re-rendered in place every 300 ms stays highlighted', async () => {
  const page = await env.browser.context.newPage();
  try {
    await page.goto(env.server.url('/busy-rerender.html'));
    await spotted(env.browser.worker, page);
    // The clock's changes raise the debounce within about a second (more than 15 flushes in 10 s); wait well past it.
    await page.waitForTimeout(4000);
    // About 3 s of samples, one per frame-and-a-bit: is the status line's name painted?
    const samples = await page.evaluate(async () => {
      const out: number[] = [];
      const status = document.getElementById('status')!;
      for (let i = 0; i < 75; i++) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 40)));
        let painted = 0;
        CSS.highlights.forEach((h) =>
          h.forEach((r) => {
            if (!status.contains(r.startContainer) || r.collapsed) return;
            const live = new Range();
            try {
              live.setStart(r.startContainer, r.startOffset);
              live.setEnd(r.endContainer, r.endOffset);
            } catch {
              return;
            }
            if (live.toString() === 'Lazarus Group') painted = 1;
          }),
        );
        out.push(painted);
      }
      return out;
    });
    const shown = samples.filter((x) => x).length;
    console.log(`busy re-render: painted in ${shown} of ${samples.length} samples: ${samples.join('')}`);
    assert.ok(shown >= samples.length * 0.9, `the re-rendered name was painted in only ${shown} of ${samples.length} samples`);
  } finally {
    await page.close();
  }
});
