/**
 * The doors other than the popup: the keyboard shortcut, a click on the icon (when it starts and
 * stops the timer), and the context menus. Each goes through dispatch, like the popup, and then
 * says what happened, since no popup is open to show it.
 */
import { gateToggle } from '../core/debounce';
import { taskIdFromMenuClick } from '../core/task-input';
import { showPopup } from '../platform/action';
import { clock } from '../platform/clock';
import { t } from '../platform/i18n';
import type { MenuClick } from '../platform/menus';
import { dispatch } from './dispatch';
import { MENU } from './menus';
import { announce, tell } from './notifier';

export const COMMAND = {
  toggle: 'toggle-timer',
  /** Opens the popup in either toolbar mode: `_execute_action` acts as an icon click, which toggles in that mode. */
  openPopup: 'open-popup',
} as const;

/** Work to run once the worker is ready, or null; decided at once so the toggle gate sees presses as they come. */
export type Work = () => Promise<void>;

export function shortcutWork(name: string): Work | null {
  if (name === COMMAND.openPopup) return showPopup;
  if (name === COMMAND.toggle) return gatedToggle();
  return null;
}

export function iconClickWork(): Work | null {
  return gatedToggle();
}

/**
 * The moment of the last accepted toggle. It lives in the worker's memory on purpose: it only
 * has to outlast a key repeat or a double press. A worker stopped in between forgets it, and the
 * worst that does is let one genuine second press through; a storage write per key press (and
 * a second writer racing the timer's) would cost more than that.
 */
let lastToggleAt: number | null = null;

function gatedToggle(): Work | null {
  const decision = gateToggle(lastToggleAt, clock.now());
  lastToggleAt = decision.lastAcceptedAt;
  return decision.accept ? toggleFromOutside : null;
}

/** Running → stop and log; idle → start the last task used; no task ever used → open the popup to pick one. */
async function toggleFromOutside(): Promise<void> {
  const outcome = await dispatch({ type: 'toggle' });
  if (!outcome.ok && outcome.error === 'no-task') return showPopup();
  return announceOrExplain(outcome);
}

export function menuWork(click: MenuClick): Work | null {
  switch (click.menuItemId) {
    case MENU.openPopup:
      return showPopup;
    case MENU.toggle:
      return gatedToggle();
    case MENU.logTaskPage:
    case MENU.logTaskLink:
      return () => logTimeOn(click);
    default:
      // An item of an older version, shown until the menus are rebuilt.
      return null;
  }
}

async function logTimeOn(click: MenuClick): Promise<void> {
  const id = taskIdFromMenuClick(click);
  if (id === null) return tell('not-a-task', t('notifyNotATask'));
  return announceOrExplain(await dispatch({ type: 'start-or-stop', task: { id } }));
}

/** Signed out, a door cannot start a timer: say so, since no popup is open to show it. */
function announceOrExplain(outcome: Awaited<ReturnType<typeof dispatch>>): Promise<void> {
  if (!outcome.ok && outcome.error === 'signed-out') return tell('signed-out', t('notifySignInFirst'));
  return announce(outcome);
}
