/**
 * The task picker: a search box over a listbox. Before typing it lists this page's task, pins,
 * recent tasks and "My tasks"; typing matches them at once and asks COR. ↑/↓ move, Enter starts
 * the highlighted task, Esc clears, Alt+P pins. While a timer runs only the box shows (the list
 * opens on typing or ↓). Titles are text, never HTML.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SectionKey } from '../core/task-search';
import type { TaskRef } from '../core/timer';
import { t, type MessageKey } from '../platform/i18n';
import { send } from '../platform/messaging';
import { ClosedTaskQuestion } from './lazy-panels';
import { useCommand } from './use-command';
import { useListGate } from './use-list-gate';
import { useTaskSearch } from './use-task-search';
import { TaskOption } from './task-option';
import type { PickerSources } from '../core/task-search';
import { ErrorText } from '../ui/error-text';
import { taskLabel } from '../ui/format';

export function TaskPicker(props: { sources: PickerSources; running: boolean }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [opened, setOpened] = useState(false);
  const [closedAsk, setClosedAsk] = useState<TaskRef | null>(null);
  const { sections, searching, failed, lookup } = useTaskSearch(props.sources, query);
  const { busy, error, setError, run } = useCommand();
  const showList = !props.running || query !== '' || opened;
  const options = showList ? sections.flatMap((s) => s.tasks) : [];
  const current = options[Math.min(active, options.length - 1)];
  const pinned = new Set(props.sources.pinned.map((p) => p.id));
  const settled = useListGate(options.map((o) => o.id).join());
  useEffect(() => void send('tasks.refresh', {}), []);

  const type = (value: string) => {
    setQuery(value);
    setActive(0);
    setError(null);
  };

  const pick = async (task: TaskRef | undefined, confirmedClosed = false) => {
    if (task === undefined) return;
    if (lookup?.id === task.id && lookup.state === 'not-found') {
      setError(t('taskNotFound'));
      return;
    }
    if (task.closed === true && !confirmedClosed) {
      setClosedAsk(task);
      return;
    }
    setClosedAsk(null);
    const result = await run(() => send('timer.start', { task }));
    if (result?.ok) {
      type('');
      setOpened(false);
    }
  };
  const pin = (task: TaskRef) => void send('tasks.pin', { task, pinned: !pinned.has(task.id) });

  const onKeyDown = (event: KeyboardEvent) => {
    const move = (by: number) => {
      event.preventDefault();
      setOpened(true);
      setActive((i) => Math.max(0, Math.min(options.length - 1, i + by)));
    };
    if (event.key === 'ArrowDown') move(showList ? 1 : 0);
    else if (event.key === 'ArrowUp') move(-1);
    else if (event.key === 'Enter') {
      event.preventDefault();
      void pick(current);
    } else if (event.key === 'Escape' && (query !== '' || opened)) {
      event.preventDefault();
      type('');
      setOpened(false);
    } else if (event.altKey && event.code === 'KeyP' && current !== undefined) {
      event.preventDefault();
      pin(current);
    }
  };

  let index = -1;
  return (
    <section class="stack picker">
      <div>
        <label for="task-search" class={props.running ? 'visually-hidden' : undefined}>
          {t('searchTasksLabel')}
        </label>
        <input
          id="task-search"
          type="search"
          // A combobox: it owns the list below, whose highlighted option it names (aria-activedescendant).
          role="combobox"
          // Preact's types ask a combobox input for its `list`; ours is the listbox, not a <datalist>.
          list={undefined}
          aria-expanded={showList}
          autoFocus
          autocomplete="off"
          spellcheck={false}
          placeholder={props.running ? t('switchPlaceholder') : t('searchTasksPlaceholder')}
          aria-controls={showList ? 'task-list' : undefined}
          aria-activedescendant={current === undefined ? undefined : `task-${current.id}`}
          aria-describedby="picker-hint"
          value={query}
          onInput={(e) => type(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      {showList && (
        <ul id="task-list" role="listbox" aria-label={t('tasksListLabel')} class="task-list">
          {sections.map((section) => (
            <li role="presentation" key={section.key}>
              <div role="group" aria-labelledby={`group-${section.key}`}>
                <p id={`group-${section.key}`} class="group-heading" role="presentation">
                  {t(HEADINGS[section.key])}
                </p>
                {section.tasks.map((task) => {
                  index += 1;
                  const at = index;
                  return (
                    <TaskOption
                      key={task.id}
                      task={task}
                      active={task === current}
                      pinned={pinned.has(task.id)}
                      lookup={lookup?.id === task.id ? lookup : null}
                      onPick={(event) => {
                        // A double click, or a click on a row that just slid under the pointer, starts nothing.
                        if (event.detail > 1 || !settled()) return;
                        void pick(task);
                      }}
                      onHover={() => setActive(at)}
                    />
                  );
                })}
              </div>
            </li>
          ))}
        </ul>
      )}
      {closedAsk !== null && (
        <ClosedTaskQuestion
          task={closedAsk}
          onStart={() => void pick(closedAsk, true)}
          onCancel={() => setClosedAsk(null)}
        />
      )}
      <p role="status" class="muted">
        {!showList
          ? ''
          : searching
            ? t('searching')
            : failed
              ? t('searchFailed')
              : options.length === 0
                ? emptyText(query)
                : ''}
      </p>
      {showList && (
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
          <button
            type="button"
            class="primary"
            disabled={busy || current === undefined}
            onClick={() => void pick(current)}
          >
            {props.running ? t('switchTask') : t('startTimer')}
          </button>
        </div>
      )}
      <ErrorText text={error} />
    </section>
  );
}

function emptyText(query: string): string {
  return query.trim() === '' ? t('noTasksYet') : t('noTasksFound');
}

const HEADINGS: Record<SectionKey, MessageKey> = {
  typed: 'sectionTyped',
  page: 'sectionPage',
  pinned: 'sectionPinned',
  recent: 'sectionRecent',
  mine: 'sectionMine',
  matches: 'sectionMatches',
  results: 'sectionResults',
};
