/**
 * The context-menu items: "Log time on this task" on COR pages and on links to COR tasks
 * anywhere (no content script and no host permission needed: the browser hands us the
 * addresses), and on the toolbar icon "Open COR Timer" and "Start timer"/"Stop timer".
 */
import type { TimerState } from '../core/timer';
import { t } from '../platform/i18n';
import { replaceMenus, retitleMenu } from '../platform/menus';
import { timerItem } from '../shared/storage';
import { makeSerial } from './serial';

export const MENU = {
  logTaskPage: 'log-time-page',
  logTaskLink: 'log-time-link',
  openPopup: 'open-popup',
  toggle: 'toggle-timer',
} as const;

const COR_PAGES = ['https://*.cor.works/*'];
// Match patterns see the path and query, not the hash: hash-route pages are served by COR_PAGES.
const COR_TASK_LINKS = ['https://*.cor.works/*tasks/*'];

// Recreating and retitling must not interleave: an update of an item mid-recreation would fail.
const menuOp = makeSerial();

export function setUpMenus(): Promise<void> {
  return menuOp(createAll);
}

async function createAll(): Promise<void> {
  const timer = await timerItem.get();
  await replaceMenus([
    {
      id: MENU.logTaskPage,
      title: t('menuLogTimeOnTask'),
      contexts: ['page', 'frame', 'selection'],
      documentUrlPatterns: COR_PAGES,
    },
    { id: MENU.logTaskLink, title: t('menuLogTimeOnTask'), contexts: ['link'], targetUrlPatterns: COR_TASK_LINKS },
    { id: MENU.openPopup, title: t('menuOpenPopup'), contexts: ['action'] },
    { id: MENU.toggle, title: toggleTitle(timer), contexts: ['action'] },
  ]);
}

/** The icon's "Start timer"/"Stop timer" follows the timer; a missing item means the set is gone: rebuild it. */
export function retitleToggle(): Promise<void> {
  return menuOp(async () => {
    const title = toggleTitle(await timerItem.get());
    await retitleMenu(MENU.toggle, title).catch(createAll);
  });
}

function toggleTitle(timer: TimerState): string {
  return timer.status === 'running' ? t('stopTimer') : t('startTimer');
}
