import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import type { AccountView } from '../shared/storage';
import { AccountLine } from '../ui/account-line';

/** Who is signed in; or, when nobody is or the session lapsed, the way to sign in. */
export function AccountNotice({ account }: { account: AccountView }) {
  if (account.status === 'signed-in') return <AccountLine account={account} />;
  const [text, action] =
    account.status === 'signed-out'
      ? [t('signInPrompt'), t('signInToCor')]
      : [account.method === 'token' ? t('tokenRefused') : t('sessionExpired'), t('signInAgain')];
  return (
    <div class="notice stack" role="status">
      <p>{text}</p>
      <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage()}>
        {action}
      </button>
    </div>
  );
}
