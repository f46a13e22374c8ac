/**
 * The popup's one live region: says when a timer starts or stops and when COR confirms an entry,
 * for people who cannot see the page change. Only changes while the popup is open are said.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LoggedEntry } from '../core/outbox';
import type { TimerState } from '../core/timer';
import { t } from '../platform/i18n';
import { formatLogged, taskLabel } from '../ui/format';

export function Announcer(props: { timer: TimerState; recent: readonly LoggedEntry[] }) {
  const [text, setText] = useState('');
  const seen = useRef({ timer: props.timer, logged: props.recent[0]?.entryId });
  useEffect(() => {
    const before = seen.current;
    const logged = props.recent[0];
    const { timer } = props;
    if (logged !== undefined && logged.entryId !== before.logged) {
      setText(t('announceLogged', formatLogged(logged.durationMs), taskLabel(logged.task)));
    } else if (
      timer.status === 'running' &&
      (before.timer.status !== 'running' || before.timer.task.id !== timer.task.id)
    ) {
      setText(t('announceStarted', taskLabel(timer.task)));
    } else if (timer.status === 'idle' && before.timer.status === 'running') {
      setText(t('announceStopped', taskLabel(before.timer.task)));
    }
    seen.current = { timer, logged: logged?.entryId };
  }, [props.timer, props.recent]);
  return (
    <p role="status" class="visually-hidden">
      {text}
    </p>
  );
}
