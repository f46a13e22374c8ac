import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import type { AccountView } from '../shared/storage';

/** Says so when COR cannot be reached on the person's behalf; silent while all is well. */
export function AccountNotice({ account }: { account: AccountView }) {
  if (account.status === 'signed-in') {
    return account.name === null ? null : <p class="muted">{t('accountSignedInAs', account.name)}</p>;
  }
  const text = account.status === 'signed-out' ? t('accountSignedOut') : t('accountTokenRefused');
  return (
    <div class="notice" role="status">
      <p>{text}</p>
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('openSettings')}
      </button>
    </div>
  );
}
