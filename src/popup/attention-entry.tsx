/**
 * One entry COR refused, with what the person can do about it: Retry as it is, Move to another
 * task (found by title, number or link, with the picker's combobox), or Discard — only after
 * saying yes to a question, since the time is then gone for good. COR's reason is shown as text.
 */
import { useId, useRef, useState } from 'preact/hooks';
import type { OutboxEntry } from '../core/outbox';
import type { PickerSources } from '../core/task-search';
import type { TaskRef } from '../core/timer';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import { ErrorText } from '../ui/error-text';
import { formatTimeOfDay, reasonText, taskLabel } from '../ui/format';
import { useFocusOnMount } from '../ui/use-focus-on-mount';
import { HeldEntry, isHeld } from './held-entry';
import { OpenInCor } from './open-in-cor';
import { TaskCombobox } from './task-combobox';
import type { Lookup } from './use-task-search';
import { useCommand } from './use-command';

type Mode = 'idle' | 'moving' | 'confirm-discard';

/** What an attention entry needs of the popup: where "Open in COR" goes, and the tasks to move to. */
export interface EntryContext {
  readonly company: string | null;
  readonly sources: PickerSources;
  /** Which entry's "Move to another task" is open (null: none), so that the rest of the popup makes room. */
  readonly onMoving: (id: string | null) => void;
}

/** Held for the person's check of its times (issue 11), or refused by COR. */
export function AttentionEntry({ entry, context }: { entry: OutboxEntry; context: EntryContext }) {
  return isHeld(entry) ? <HeldEntry entry={entry} /> : <RefusedEntry entry={entry} context={context} />;
}

function RefusedEntry({ entry, context }: { entry: OutboxEntry; context: EntryContext }) {
  const [mode, setMode] = useState<Mode>('idle');
  const { busy, error, setError, run } = useCommand();
  const span = t(
    'entrySpan',
    taskLabel(entry.task),
    formatTimeOfDay(entry.startedAt),
    formatTimeOfDay(entry.stoppedAt),
  );

  const moveButton = useRef<HTMLButtonElement>(null);
  const moveMode = (on: boolean) => {
    setMode(on ? 'moving' : 'idle');
    context.onMoving(on ? entry.id : null);
    // Back from a cancelled move, the focus returns to the button that opened it (once it is drawn again).
    if (!on) setTimeout(() => moveButton.current?.focus());
  };
  const move = async (task: TaskRef, lookup: Lookup | null): Promise<boolean> => {
    if (lookup?.state === 'not-found') {
      setError(t('taskNotFound'));
      return false;
    }
    let target = task;
    // Named by its number only: COR says whether it exists (and what it is) before the entry goes there.
    if (task.title === undefined) {
      const found = await send('tasks.lookup', { id: task.id });
      if (!found.ok && found.error === 'not-found') {
        setError(t('taskNotFound'));
        return false;
      }
      if (found.ok) target = found.task;
    }
    const result = await run(() => send('outbox.move', { id: entry.id, task: target }));
    return result?.ok === true;
  };

  return (
    <li class="stack" aria-label={span}>
      <p class="row">
        <span class="title one-line">{span}</span>
        {/* Why COR refused it is usually on the task's page (closed, not mine); a task COR does not know has none. */}
        {entry.reason?.code !== 'task-not-found' && <OpenInCor company={context.company} task={entry.task} />}
      </p>
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
          <button type="button" class="small" ref={moveButton} disabled={busy} onClick={() => moveMode(true)}>
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
          sources={moveSources(context.sources, entry.task)}
          onMove={move}
          onType={() => setError(null)}
          onCancel={() => moveMode(false)}
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

/** The entry's own task is the one to leave, so it is never offered; the running timer's task is a fair target. */
function moveSources(sources: PickerSources, from: TaskRef): PickerSources {
  return {
    ...sources,
    running: from,
    recent: sources.running === null ? sources.recent : [sources.running, ...sources.recent],
  };
}

/** The picker's combobox, collapsed to its box until the person types or presses ↓ (room is short here). */
function MoveForm(props: {
  busy: boolean;
  sources: PickerSources;
  onMove: (task: TaskRef, lookup: Lookup | null) => Promise<boolean>;
  onType: () => void;
  onCancel: () => void;
}) {
  const field = useFocusOnMount<HTMLInputElement>();
  const prefix = `move-${useId()}-`;
  return (
    <div class="stack move-form">
      <TaskCombobox
        prefix={prefix}
        label={t('moveTaskLabel')}
        hideLabel={false}
        listLabel={t('moveTaskLabel')}
        placeholder={t('searchTasksPlaceholder')}
        sources={props.sources}
        collapsed
        inputRef={field}
        onPick={props.onMove}
        onType={props.onType}
        onLeave={props.onCancel}
        footer={({ current, pickCurrent }) => (
          <div class="row wrap">
            <button type="button" disabled={props.busy || current === undefined} onClick={pickCurrent}>
              {t('move')}
            </button>
            <button type="button" onClick={props.onCancel}>
              {t('cancel')}
            </button>
          </div>
        )}
      />
    </div>
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
