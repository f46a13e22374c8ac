import { useState } from 'preact/hooks';
import { formatClock } from '../core/time';
import { parseTaskInput } from '../core/task-input';
import type { TimerState } from '../core/timer';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import type { CommandResult } from '../shared/protocol';
import { commandErrorText } from '../ui/command-error';
import { formatTimeOfDay, taskLabel } from '../ui/format';
import { useNow } from '../ui/use-now';

export function TimerPanel({ timer }: { timer: TimerState }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (command: () => Promise<CommandResult>) => {
    setBusy(true);
    try {
      const result = await command();
      setError(result.ok ? null : commandErrorText(result.error));
    } catch {
      setError(t('errorUnexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="stack">
      {timer.status === 'running' ? (
        <Running timer={timer} busy={busy} onStop={() => void run(() => send('timer.stop', {}))} />
      ) : (
        <StartForm
          busy={busy}
          onInvalid={() => setError(t('errorInvalidTask'))}
          onStart={(taskId) => void run(() => send('timer.start', { taskId }))}
        />
      )}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function Running(props: { timer: Extract<TimerState, { status: 'running' }>; busy: boolean; onStop: () => void }) {
  const { timer } = props;
  const now = useNow(true);
  return (
    <div class="stack">
      <p class="title">{taskLabel(timer.task)}</p>
      <p class="clock" role="timer" aria-label={t('elapsedLabel')}>
        {formatClock(now - timer.startedAt)}
      </p>
      <p class="muted">{t('startedAt', formatTimeOfDay(timer.startedAt))}</p>
      <button type="button" class="stop" disabled={props.busy} onClick={props.onStop}>
        {t('stopTimer')}
      </button>
    </div>
  );
}

function StartForm(props: { busy: boolean; onStart: (taskId: number) => void; onInvalid: () => void }) {
  const [text, setText] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    const taskId = parseTaskInput(text);
    if (taskId === null) props.onInvalid();
    else props.onStart(taskId);
  };
  return (
    <form class="task-form stack" onSubmit={submit}>
      <div>
        <label for="task-id">{t('taskIdLabel')}</label>
        <div class="row">
          <input
            id="task-id"
            autoFocus
            autocomplete="off"
            inputMode="numeric"
            aria-describedby="task-id-hint"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={props.busy}>
            {t('startTimer')}
          </button>
        </div>
        <p id="task-id-hint" class="muted">
          {t('taskIdHint')}
        </p>
      </div>
    </form>
  );
}
