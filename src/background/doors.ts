/**
 * The doors other than the popup: the keyboard shortcut, a click on the icon (when it starts and
 * stops the timer), and the context menus. Each goes through dispatch, like the popup, and then
 * says what happened, since no popup is open to show it.
 */
import { taskIdFromMenuClick } from '../core/task-input';
import { showPopup } from '../platform/action';
import { clock } from '../platform/clock';
import { t } from '../platform/i18n';
import type { MenuClick } from '../platform/menus';
import { askAwayAgain } from './away';
import { dispatch, type Command } from './dispatch';
import { MENU } from './menus';
import { announce, tell, tellNotSaved } from './notifier';

export const COMMAND = {
  toggle: 'toggle-timer',
  /** Opens the popup in either toolbar mode: `_execute_action` acts as an icon click, which toggles in that mode. */
  openPopup: 'open-popup',
} as const;

/** Work to run once the worker is ready, or null; decided at once, so the toggle gate sees when each press came. */
export type Work = () => Promise<void>;

export function shortcutWork(name: string): Work | null {
  if (name === COMMAND.openPopup) return showPopup;
  if (name === COMMAND.toggle) return fromOutside({ type: 'toggle', outside: true });
  return null;
}

export function iconClickWork(): Work | null {
  return fromOutside({ type: 'toggle', outside: true });
}

/**
 * A timer command from a door without a page: it goes through dispatch (and its double-press
 * gate, with the moment of the press), then says what happened, since no popup shows it.
 * A toggle with no task ever used opens the popup to pick one.
 */
function fromOutside(command: Command): Work {
  const at = clock.now();
  return async () => {
    const outcome = await dispatch(command, at);
    if (outcome.ok) return announce(outcome);
    if (outcome.error === 'no-task') return showPopup();
    if (outcome.error === 'storage-failed') return tellNotSaved(command);
    // While "You were away" waits, the door opens the question instead of deciding it.
    if (outcome.error === 'away-pending') return askAwayAgain();
    // Signed out, a door cannot start a timer: say so, since no popup is open to show it.
    if (outcome.error === 'signed-out') return tell('signed-out', t('notifySignInFirst'));
  };
}

export function menuWork(click: MenuClick): Work | null {
  switch (click.menuItemId) {
    case MENU.openPopup:
      return showPopup;
    case MENU.toggle:
      return fromOutside({ type: 'toggle', outside: true });
    case MENU.logTaskPage:
    case MENU.logTaskLink:
      return logTimeOn(click);
    default:
      // An item of an older version, shown until the menus are rebuilt.
      return null;
  }
}

function logTimeOn(click: MenuClick): Work {
  const id = taskIdFromMenuClick(click);
  return id === null
    ? () => tell('not-a-task', t('notifyNotATask'))
    : fromOutside({ type: 'start-or-stop', task: { id }, outside: true });
}
