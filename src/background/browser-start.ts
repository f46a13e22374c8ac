/**
 * Whether this worker start is the first since the browser started. `storage.session` lives
 * in memory and is emptied when the browser closes, so a missing mark means a fresh browser
 * (or an extension just installed, updated or reloaded, which empties it too). `runtime.onStartup` would say the same, but it does not fire for
 * an unpacked extension and races the worker's own start-up.
 */
import { browser } from '../platform/browser';

const MARK = 'browserSeen';

/** This worker's answer: asked once, the same for every caller (the first call sets the mark). */
let answer: Promise<boolean> | undefined;

export function isBrowserStart(): Promise<boolean> {
  answer ??= (async () => {
    const seen = (await browser.storage.session.get(MARK))[MARK] === true;
    if (!seen) await browser.storage.session.set({ [MARK]: true });
    return !seen;
  })();
  return answer;
}
