/**
 * The background's world in unit tests: @webext-core/fake-browser (which really stores and
 * fires onChanged), i18n answered from our own en messages, and fetch routed to a real
 * fake-cor over HTTPS. Any fetch to another URL throws: a test must never reach the network.
 */
import { readFileSync } from 'node:fs';
import { fakeBrowser } from '@webext-core/fake-browser';
import { corRequest } from '../../tools/fake-cor/test-helper.ts';
import type { FakeCor } from '../../tools/fake-cor/server.ts';
import { installExtras, removeExtraListeners } from './fake-extras';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const messages = JSON.parse(
  readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Messages;

/** chrome.i18n.getMessage semantics: named placeholders map to $1…$9 substitutions. */
export function getMessage(key: string, substitutions: string[] = []): string {
  const entry = messages[key];
  if (entry === undefined) return '';
  return entry.message.replace(/\$([A-Z_]+)\$/gi, (_m, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_d, n: string) => substitutions[Number(n) - 1] ?? '');
  });
}

export function installFakeBrowser(): void {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en-US' });
  installExtras();
}

/** Removes every listener a "worker" registered, as if Chrome had stopped it. Storage stays. */
export function killWorker(): void {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.runtime.onStartup.removeAllListeners();
  fakeBrowser.alarms.onAlarm.removeAllListeners();
  fakeBrowser.storage.onChanged.removeAllListeners();
  fakeBrowser.notifications.onClicked.removeAllListeners();
  fakeBrowser.notifications.onButtonClicked.removeAllListeners();
  removeExtraListeners();
}

const API = 'https://api.projectcor.com/';

/** A fetch that sends COR API requests to fake-cor and refuses everything else. */
export function fetchVia(cor: FakeCor): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    if (!request.url.startsWith(API)) throw new Error(`Test tried to fetch an unknown URL: ${request.url}`);
    const body = request.body === null ? undefined : await request.text();
    const answer = await corRequest(cor, {
      method: request.method,
      path: request.url.slice(API.length - 1),
      headers: Object.fromEntries(request.headers.entries()),
      ...(body === undefined ? {} : { body }),
    });
    return new Response(answer.status === 204 ? null : answer.text, {
      status: answer.status,
      headers: Object.entries(answer.headers).flatMap(([k, v]) =>
        v === undefined
          ? []
          : Array.isArray(v)
            ? v.map((x) => [k, x] as [string, string])
            : [[k, v] as [string, string]],
      ),
    });
  };
}

/** What the popup would send: a message from the extension's own popup page. */
export async function sendFromPopup(message: unknown): Promise<unknown> {
  const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('src/popup/index.html') };
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
  return answers[0];
}
