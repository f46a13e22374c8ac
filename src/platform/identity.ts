/** COR's consent page in a browser-managed window (identity.launchWebAuthFlow). */
import { browser } from './browser';

/** `https://<extension-id>.chromiumapp.org/` in Chrome, `https://<hash>.extensions.allizom.org/` in Firefox. */
export function redirectUrl(): string {
  return browser.identity.getRedirectURL();
}

export type WebAuthResult =
  | { readonly kind: 'redirected'; readonly url: string }
  /** The window was closed, or the page could not be loaded; the browser's message says which. */
  | { readonly kind: 'failed'; readonly cancelled: boolean };

export async function launchWebAuthFlow(url: string): Promise<WebAuthResult> {
  try {
    const redirected = await browser.identity.launchWebAuthFlow({ url, interactive: true });
    return { kind: 'redirected', url: redirected };
  } catch (error) {
    // Chrome: "The user did not approve access."; Firefox: "User cancelled or denied access."
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', cancelled: /did not approve|cancel|denied/i.test(message) };
  }
}
