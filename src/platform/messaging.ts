/**
 * Typed messaging from the extension's own pages to the background. The background's side, which
 * ignores anything but this extension's own pages, is platform/message-listener.ts: pages do not
 * load it.
 */
import { browser } from './browser';
import { isRecord } from '../core/guards';
import type { Message, MessageName, Protocol } from '../shared/protocol';

export async function send<K extends MessageName>(
  name: K,
  data: Protocol[K]['request'],
): Promise<Protocol[K]['response']> {
  const answer: unknown = await browser.runtime.sendMessage({ name, data } as Message);
  // The worker answers through webextension-polyfill, which sends a listener's rejection as this
  // marker; pages call Chrome natively (platform/browser.ts), so they turn it back into one here.
  if (isPolyfillRejection(answer)) throw new Error(answer.message);
  return answer as Protocol[K]['response'];
}

function isPolyfillRejection(answer: unknown): answer is { message: string } {
  return isRecord(answer) && answer.__mozWebExtensionPolyfillReject__ === true && typeof answer.message === 'string';
}
