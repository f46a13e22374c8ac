/**
 * One entry COR refused, with what the person can do about it: Retry as it is, Move to another
 * task (by number or link), or Discard — only after saying yes to a question, since the time
 * is then gone for good. COR's reason is shown as text.
 */
import { useState } from 'preact/hooks';
import type { OutboxEntry } from '../core/outbox';
import { parseTaskInput } from '../core/task-input';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import { ErrorText } from '../ui/error-text';
import { formatTimeOfDay, reasonText, taskLabel } from '../ui/format';
import { useCommand } from './use-command';

type Mode = 'idle' | 'moving' | 'confirm-discard';

export function AttentionEntry({ entry }: { entry: OutboxEntry }) {
  const [mode, setMode] = useState<Mode>('idle');
  const [target, setTarget] = useState('');
  const { busy, error, setError, run } = useCommand();
  const span = t(
    'entrySpan',
    taskLabel(entry.task),
    formatTimeOfDay(entry.startedAt),
    formatTimeOfDay(entry.stoppedAt),
  );

  const move = async (event: Event) => {
    event.preventDefault();
    const id = parseTaskInput(target);
    if (id === null) {
      setError(t('errorInvalidTask'));
      return;
    }
    const found = await send('tasks.lookup', { id });
    if (!found.ok && found.error === 'not-found') {
      setError(t('taskNotFound'));
      return;
    }
    await run(() => send('outbox.move', { id: entry.id, task: found.ok ? found.task : { id } }));
  };

  return (
    <li class="stack" aria-label={span}>
      <p class="title">{span}</p>
      {entry.reason !== undefined && <p>{reasonText(entry.reason)}</p>}
      {mode === 'idle' && (
        <div class="row wrap">
          <button type="button" disabled={busy} onClick={() => void run(() => send('outbox.retry', { id: entry.id }))}>
            {t('retry')}
          </button>
          <button type="button" disabled={busy} onClick={() => setMode('moving')}>
            {t('moveToTask')}
          </button>
          <button type="button" disabled={busy} onClick={() => setMode('confirm-discard')}>
            {t('discard')}
          </button>
        </div>
      )}
      {mode === 'moving' && (
        <form class="row wrap" onSubmit={(event) => void move(event)}>
          <label>
            {t('moveTaskLabel')}
            <input
              type="text"
              value={target}
              autoFocus
              onInput={(event) => setTarget(event.currentTarget.value)}
              onKeyDown={(event) => event.key === 'Escape' && setMode('idle')}
            />
          </label>
          <button type="submit" disabled={busy}>
            {t('move')}
          </button>
          <button type="button" onClick={() => setMode('idle')}>
            {t('cancel')}
          </button>
        </form>
      )}
      {mode === 'confirm-discard' && (
        <div role="group" aria-label={t('discardEntryQuestion')} class="stack">
          <p>{t('discardEntryQuestion')}</p>
          <div class="row wrap">
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => send('outbox.discard', { id: entry.id }))}
            >
              {t('discardEntryConfirm')}
            </button>
            <button type="button" autoFocus onClick={() => setMode('idle')}>
              {t('keepEntry')}
            </button>
          </div>
        </div>
      )}
      <ErrorText text={error} />
    </li>
  );
}
