/**
 * "You were away": shown first while the question waits, with the times in the person's
 * locale and the three answers. Nothing about the timer is decided until one is chosen.
 */
import type { AwaySpan } from '../core/away';
import type { TimerState } from '../core/timer';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import { ErrorText } from '../ui/error-text';
import { formatSpan, formatTimeOfDay, taskLabel } from '../ui/format';
import { useFocusOnMount } from '../ui/use-focus-on-mount';
import { useCommand } from './use-command';

type Running = Extract<TimerState, { status: 'running' }>;

export function AwayQuestion({ question, timer }: { question: AwaySpan; timer: Running }) {
  const { busy, error, run } = useCommand();
  const heading = useFocusOnMount<HTMLHeadingElement>(question.leftAt);
  // A start corrected to after the departure moves the departure with it.
  const leftAt = Math.max(question.leftAt, timer.startedAt);
  const answer = (value: 'keep' | 'stop' | 'remove') => void run(() => send('away.answer', { answer: value }));
  return (
    <section class="notice stack" role="alertdialog" aria-labelledby="away-heading" aria-describedby="away-span">
      <h2 id="away-heading" ref={heading} tabIndex={-1}>
        {t('awayHeading')}
      </h2>
      <p id="away-span">
        {t('awaySpan', formatTimeOfDay(leftAt), formatTimeOfDay(question.backAt), formatSpan(question.backAt - leftAt))}{' '}
        {t('awayOnTask', taskLabel(timer.task))}
      </p>
      <div class="row wrap">
        <button type="button" disabled={busy} onClick={() => answer('keep')}>
          {t('awayKeep')}
        </button>
        <button type="button" disabled={busy} onClick={() => answer('stop')}>
          {t('awayStopAt', formatTimeOfDay(leftAt))}
        </button>
        <button type="button" disabled={busy} onClick={() => answer('remove')}>
          {t('awayRemove')}
        </button>
      </div>
      <ErrorText text={error} />
    </section>
  );
}
