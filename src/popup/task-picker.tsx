/**
 * The task picker: a search box over a listbox. Before typing it lists the running task,
 * pins, recent tasks and "My tasks"; typing matches them at once and asks COR. ↑/↓ move,
 * Enter starts the highlighted task, Esc clears, Alt+P pins. Titles are text, never HTML.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SectionKey } from '../core/task-search';
import type { TaskRef } from '../core/timer';
import { t, type MessageKey } from '../platform/i18n';
import { send } from '../platform/messaging';
import { useCommand } from './use-command';
import { useTaskSearch } from './use-task-search';
import { TaskOption } from './task-option';
import type { PickerSources } from '../core/task-search';
import { ErrorText } from '../ui/error-text';

export function TaskPicker(props: { sources: PickerSources; running: boolean }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { sections, searching, failed, lookup } = useTaskSearch(props.sources, query);
  const { busy, error, setError, run } = useCommand();
  const options = sections.flatMap((s) => s.tasks);
  const current = options[Math.min(active, options.length - 1)];
  const pinned = new Set(props.sources.pinned.map((p) => p.id));

  useEffect(() => setActive(0), [query]);
  useEffect(() => void send('tasks.refresh', {}), []);

  const pick = async (task: TaskRef | undefined) => {
    if (task === undefined) return;
    if (lookup?.id === task.id && lookup.state === 'not-found') {
      setError(t('taskNotFound'));
      return;
    }
    const result = await run(() => send('timer.start', { task }));
    if (result?.ok) setQuery('');
  };
  const pin = (task: TaskRef) => void send('tasks.pin', { task, pinned: !pinned.has(task.id) });

  const onKeyDown = (event: KeyboardEvent) => {
    const move = (by: number) => {
      event.preventDefault();
      setActive((i) => Math.max(0, Math.min(options.length - 1, i + by)));
    };
    if (event.key === 'ArrowDown') move(1);
    else if (event.key === 'ArrowUp') move(-1);
    else if (event.key === 'Enter') {
      event.preventDefault();
      void pick(current);
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
    } else if (event.altKey && event.code === 'KeyP' && current !== undefined) {
      event.preventDefault();
      pin(current);
    }
  };

  let index = -1;
  return (
    <section class="stack picker">
      <div>
        <label for="task-search">{t('searchTasksLabel')}</label>
        <input
          id="task-search"
          type="search"
          autoFocus
          autocomplete="off"
          spellcheck={false}
          placeholder={t('searchTasksPlaceholder')}
          aria-controls="task-list"
          aria-activedescendant={current === undefined ? undefined : `task-${current.id}`}
          aria-describedby="picker-hint"
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setError(null);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
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
                    onPick={() => void pick(task)}
                    onHover={() => setActive(at)}
                    onPin={() => pin(task)}
                  />
                );
              })}
            </div>
          </li>
        ))}
      </ul>
      <p role="status" class="muted">
        {searching ? t('searching') : failed ? t('searchFailed') : options.length === 0 ? emptyText(query) : ''}
      </p>
      <div class="row">
        <p id="picker-hint" class="muted hint">
          {t('pickerHint')}
        </p>
        <button
          type="button"
          class="primary"
          disabled={busy || current === undefined}
          onClick={() => void pick(current)}
        >
          {props.running ? t('switchTask') : t('startTimer')}
        </button>
      </div>
      <ErrorText text={error} />
    </section>
  );
}

function emptyText(query: string): string {
  return query.trim() === '' ? t('noTasksYet') : t('noTasksFound');
}

const HEADINGS: Record<SectionKey, MessageKey> = {
  typed: 'sectionTyped',
  running: 'sectionRunning',
  pinned: 'sectionPinned',
  recent: 'sectionRecent',
  mine: 'sectionMine',
  matches: 'sectionMatches',
  results: 'sectionResults',
};
