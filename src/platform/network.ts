/** The browser's word that the network came back (the worker's and Firefox's background page's `online` event). */
export function onOnline(callback: () => void): void {
  // Absent outside a browser (unit tests); there is no network change to hear there.
  if (typeof globalThis.addEventListener === 'function') globalThis.addEventListener('online', callback);
}
