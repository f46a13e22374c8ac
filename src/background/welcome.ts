/** First run: the options page opens with a short welcome (sign in, pin, shortcuts). */
import { browser, type Runtime } from '../platform/browser';

export async function welcomeOnInstall(details: Runtime.OnInstalledDetailsType): Promise<void> {
  // Only a fresh install: an update or a browser update must not open a tab.
  if (details.reason !== 'install') return;
  await browser.tabs.create({ url: browser.runtime.getURL('src/options/index.html#welcome') });
}
