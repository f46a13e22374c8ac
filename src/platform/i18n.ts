/** Every user-visible string goes through `i18n.getMessage`; the keys are checked at compile time. */
import { browser } from './browser';
import type messages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  // An empty answer means a locale lacks the key; showing the key beats showing nothing.
  return text === '' ? key : text;
}
