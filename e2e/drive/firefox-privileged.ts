/**
 * Firefox's browser-chrome scope, reached through WebDriver BiDi (needs
 * --remote-allow-system-access; TESTING.md). It is where the things a person does outside the
 * pages happen: the event page's lifecycle, the keyset a shortcut fires, a context-menu click,
 * the system's idle state, and the console where Firefox reports the extension's uncaught errors.
 */
import type { Browser } from 'puppeteer-core';
import type { IdleChange } from './extension-browser';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/** Puppeteer's BiDi connection (an internal: kept to this one function). */
export function bidi(browser: Browser): BidiConnection {
  return (browser as unknown as { connection: BidiConnection }).connection;
}

/** Evaluates `expression` (an async function body returning JSON-able data) in the main browser window. */
export async function inChrome<T>(browser: Browser, body: string): Promise<T> {
  const connection = bidi(browser);
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: Array<{ context: string; url: string }>;
  };
  const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (window === undefined) throw new Error('Firefox: no browser window in the chrome scope');
  const { result } = await connection.send('script.evaluate', {
    // JSON in, JSON out: BiDi's own serialisation of XPCOM objects is not needed here.
    expression: `(async () => JSON.stringify(await (async () => { ${body} })() ?? null))()`,
    target: { context: window.context },
    awaitPromise: true,
  });
  const evaluated = result as EvaluateResult;
  if (evaluated.type === 'exception') throw new Error(`Firefox chrome scope: ${evaluated.exceptionDetails?.text}`);
  return JSON.parse(String(evaluated.result?.value)) as T;
}

/** Firefox's name for the add-on's keyset (ExtensionShortcuts: the id with @ and . as _). */
export function keysetId(addonId: string): string {
  return `ext-keyset-id-${addonId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}`;
}

/**
 * The script that collects uncaught errors reported for the extension's pages into a chrome-scope
 * list. Left out: Firefox's own note that an API call of a page settled after the page was
 * closed ("Promise rejected after context unloaded", ExtensionCommon's wrapPromise reports it in
 * the page's name): the page's code never sees that answer, and the tests close the pages they
 * read storage from at once, sometimes before the page's own first messages are answered.
 */
export function errorListenerScript(uuid: string): string {
  return `
    if (!globalThis.corTimerErrors) {
      globalThis.corTimerErrors = [];
      Services.console.registerListener({
        observe(message) {
          if (!(message instanceof Ci.nsIScriptError)) return;
          if (message.flags & Ci.nsIScriptError.warningFlag) return;
          if (!String(message.sourceName).startsWith('moz-extension://${uuid}/')) return;
          if (/^Promise (rejected|resolved) after context unloaded/.test(message.errorMessage)) return;
          globalThis.corTimerErrors.push(message.errorMessage + ' (' + message.sourceName + ')');
        },
      });
    }`;
}

/**
 * Headless Firefox has no system notification service, so an add-on's notification closes
 * before it is seen. This registers a stand-in for `@mozilla.org/alerts-service;1` (what
 * Firefox's own tests do) that records what the add-on asked to show, buttons included.
 */
export const RECORD_ALERTS = `
  if (!globalThis.corTimerAlerts) {
    globalThis.corTimerAlerts = [];
    const service = {
      showAlert(alert, listener) {
        globalThis.corTimerAlerts.push({ id: alert.name, title: alert.title, message: alert.text, buttons: alert.actions.length });
        listener?.observe(null, 'alertshow', alert.cookie);
      },
      closeAlert() {},
      QueryInterface: ChromeUtils.generateQI(['nsIAlertsService']),
    };
    const factory = { createInstance: (iid) => service.QueryInterface(iid), QueryInterface: ChromeUtils.generateQI(['nsIFactory']) };
    Components.manager
      .QueryInterface(Ci.nsIComponentRegistrar)
      .registerFactory(Services.uuid.generateUUID(), 'COR Timer test alerts', '@mozilla.org/alerts-service;1', factory);
  }`;

/**
 * The add-on's entry in Firefox's idle bookkeeping, as `idle` (or null). ext-idle.js (the parent
 * side of `browser.idle`) registers one observer per add-on with the user-idle service
 * (`@mozilla.org/widget/useridleservice;1`, `addIdleObserver(observer, interval)`) and keeps it,
 * with the interval the add-on set, in `idleObserversMap` in the shared scope of the ext-*.js
 * scripts. The service calls that observer's `observe(service, 'idle' | 'active', seconds)`; the
 * observer turns it into `idle.onStateChanged` for the add-on, through its primed listener when
 * the event page is stopped, which wakes it.
 */
function idleEntry(addonId: string): string {
  return `
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const extension = WebExtensionPolicy.getByID(${JSON.stringify(addonId)}).extension;
    const observers = Cu.evalInSandbox(
      'typeof idleObserversMap === "undefined" ? null : idleObserversMap',
      ExtensionParent.apiManager.global,
    );
    const idle = observers?.has(extension) ? observers.get(extension) : null;`;
}

/** What the user-idle service does when the person goes idle or comes back: it notifies the add-on's observer. */
export function fireIdleScript(addonId: string, change: IdleChange): string {
  return `${idleEntry(addonId)}
    if (!idle?.observer) throw new Error('the add-on observes no idle state (no idle.onStateChanged listener)');
    const service = Cc['@mozilla.org/widget/useridleservice;1'].getService(Ci.nsIUserIdleService);
    idle.observer.observe(service, ${JSON.stringify(change)}, String(idle.detectionInterval));`;
}

/** The detection interval (seconds) the add-on's observer is registered with, or null without one. */
export function idleIntervalScript(addonId: string): string {
  return `${idleEntry(addonId)} return idle?.observer ? idle.detectionInterval : null;`;
}
