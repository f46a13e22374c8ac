/**
 * The task picker: the popup's task combobox, where Enter starts the highlighted task (or
 * switches to it while another runs). Alt+P pins. While a timer runs only the box shows (the
 * list opens on typing or ↓). A task COR lists as closed asks first.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PickerSources } from '../core/task-search';
import type { TaskRef } from '../core/timer';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import { ErrorText } from '../ui/error-text';
import { taskLabel } from '../ui/format';
import { ClosedTaskQuestion } from './lazy-panels';
import { TaskCombobox } from './task-combobox';
import { useCommand } from './use-command';
import type { Lookup } from './use-task-search';

/**
 * Only the box shows, and the list opens on typing or ↓, while a timer runs and while entries need
 * attention above it (`collapsed`: with them and Today the list would not fit in 600 px). Not for
 * entries merely waiting: every stop leaves one for a moment, and the list would jump.
 */
export function TaskPicker(props: {
  sources: PickerSources;
  running: boolean;
  collapsed: boolean;
  /** The list's rows come a frame after the box (the popup's first frame: app.tsx). */
  listLater?: boolean;
}) {
  const [closedAsk, setClosedAsk] = useState<TaskRef | null>(null);
  // A new box after a start the closed-task question confirmed (the box itself clears after its own picks).
  const [box, setBox] = useState(0);
  const { busy, error, setError, run } = useCommand();
  const pinned = new Set(props.sources.pinned.map((p) => p.id));
  useEffect(() => void send('tasks.refresh', {}), []);
  useEffect(() => {
    if (box > 0) document.getElementById('task-search')?.focus();
  }, [box]);

  const start = async (task: TaskRef, lookup: Lookup | null, confirmedClosed = false): Promise<boolean> => {
    if (lookup?.state === 'not-found') {
      setError(t('taskNotFound'));
      return false;
    }
    if (task.closed === true && !confirmedClosed) {
      setClosedAsk(task);
      return false;
    }
    setClosedAsk(null);
    const result = await run(() => send('timer.start', { task }));
    return result?.ok === true;
  };
  const pin = (task: TaskRef) => void send('tasks.pin', { task, pinned: !pinned.has(task.id) });

  return (
    <section class="stack picker">
      <TaskCombobox
        key={box}
        prefix=""
        label={t('searchTasksLabel')}
        hideLabel={props.running}
        listLabel={t('tasksListLabel')}
        placeholder={props.running ? t('switchPlaceholder') : t('searchTasksPlaceholder')}
        sources={props.sources}
        collapsed={props.running || props.collapsed}
        rowsLater={props.listLater}
        autoFocus
        describedBy="picker-hint"
        onType={() => setError(null)}
        onPick={start}
        onKey={(event, current) => {
          if (!event.altKey || event.code !== 'KeyP' || current === undefined) return false;
          pin(current);
          return true;
        }}
        footer={({ current, listShown, pickCurrent }) =>
          listShown && (
            <div class="row picker-actions">
              <p id="picker-hint" class="muted hint">
                {t('pickerHint')}
              </p>
              {current !== undefined && (
                <button
                  type="button"
                  class="pin-toggle"
                  aria-pressed={pinned.has(current.id)}
                  aria-label={
                    pinned.has(current.id) ? t('unpinTask', taskLabel(current)) : t('pinTask', taskLabel(current))
                  }
                  onClick={() => pin(current)}
                >
                  {pinned.has(current.id) ? '★' : '☆'}
                </button>
              )}
              <button type="button" class="primary" disabled={busy || current === undefined} onClick={pickCurrent}>
                {props.running ? t('switchTask') : t('startTimer')}
              </button>
            </div>
          )
        }
      />
      {closedAsk !== null && (
        <ClosedTaskQuestion
          task={closedAsk}
          onStart={() => void start(closedAsk, null, true).then((started) => started && setBox((n) => n + 1))}
          onCancel={() => setClosedAsk(null)}
        />
      )}
      <ErrorText text={error} />
    </section>
  );
}
