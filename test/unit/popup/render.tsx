/** Rendering helpers for popup tests: mount into happy-dom, wait for text, type, click, press keys. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import type { VNode } from 'preact';

const mounted: HTMLElement[] = [];

export function mount(vnode: VNode): HTMLElement {
  cleanup();
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  act(() => render(vnode, root));
  mounted.push(root);
  return root;
}

/** Unmounts everything, so no listener of an earlier test (document keydown) outlives it. */
export function cleanup(): void {
  for (const root of mounted.splice(0)) act(() => render(null, root));
  document.body.replaceChildren();
}

export async function waitFor<T>(fn: () => T | undefined | null | false): Promise<T> {
  return vi.waitFor(
    () => {
      const v = fn();
      if (!v) throw new Error('not yet');
      return v;
    },
    { timeout: 3000, interval: 10 },
  );
}

export const $ = <E extends Element = HTMLElement>(sel: string, root: ParentNode = document) => root.querySelector<E>(sel);
export const $$ = <E extends Element = HTMLElement>(sel: string, root: ParentNode = document) => [...root.querySelectorAll<E>(sel)];

/** The first button whose text (or accessible label) matches. */
export function button(name: RegExp | string, root: ParentNode = document): HTMLButtonElement | undefined {
  return $$<HTMLButtonElement>('button', root).find((b) => {
    const label = `${b.getAttribute('aria-label') ?? ''} ${b.textContent ?? ''}`;
    return typeof name === 'string' ? label.includes(name) : name.test(label);
  });
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(async () => {
    (el as HTMLElement).click();
  });
}

export async function type(el: Element | null | undefined, value: string): Promise<void> {
  if (!el) throw new Error('nothing to type into');
  await act(async () => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function key(el: Element | null | undefined, k: string): Promise<void> {
  await act(async () => {
    (el ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  });
}

/** t() for tests: the English message with $NAMED$ placeholders filled in order; unknown keys as themselves. */
export function fakeT(messages: Record<string, { message: string }>) {
  return (key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    let i = 0;
    return (messages[key]?.message ?? key).replace(/\$[A-Z_]+\$/g, () => list[i++] ?? '');
  };
}

export async function choose(el: Element | null | undefined, value: string): Promise<void> {
  if (!el) throw new Error('no select');
  await act(async () => {
    (el as HTMLSelectElement).value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
