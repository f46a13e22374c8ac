/** The popup: a projection of stored state. It sends commands; storage changes re-render it. */
import { useMemo } from 'preact/hooks';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import {
  accountItem,
  awayItem,
  myTasksItem,
  outboxItem,
  pinnedTasksItem,
  quarantineItem,
  recentItem,
  recentTasksItem,
  timerItem,
} from '../shared/storage';
import { useItem } from '../ui/use-item';
import { ownedBy } from '../core/outbox';
import { AccountNotice } from './account-notice';
import { ApartPanel } from './apart-panel';
import { AwayQuestion } from './away-question';
import { DiscardedNotice } from './discarded-notice';
import { LastLogged } from './last-logged';
import { OutboxPanel } from './outbox-panel';
import { RunningTimer } from './running-timer';
import { TaskPicker } from './task-picker';

export function App() {
  const timer = useItem(timerItem);
  const outbox = useItem(outboxItem);
  const quarantine = useItem(quarantineItem);
  const recent = useItem(recentItem);
  const account = useItem(accountItem);
  const pinned = useItem(pinnedTasksItem);
  const recentTasks = useItem(recentTasksItem);
  const myTasks = useItem(myTasksItem);
  const away = useItem(awayItem);
  const sources = useMemo(
    () => ({
      running: timer?.status === 'running' ? timer.task : null,
      pinned: pinned ?? [],
      recent: recentTasks ?? [],
      mine: myTasks?.tasks ?? [],
    }),
    [timer, pinned, recentTasks, myTasks],
  );
  if (timer === undefined || outbox === undefined || recent === undefined || account === undefined) return null;
  const userId = account.status === 'signed-out' ? null : account.userId;
  return (
    <main class="stack">
      <header class="row">
        <h1>{t('extName')}</h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('settings')}
        </button>
      </header>
      {away?.question != null && timer.status === 'running' && <AwayQuestion question={away.question} timer={timer} />}
      <AccountNotice account={account} />
      {timer.status === 'running' && <RunningTimer timer={timer} />}
      {timer.status === 'idle' && timer.discarded !== undefined && <DiscardedNotice discarded={timer.discarded} />}
      <TaskPicker sources={sources} running={timer.status === 'running'} />
      <LastLogged recent={recent} />
      <OutboxPanel outbox={ownedBy(outbox, userId)} onSendNow={() => send('outbox.send-now', {})} />
      <ApartPanel outbox={outbox} quarantine={quarantine ?? []} userId={userId} />
    </main>
  );
}
