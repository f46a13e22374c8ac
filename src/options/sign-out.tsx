import { useState } from 'preact/hooks';
import type { TaskRef } from '../core/timer';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import type { SignOutRequest } from '../shared/protocol';
import { ErrorText } from '../ui/error-text';
import { taskLabel } from '../ui/format';
import { useFocusOnMount } from '../ui/use-focus-on-mount';

type Question =
  | { readonly kind: 'none' }
  | { readonly kind: 'timer'; readonly task: TaskRef }
  | { readonly kind: 'waiting'; readonly count: number; readonly timer?: SignOutRequest['timer'] };

/**
 * Sign out. A running timer is never left running ownerless: stop and log it, or discard it.
 * While entries still wait for COR, say so first and ask again (they stay, for this account).
 */
export function SignOut() {
  const [question, setQuestion] = useState<Question>({ kind: 'none' });
  const [error, setError] = useState<string | null>(null);
  const first = useFocusOnMount<HTMLButtonElement>(question.kind);
  const signOut = async (request: SignOutRequest) => {
    const result = await send('auth.sign-out', request);
    setError(null);
    if (result.ok) setQuestion({ kind: 'none' });
    else if (result.error === 'timer-running') setQuestion({ kind: 'timer', task: result.task });
    else if (result.error === 'entries-waiting') {
      setQuestion({ kind: 'waiting', count: result.count, ...(request.timer ? { timer: request.timer } : {}) });
    } else setError(t('signOutFailed'));
  };
  const cancel = (
    <button type="button" onClick={() => setQuestion({ kind: 'none' })}>
      {t('cancel')}
    </button>
  );
  switch (question.kind) {
    case 'none':
      return (
        <div class="stack">
          <div>
            <button type="button" onClick={() => void signOut({ confirm: false })}>
              {t('signOut')}
            </button>
          </div>
          <ErrorText text={error} />
        </div>
      );
    case 'timer':
      return (
        <div class="notice stack" role="alertdialog" aria-labelledby="sign-out-timer">
          <p id="sign-out-timer">{t('signOutTimerQuestion', taskLabel(question.task))}</p>
          <div class="row wrap" style={{ justifyContent: 'flex-start' }}>
            <button
              type="button"
              class="primary"
              ref={first}
              onClick={() => void signOut({ confirm: false, timer: 'stop' })}
            >
              {t('signOutStopTimer')}
            </button>
            <button type="button" onClick={() => void signOut({ confirm: false, timer: 'discard' })}>
              {t('signOutDiscardTimer')}
            </button>
            {cancel}
          </div>
          <ErrorText text={error} />
        </div>
      );
    case 'waiting':
      return (
        <div class="notice stack" role="alertdialog" aria-labelledby="sign-out-warning">
          <p id="sign-out-warning">
            {question.count === 1 ? t('signOutWarningOne') : t('signOutWarningMany', question.count)}
          </p>
          <div class="row" style={{ justifyContent: 'flex-start' }}>
            <button
              type="button"
              class="primary"
              ref={first}
              onClick={() => void signOut({ confirm: true, ...(question.timer ? { timer: question.timer } : {}) })}
            >
              {t('signOutAnyway')}
            </button>
            {cancel}
          </div>
        </div>
      );
  }
}
