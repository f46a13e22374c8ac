import { t } from '../platform/i18n';
import { accountItem } from '../shared/storage';
import { AccountLine } from '../ui/account-line';
import { useItem } from '../ui/use-item';
import { SignInForms } from './sign-in-forms';
import { SignOut } from './sign-out';
import { TimeSettings } from './time-settings';
import { ToolbarSettings } from './toolbar-settings';
import { Welcome } from './welcome';

export function Options() {
  const account = useItem(accountItem);
  return (
    <main class="stack">
      <h1>{t('optionsTitle')}</h1>
      {/* Opened on install (background/welcome.ts). */}
      {location.hash === '#welcome' && account !== undefined && <Welcome signedIn={account.status === 'signed-in'} />}
      <section class="stack" aria-labelledby="account-heading">
        <h2 id="account-heading">{t('optionsAccountHeading')}</h2>
        {account?.status === 'signed-in' && (
          <>
            <AccountLine account={account} />
            <SignOut />
          </>
        )}
        {account?.status === 'expired' && (
          <p class="notice" role="status">
            {account.method === 'token' ? t('tokenRefused') : t('sessionExpired')}
          </p>
        )}
        {account?.status === 'signed-out' && <p>{t('notSignedIn')}</p>}
        {account !== undefined && account.status !== 'signed-in' && <SignInForms />}
      </section>
      <ToolbarSettings />
      <TimeSettings />
      <footer>
        {/* The extension's own copy of PRIVACY.md (vite.config.ts), so it works offline and matches this version. */}
        <a href="/privacy.txt" target="_blank" rel="noopener">
          {t('privacyLink')}
        </a>
      </footer>
    </main>
  );
}
