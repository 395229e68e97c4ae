/** Rendering helpers for the popup and options-page tests: mount into happy-dom, wait, click, type, press keys, choose, pick files. */
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';

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

export async function waitFor<T>(fn: () => T | undefined | null | false, timeout = 8000): Promise<T> {
  return vi.waitFor(
    () => {
      const v = fn();
      if (!v) throw new Error('not yet');
      return v;
    },
    { timeout, interval: 10 },
  );
}

export const $ = <E extends Element = HTMLElement>(sel: string, root: ParentNode = document) => root.querySelector<E>(sel);
export const $$ = <E extends Element = HTMLElement>(sel: string, root: ParentNode = document) => [...root.querySelectorAll<E>(sel)];

/** The first button whose text (or accessible label) matches. */
export function button(name: RegExp | string, root: ParentNode = document): HTMLButtonElement | undefined {
  return $$<HTMLButtonElement>('button', root).find((b) => {
    const label = `${b.getAttribute('aria-label') ?? ''} ${b.textContent ?? ''}`.trim();
    return typeof name === 'string' ? label === name || label.includes(name) : name.test(label);
  });
}

/** The form control a visible <label> names (wrapping label or for=). */
export function field<E extends HTMLElement = HTMLInputElement>(label: string | RegExp, root: ParentNode = document): E | undefined {
  for (const l of $$<HTMLLabelElement>('label', root)) {
    const text = l.textContent?.trim() ?? '';
    if (typeof label === 'string' ? !text.startsWith(label) : !label.test(text)) continue;
    const target = l.htmlFor ? document.getElementById(l.htmlFor) : l.querySelector('input, select, textarea');
    if (target) return target as E;
  }
  return undefined;
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

export async function submit(form: Element | null | undefined): Promise<void> {
  if (!form) throw new Error('no form');
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

export async function choose(el: Element | null | undefined, value: string): Promise<void> {
  if (!el) throw new Error('no select');
  await act(async () => {
    (el as HTMLSelectElement).value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Sets a file input's files and fires change, as a user picking a file would. */
export async function pickFile(input: HTMLInputElement | null | undefined, file: File): Promise<void> {
  if (!input) throw new Error('no file input');
  await act(async () => {
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** t() for tests: the English message with $P1$… ($NAME$ in order) placeholders filled; unknown keys as themselves. */
/**
 * The webextension module as the UI's unit tests see it: no API but i18n, which answers from the English messages
 * as the browser would (src/platform/i18n.ts then runs as it does in the extension).
 * `vi.mock('…/src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()))`.
 */
export async function fakeBrowserModule() {
  const messages = (await import('../../assets/_locales/en/messages.json')).default;
  return { browser: { i18n: { getMessage: fakeT(messages) } } };
}

export function fakeT(messages: Record<string, { message: string }>) {
  return (key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    let i = 0;
    return (messages[key]?.message ?? key).replace(/\$([A-Z_]+)(\d?)\$/g, (_m, name: string, n: string) => (name === 'P' && n ? list[Number(n) - 1] : list[i++]) ?? '');
  };
}
