/**
 * The popup: a projection of stored state. It sends commands; storage changes re-render it.
 * Most important first, so that it fits in Chrome's 600 px: questions, entries that need the
 * person, the running timer, today, then the picker. Questions and rarely shown panels load on
 * demand (lazy-panels.ts): the main control — the picker's search box, or Stop timer — comes first.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
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
  todayItem,
} from '../shared/storage';
import { useItem } from '../ui/use-item';
import { ownedBy } from '../core/outbox-line';
import { AccountNotice } from './account-notice';
import { Announcer } from './announcer';
import { DiscardedNotice } from './discarded-notice';
import { ApartPanel, AwayQuestion, ClosedTaskQuestion } from './lazy-panels';
import { LastLogged } from './last-logged';
import { OutboxPanel } from './outbox-panel';
import { RunningTimer } from './running-timer';
import { TaskPicker } from './task-picker';
import { Today } from './today';
import { usePageTask } from './use-page-task';

export function App() {
  const timer = useItem(timerItem);
  const outbox = useItem(outboxItem);
  const quarantine = useItem(quarantineItem);
  const recent = useItem(recentItem);
  const account = useItem(accountItem);
  const pinned = useItem(pinnedTasksItem);
  const recentTasks = useItem(recentTasksItem);
  const myTasks = useItem(myTasksItem);
  const today = useItem(todayItem);
  const pageTask = usePageTask();
  const away = useItem(awayItem);
  const [moving, setMoving] = useState<string | null>(null);
  // The first frame draws the main control and what is above it; what lies below follows a frame
  // later (Preact runs effects after the frame), where it moves nothing already drawn.
  const [below, setBelow] = useState(false);
  useEffect(() => setBelow(true), []);
  const sources = useMemo(
    () => ({
      running: timer?.status === 'running' ? timer.task : null,
      page: pageTask,
      pinned: pinned ?? [],
      recent: recentTasks ?? [],
      mine: myTasks?.tasks ?? [],
    }),
    [timer, pageTask, pinned, recentTasks, myTasks],
  );
  // An expired session still times (entries wait for the new sign-in); signed out, nothing starts.
  const signedIn = account !== undefined && account.status !== 'signed-out';
  // The picker asks before a closed task starts: that question loads after the first frame, before any click.
  useEffect(() => {
    if (signedIn) void ClosedTaskQuestion.preload();
  }, [signedIn]);
  if (timer === undefined || outbox === undefined || recent === undefined || account === undefined) return null;
  const userId = account.status === 'signed-out' ? null : account.userId;
  const mine = ownedBy(outbox, userId);
  // Where "Open in COR" links go: checked (and maybe refused) by the links themselves.
  const company = account.status === 'signed-out' ? null : (account.company ?? null);
  // While "You were away" waits, it is the one thing to do: nothing starts or stops before it is
  // answered, so Today and the picker step aside and the popup still fits.
  const asking = away?.question != null && timer.status === 'running';
  // While an entry is being moved to another task, its search is the one thing on screen: the
  // running timer, Today and the picker step aside (its list would not fit with them) and come
  // back the moment the entry is moved or the move is cancelled.
  const movingNow = moving !== null && mine.some((e) => e.id === moving && e.state === 'needs-attention');
  const aside = asking || movingNow;
  // While running, Stop timer is the main control: Today and the picker lie below it.
  const drawBelow = below || timer.status !== 'running';
  return (
    <main class="stack">
      <header class="row">
        <h1>{t('extName')}</h1>
        {account.status === 'signed-in' && <AccountNotice account={account} />}
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('settings')}
        </button>
      </header>
      {account.status !== 'signed-in' && <AccountNotice account={account} />}
      {/* Questions to the person (away, overlap, sign-out) come first, above everything else. */}
      {asking && <AwayQuestion question={away.question} timer={timer} />}
      <OutboxPanel
        outbox={mine}
        context={{ company, sources, onMoving: setMoving }}
        onSendNow={() => send('outbox.send-now', {})}
      />
      {/* Other accounts' entries and unreadable ones: rare, so their panel loads only when there are some. */}
      {(mine.length < outbox.length || (quarantine ?? []).length > 0) && (
        <ApartPanel outbox={outbox} quarantine={quarantine ?? []} userId={userId} />
      )}
      {timer.status === 'running' && !movingNow && <RunningTimer timer={timer} company={company} />}
      {signedIn && !movingNow && timer.status === 'idle' && timer.discarded !== undefined && (
        <DiscardedNotice discarded={timer.discarded} />
      )}
      {signedIn && !aside && drawBelow && <LastLogged recent={recent} />}
      {signedIn && !aside && drawBelow && (
        <Today
          cache={today ?? null}
          timer={timer}
          outbox={mine}
          recent={recent}
          company={company}
          // With a timer and entries to deal with there is no room for the list: it opens on request.
          compact={timer.status === 'running' && mine.length > 0}
        />
      )}
      {signedIn && !aside && drawBelow && (
        <TaskPicker
          sources={sources}
          running={timer.status === 'running'}
          collapsed={mine.some((e) => e.state === 'needs-attention')}
          // Idle, the search box is the main control: its list (up to 25 + pinned + recent tasks) lies below.
          listLater={!below}
        />
      )}
      <Announcer timer={timer} recent={recent} />
    </main>
  );
}
