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
          // Fetched after the first frame, not while it is drawn: starting the request took 3–6 ms
          // of the popup's main thread just when its main control was about to paint (bench/trace.ts).
          loading="lazy"
          // No picture beats a broken one (offline, or the address expired).
          onError={(e) => e.currentTarget.remove()}
        />
      )}
      <span>{t('signedInAs', account.name)}</span>
    </p>
  );
}
