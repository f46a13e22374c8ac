/**
 * What a person may type or paste to name a task: `123`, `#123`, or a COR task link such as
 * `https://acme.cor.works/tasks/123`. Links are accepted only from COR's own web-app hosts.
 */

/**
 * Task ids are positive integers that survive JSON. Ids beyond 2^31 are accepted: COR's ids are
 * JSON numbers with no documented 32-bit limit, and refusing a real task would be worse than
 * letting COR answer "task not found" for a made-up one.
 */
const MAX_TASK_ID = Number.MAX_SAFE_INTEGER;

export function parseTaskInput(input: string): number | null {
  const text = input.trim();
  const plain = /^#?\s*(\d+)$/.exec(text);
  if (plain) return toTaskId(plain[1]!);
  return taskIdFromUrl(text);
}

/** `<company>.cor.works`: one DNS label before COR's domain, nothing that merely contains it. */
export function isCorAppHost(hostname: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.cor\.works$/i.test(hostname);
}

const TASK_PATH = /(?:^|\/)tasks\/(\d+)(?:\/|$)/;

/**
 * The task a COR web-app address points at, from its path or its hash route
 * (`/tasks/123`, `/tasks/123/`, `/#/tasks/123?tab=hours`).
 */
export function taskIdFromUrl(text: string): number | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || !isCorAppHost(url.hostname) || url.username || url.password) return null;
  const hashPath = url.hash.replace(/^#!?/, '').split('?')[0] ?? '';
  const match = TASK_PATH.exec(url.pathname) ?? TASK_PATH.exec(hashPath);
  return match ? toTaskId(match[1]!) : null;
}

function toTaskId(digits: string): number | null {
  const id = Number(digits);
  return Number.isSafeInteger(id) && id > 0 && id <= MAX_TASK_ID ? id : null;
}

/**
 * The task a context-menu click points at: the link's target when the menu was opened on a
 * link, else the page's own address. A link that is not a COR task (say, to a COR list) falls
 * back to the page, so right-clicking anywhere on a task page logs that task.
 */
export function taskIdFromMenuClick(click: { readonly linkUrl?: string; readonly pageUrl?: string }): number | null {
  const fromLink = click.linkUrl === undefined ? null : taskIdFromUrl(click.linkUrl);
  if (fromLink !== null) return fromLink;
  return click.pageUrl === undefined ? null : taskIdFromUrl(click.pageUrl);
}
