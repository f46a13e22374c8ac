/** The "Stop at…" form (popup/stop-at.tsx), loaded when the running timer first shows. */
import { useState } from 'preact/hooks';
import { typedStop } from '../core/local-time';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import { ErrorText } from '../ui/error-text';
import { useFocusOnMount } from '../ui/use-focus-on-mount';
import type { Running } from './stop-at';
import { useCommand } from './use-command';

export function StopAtForm({ timer, onCancel }: { timer: Running; onCancel: () => void }) {
  const [value, setValue] = useState('');
  const { busy, error, setError, run } = useCommand();
  const field = useFocusOnMount<HTMLInputElement>();
  const submit = (event: Event) => {
    event.preventDefault();
    const at = typedStop(value, timer.startedAt, Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (at === null) {
      setError(t('errorInvalidStop'));
      setValue('');
      return;
    }
    void run(() => send('timer.stop-at', { at }));
  };
  return (
    <form class="stack" onSubmit={submit}>
      <div class="row start-row">
        <div class="start-field">
          <label for="stop-at">{t('stopAtLabel')}</label>
          <input
            id="stop-at"
            ref={field}
            type="time"
            required
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Escape' && onCancel()}
          />
        </div>
        <button type="submit" class="stop" disabled={busy}>
          {t('stopAtConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      <ErrorText text={error} />
    </form>
  );
}
