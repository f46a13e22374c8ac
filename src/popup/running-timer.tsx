/**
 * The running timer: its task, the ticking clock, and local corrections before anything is
 * sent — the start time (typed, or ±5 minutes), Stop, and Discard.
 */
import { useState } from 'preact/hooks';
import { formatClock, durations } from '../core/time';
import type { TimerState } from '../core/timer';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import { formatTimeOfDay, taskLabel } from '../ui/format';
import { useFocusOnMount } from '../ui/use-focus-on-mount';
import { useNow } from '../ui/use-now';
import { useCommand } from './use-command';
import { StartTimeField } from './start-time-field';
import { StopAt } from './stop-at';
import { ErrorText } from '../ui/error-text';
import { OpenInCor } from './open-in-cor';

type Running = Extract<TimerState, { status: 'running' }>;

export function RunningTimer({ timer, company }: { timer: Running; company: string | null }) {
  const now = useNow(true);
  const { busy, error, run } = useCommand();
  const [overlap, setOverlap] = useState<number | null>(null);
  const confirmStart = useFocusOnMount<HTMLButtonElement>(overlap);
  const meta = [timer.task.project, timer.task.client].filter((p) => p !== undefined).join(' · ');

  const moveStart = async (startedAt: number, confirmed = false) => {
    const result = await run(() => send('timer.adjust-start', { startedAt, confirmed }));
    setOverlap(result?.ok === false && result.error === 'overlaps-previous' ? startedAt : null);
  };
  const stop = async () => {
    const result = await run(() => send('timer.stop', {}));
    // The Stop button is gone: the next thing a person does is usually pick a task.
    if (result?.ok) document.getElementById('task-search')?.focus();
  };

  return (
    <section class="stack running" aria-labelledby="running-task">
      <div class="row running-head">
        <div class="running-what">
          <p id="running-task" class="title two-lines">
            {taskLabel(timer.task)}
          </p>
          <p class="row running-meta">
            {meta !== '' && <span class="muted one-line">{meta}</span>}
            <OpenInCor company={company} task={timer.task} />
          </p>
        </div>
        <p class="clock" role="timer" aria-label={t('elapsedLabel')}>
          {formatClock(now - timer.startedAt)}
        </p>
      </div>
      <div class="row start-row">
        <StartTimeField startedAt={timer.startedAt} onChange={moveStart} />
        <button
          type="button"
          aria-label={t('minus5')}
          disabled={busy}
          onClick={() => void moveStart(timer.startedAt - 5 * durations.MINUTE)}
        >
          −5
        </button>
        <button
          type="button"
          disabled={busy || timer.startedAt + 5 * durations.MINUTE > now}
          aria-label={t('plus5')}
          onClick={() => void moveStart(timer.startedAt + 5 * durations.MINUTE)}
        >
          +5
        </button>
      </div>
      {overlap !== null && (
        <div class="notice stack" role="alertdialog" aria-labelledby="overlap-text">
          <p id="overlap-text">{t('confirmOverlap', formatTimeOfDay(overlap), formatTimeOfDay(timer.startedAt))}</p>
          <div class="row">
            <button type="button" class="primary" ref={confirmStart} onClick={() => void moveStart(overlap, true)}>
              {t('confirmStart', formatTimeOfDay(overlap))}
            </button>
            <button type="button" onClick={() => setOverlap(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <div class="row">
        <button type="button" class="stop" disabled={busy} onClick={() => void stop()}>
          {t('stopTimer')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run(() => send('timer.discard', {}))}>
          {t('discard')}
        </button>
      </div>
      <StopAt timer={timer} />
      <ErrorText text={error} />
    </section>
  );
}
