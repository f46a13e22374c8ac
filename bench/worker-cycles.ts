/**
 * Start/stop cycles as page-side expressions (evaluated in a page of the extension, as text:
 * docs/PERFORMANCE.md, notes on the method), shared by the benches that measure the worker's heap.
 */

/** An open task of fake-cor's seed user. */
export const CYCLE_TASK = 1001;

/** One start and one stop through the popup's messages; throws unless both are accepted. */
export const CYCLE = `(async () => {
  for (const name of ['timer.start', 'timer.stop']) {
    const answer = await chrome.runtime.sendMessage({ name, data: name === 'timer.start' ? { task: { id: ${CYCLE_TASK} } } : {} });
    if (!answer || answer.ok !== true) throw new Error(name + ' answered ' + JSON.stringify(answer));
  }
})()`;

/**
 * Resolves once the outbox is empty: every stopped entry is in COR (the worker removes it after
 * the 2xx). Entries live one per key (`entry:<id>`).
 */
export const OUTBOX_EMPTY = `(async () => {
  for (;;) {
    const all = await chrome.storage.local.get(null);
    if (!Object.keys(all).some((key) => key.startsWith('entry:'))) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
})()`;
