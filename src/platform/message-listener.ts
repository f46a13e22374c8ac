/**
 * The background's side of messaging (platform/messaging.ts is the pages' side). Only messages from
 * this extension's own pages are handled; anything else is ignored. A module of its own, so pages,
 * which share chunks with each other, do not load it.
 */
import { browser, type Runtime } from './browser';
import { isMessage, type Message } from '../shared/protocol';

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
