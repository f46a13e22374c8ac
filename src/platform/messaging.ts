/**
 * Typed messaging between the extension's own pages and the background. Only messages from
 * this extension's own pages are handled; anything else is ignored.
 */
import { browser, type Runtime } from './browser';
import { isRecord } from '../core/guards';
import { isMessage, type Message, type MessageName, type Protocol } from '../shared/protocol';

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

export type MessageHandler = (message: Message) => Promise<unknown>;

/** Registers the background's one message listener. Call at the worker's top level. */
export function onMessage(handler: MessageHandler): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    if (!isFromOwnPage(sender) || !isMessage(raw)) return undefined;
    return handler(raw);
  });
}

function isFromOwnPage(sender: Runtime.MessageSender): boolean {
  // Content scripts of ours would share the id but not the origin; we have none, and accept none.
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}
