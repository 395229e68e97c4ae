/** Every user-visible string goes through t(); keys live in assets/_locales/en/messages.json. */
import type messages from '../../assets/_locales/en/messages.json';
import { browser } from './browser';

export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
