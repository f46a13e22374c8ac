/**
 * Typed messaging between the extension's own pages and the background. Only messages from
 * this extension's own pages are handled; anything else is ignored.
 */
import { browser, type Runtime } from './browser';
import { isMessage, type Message, type MessageName, type Protocol } from '../shared/protocol';

export async function send<K extends MessageName>(
  name: K,
  data: Protocol[K]['request'],
): Promise<Protocol[K]['response']> {
  return browser.runtime.sendMessage<Message, Protocol[K]['response']>({ name, data } as Message);
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
