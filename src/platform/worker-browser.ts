/**
 * The worker's extension API: webextension-polyfill, installed before anything else runs.
 * Import it first in the worker's entry, before any module that registers a listener. Chrome 120
 * (the manifest's minimum) does not take a promise returned from a `runtime.onMessage` listener
 * as the answer, and `contextMenus` answers through callbacks before Chrome 123; the polyfill
 * covers both. In Firefox it hands back the native `browser`.
 */
import polyfill from 'webextension-polyfill';
import { usePolyfill } from './browser';

usePolyfill(polyfill);
