import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import type { AccountView } from '../shared/storage';
import { AccountLine } from '../ui/account-line';
import { useFocusOnMount } from '../ui/use-focus-on-mount';

/** Who is signed in; or, when nobody is or the session lapsed, the way to sign in. */
export function AccountNotice({ account }: { account: AccountView }) {
  if (account.status === 'signed-in') return <AccountLine account={account} />;
  return <SignInNotice account={account} />;
}

/** Signing in is the only thing to do here, so it has the focus. */
function SignInNotice({ account }: { account: Exclude<AccountView, { status: 'signed-in' }> }) {
  const button = useFocusOnMount<HTMLButtonElement>();
  const [text, action] =
    account.status === 'signed-out'
      ? [t('signInPrompt'), t('signInToCor')]
      : [account.method === 'token' ? t('tokenRefused') : t('sessionExpired'), t('signInAgain')];
  return (
    <div class="notice stack" role="status">
      <p>{text}</p>
      <button type="button" class="primary" ref={button} onClick={() => void browser.runtime.openOptionsPage()}>
        {action}
      </button>
    </div>
  );
}
