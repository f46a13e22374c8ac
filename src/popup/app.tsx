/** The popup: a projection of stored state. It sends commands; storage changes re-render it. */
import { send } from '../platform/messaging';
import { t } from '../platform/i18n';
import { browser } from '../platform/browser';
import { accountItem, outboxItem, recentItem, timerItem } from '../shared/storage';
import { useItem } from '../ui/use-item';
import { AccountNotice } from './account-notice';
import { LastLogged } from './last-logged';
import { OutboxPanel } from './outbox-panel';
import { TimerPanel } from './timer-panel';

export function App() {
  const timer = useItem(timerItem);
  const outbox = useItem(outboxItem);
  const recent = useItem(recentItem);
  const account = useItem(accountItem);
  if (timer === undefined || outbox === undefined || recent === undefined || account === undefined) return null;
  return (
    <main class="stack">
      <header class="row">
        <h1>{t('extName')}</h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('settings')}
        </button>
      </header>
      <AccountNotice account={account} />
      <TimerPanel timer={timer} />
      <LastLogged recent={recent} />
      <OutboxPanel outbox={outbox} onSendNow={() => send('outbox.send-now', {})} />
    </main>
  );
}
