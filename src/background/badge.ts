/**
 * The toolbar icon as a projection of stored state: elapsed `h:mm` and the running icon while a
 * timer runs, `!` in an attention colour while entries wait or the session expired, nothing
 * when idle. Recomputed from timestamps on every state change and on a minute alarm; nothing
 * counts ticks, so a late or skipped alarm only delays the text, never falsifies it.
 */
import { isRecord } from '../core/guards';
import { assertNever } from '../core/timer';
import { badgeView, nextBadgeMinute, type BadgeView } from '../core/badge-view';
import { browser } from '../platform/browser';
import { clock } from '../platform/clock';
import { renderAction, sameLook, type ActionLook, type IconLook } from '../platform/action';
import { readItems } from '../platform/storage-item';
import { t } from '../platform/i18n';
import { accountItem, awayItem, timerItem } from '../shared/storage';
import { outboxSize } from './outbox-store';
import { makeSerial } from './serial';
import { formatTimeOfDay, taskLabel } from '../ui/format';

export const BADGE_ALARM = 'badge-minute';
const ATTENTION_COLOUR = '#c2410c';
const RUNNING_COLOUR = '#1a7f37';

/**
 * One redraw at a time, each reading state when its turn comes: two interleaved redraws (a stop
 * and the delivery right after it) could otherwise leave one's text beside the other's tooltip.
 */
const redraw = makeSerial();

export function refreshBadge(): Promise<void> {
  return redraw(render);
}

/**
 * What the toolbar shows, as last drawn in full: known to this worker, and kept in
 * `storage.session` for the next one. The browser keeps the action's look while workers come and
 * go, and forgets it exactly when it empties `storage.session` (a browser restart; an install,
 * update or reload of the extension), so a worker's start-up redraw and the minute's new badge
 * text change only what differs: at most the text, most of the time nothing. The mark is removed
 * before a draw that changes something, so a draw cut short (the worker stopped mid-way) leaves
 * none, and the next worker draws everything. `undefined`: not read yet; null: not known.
 */
const SHOWN = 'toolbarShown';
let shown: ActionLook | null | undefined;

const ICONS: readonly string[] = ['idle', 'running', 'attention'] satisfies readonly IconLook[];

function asLook(value: unknown): ActionLook | null {
  if (!isRecord(value)) return null;
  const { text, colour, icon, title } = value;
  if (typeof text !== 'string' || typeof title !== 'string' || typeof icon !== 'string' || !ICONS.includes(icon)) {
    return null;
  }
  if (colour !== undefined && typeof colour !== 'string') return null;
  return { text, colour, icon: icon as IconLook, title };
}

async function draw(look: ActionLook): Promise<void> {
  shown ??= asLook((await browser.storage.session.get(SHOWN))[SHOWN]);
  const before = shown;
  if (before !== null && sameLook(before, look)) return;
  shown = null;
  if (before !== null) await browser.storage.session.remove(SHOWN);
  await renderAction(look, before);
  await browser.storage.session.set({ [SHOWN]: look });
  shown = look;
}

async function render(): Promise<void> {
  const [timer, account, away] = await readItems(timerItem, accountItem, awayItem);
  // Any entry, anyone's, that is not in COR yet: another account's waiting entries count too.
  const waiting = await outboxSize();
  const now = clock.now();
  const sessionExpired = account.status === 'expired';
  const awayPending = away.question !== null;
  await draw(lookOf(badgeView({ timer, waiting, sessionExpired, now, awayPending })));
  // The alarm survives the worker; `when` lands on the next minute flip, then every minute.
  if (timer.status === 'running') {
    await browser.alarms.create(BADGE_ALARM, { when: nextBadgeMinute(timer.startedAt, now), periodInMinutes: 1 });
  } else {
    await browser.alarms.clear(BADGE_ALARM);
  }
}

function lookOf(view: BadgeView): ActionLook {
  switch (view.kind) {
    case 'idle':
      return { text: '', icon: 'idle', title: t('extName') };
    case 'running':
      return {
        text: view.text,
        colour: RUNNING_COLOUR,
        icon: 'running',
        title: t('badgeRunningTitle', taskLabel(view.task), formatTimeOfDay(view.startedAt)),
      };
    case 'attention':
      return {
        text: '!',
        colour: ATTENTION_COLOUR,
        icon: 'attention',
        title:
          view.running === null
            ? t('badgeAttentionTitle')
            : t('badgeAttentionRunningTitle', taskLabel(view.running.task), formatTimeOfDay(view.running.startedAt)),
      };
    case 'away':
      return {
        text: '?',
        colour: ATTENTION_COLOUR,
        icon: 'attention',
        title: t('badgeAwayTitle', taskLabel(view.task)),
      };
    default:
      return assertNever(view);
  }
}
