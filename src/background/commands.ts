/** Keyboard shortcut: toggles highlights on the current page (the content script owns the state). */
import { browser } from '../platform/browser';
import { callTab } from '../platform/messaging';

export async function toggleActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  try {
    await callTab(tab.id, { type: 'actorlens:toggle' });
  } catch {
    // No content script on this page (browser pages, store pages): nothing to toggle.
  }
}
