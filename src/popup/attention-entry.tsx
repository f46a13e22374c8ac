/**
 * One entry COR refused, with what the person can do about it: Retry as it is, Move to another
 * task (by number or link), or Discard — only after saying yes to a question, since the time
 * is then gone for good. COR's reason is shown as text.
 */
import { useId, useState } from 'preact/hooks';
import type { OutboxEntry } from '../core/outbox';
import { parseTaskInput } from '../core/task-input';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import { ErrorText } from '../ui/error-text';
import { formatTimeOfDay, reasonText, taskLabel } from '../ui/format';
import { useFocusOnMount } from '../ui/use-focus-on-mount';
import { HeldEntry, isHeld } from './held-entry';
import { useCommand } from './use-command';

type Mode = 'idle' | 'moving' | 'confirm-discard';

/** Held for the person's check of its times (issue 11), or refused by COR. */
export function AttentionEntry({ entry }: { entry: OutboxEntry }) {
  return isHeld(entry) ? <HeldEntry entry={entry} /> : <RefusedEntry entry={entry} />;
}

function RefusedEntry({ entry }: { entry: OutboxEntry }) {
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
      <p class="title one-line">{span}</p>
      {entry.reason !== undefined && <p>{reasonText(entry.reason)}</p>}
      {mode === 'idle' && (
        <div class="row wrap">
          <button
            type="button"
            class="small"
            disabled={busy}
            onClick={() => void run(() => send('outbox.retry', { id: entry.id }))}
          >
            {t('retry')}
          </button>
          <button type="button" class="small" disabled={busy} onClick={() => setMode('moving')}>
            {t('moveToTask')}
          </button>
          <button type="button" class="small" disabled={busy} onClick={() => setMode('confirm-discard')}>
            {t('discard')}
          </button>
        </div>
      )}
      {mode === 'moving' && (
        <MoveForm
          busy={busy}
          target={target}
          onInput={setTarget}
          onSubmit={(event) => void move(event)}
          onCancel={() => setMode('idle')}
        />
      )}
      {mode === 'confirm-discard' && (
        <DiscardQuestion
          busy={busy}
          onDiscard={() => void run(() => send('outbox.discard', { id: entry.id }))}
          onKeep={() => setMode('idle')}
        />
      )}
      <ErrorText text={error} />
    </li>
  );
}

function MoveForm(props: {
  busy: boolean;
  target: string;
  onInput: (value: string) => void;
  onSubmit: (event: Event) => void;
  onCancel: () => void;
}) {
  const field = useFocusOnMount<HTMLInputElement>();
  return (
    <form class="row wrap" onSubmit={props.onSubmit}>
      <label>
        {t('moveTaskLabel')}
        <input
          ref={field}
          type="text"
          value={props.target}
          onInput={(event) => props.onInput(event.currentTarget.value)}
          onKeyDown={(event) => event.key === 'Escape' && props.onCancel()}
        />
      </label>
      <button type="submit" disabled={props.busy}>
        {t('move')}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('cancel')}
      </button>
    </form>
  );
}

/** The time is gone for good once discarded, so the safe answer, Keep it, has the focus. */
export function DiscardQuestion(props: { busy: boolean; onDiscard: () => void; onKeep: () => void }) {
  const keep = useFocusOnMount<HTMLButtonElement>();
  const id = useId();
  return (
    <div class="stack" role="alertdialog" aria-labelledby={id}>
      <p id={id}>{t('discardEntryQuestion')}</p>
      <div class="row wrap">
        <button type="button" disabled={props.busy} onClick={props.onDiscard}>
          {t('discardEntryConfirm')}
        </button>
        <button type="button" ref={keep} onClick={props.onKeep}>
          {t('keepEntry')}
        </button>
      </div>
    </div>
  );
}
