import type { AccountView } from '../shared/storage';
import { t } from '../platform/i18n';

/** "Signed in as Ana García", with COR's picture of the person when there is one. */
export function AccountLine({ account }: { account: Extract<AccountView, { status: 'signed-in' | 'expired' }> }) {
  if (account.name === null) return <p class="muted">{t('signedInUnnamed')}</p>;
  return (
    <p class="account-line muted">
      {account.picture !== null && (
        <img
          src={account.picture}
          alt=""
          width={20}
          height={20}
          referrerpolicy="no-referrer"
          // No picture beats a broken one (offline, or the address expired).
          onError={(e) => e.currentTarget.remove()}
        />
      )}
      <span>{t('signedInAs', account.name)}</span>
    </p>
  );
}
