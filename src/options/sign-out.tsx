import { useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import { useFocusOnMount } from '../ui/use-focus-on-mount';

/** Sign out; while entries still wait for COR, say so first and ask again. */
export function SignOut() {
  const [waiting, setWaiting] = useState<number | null>(null);
  const signOutAnyway = useFocusOnMount<HTMLButtonElement>(waiting);
  const signOut = async (confirm: boolean) => {
    const result = await send('auth.sign-out', { confirm });
    setWaiting(result.ok ? null : result.count);
  };
  if (waiting === null) {
    return (
      <div>
        <button type="button" onClick={() => void signOut(false)}>
          {t('signOut')}
        </button>
      </div>
    );
  }
  return (
    <div class="notice stack" role="alertdialog" aria-labelledby="sign-out-warning">
      <p id="sign-out-warning">{waiting === 1 ? t('signOutWarningOne') : t('signOutWarningMany', waiting)}</p>
      <div class="row" style={{ justifyContent: 'flex-start' }}>
        <button type="button" class="primary" ref={signOutAnyway} onClick={() => void signOut(true)}>
          {t('signOutAnyway')}
        </button>
        <button type="button" onClick={() => setWaiting(null)}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
