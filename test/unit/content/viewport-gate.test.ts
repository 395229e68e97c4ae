// @vitest-environment happy-dom
/** The viewport gate observes an element with a box: display:contents elements and slots are passed over. */
import { describe, expect, it } from 'vitest';

import { boxedAncestor } from '../../../src/content/viewport-gate';

describe('boxedAncestor', () => {
  it('is the element itself when it has a box', () => {
    document.body.innerHTML = '<p id="p">text</p>';
    expect(boxedAncestor(document.getElementById('p')!)).toBe(document.getElementById('p'));
  });

  it('passes over display:contents elements to the nearest parent with a box', () => {
    document.body.innerHTML = '<div id="d"><x-a style="display:contents"><x-b id="b" style="display:contents">text</x-b></x-a></div>';
    expect(boxedAncestor(document.getElementById('b')!)).toBe(document.getElementById('d'));
  });

  it('goes from a display:contents element at the top of a shadow root to its host', () => {
    document.body.innerHTML = '<x-host id="h"></x-host>';
    const host = document.getElementById('h')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<span id="s" style="display:contents">fallback</span>';
    expect(boxedAncestor(root.getElementById('s')!)).toBe(host);
  });
});
