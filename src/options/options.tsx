import { useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { accountItem } from '../shared/storage';
import { useItem } from '../ui/use-item';
import { TokenForm } from './token-form';
import { send } from '../platform/messaging';

export function Options() {
  const account = useItem(accountItem);
  const [signedOut, setSignedOut] = useState(false);
  return (
    <main class="stack">
      <h1>{t('optionsTitle')}</h1>
      <section class="stack" aria-labelledby="account-heading">
        <h2 id="account-heading">{t('optionsAccountHeading')}</h2>
        {account !== undefined && (
          <p>
            {account.status === 'signed-out'
              ? t('accountSignedOut')
              : account.status === 'expired'
                ? t('accountTokenRefused')
                : account.name !== null
                  ? t('accountSignedInAs', account.name)
                  : t('accountSignedIn')}
          </p>
        )}
        <TokenForm />
        {account !== undefined && account.status !== 'signed-out' && (
          <button type="button" onClick={() => void send('auth.sign-out', {}).then((r) => setSignedOut(r.ok))}>
            {t('signOut')}
          </button>
        )}
        {signedOut && <p role="status">{t('signedOut')}</p>}
      </section>
    </main>
  );
}
