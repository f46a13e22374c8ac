/**
 * Naming a task, wherever the popup asks for one (the picker, "Move to another task"): a search
 * box over a listbox. Before typing it lists this page's task, pins, recent tasks and "My tasks";
 * typing matches them at once and asks COR, and a number (`#123`) or a COR task link names a task
 * directly. ↑/↓ move the highlight, Enter picks it, Esc clears (and, with nothing to clear,
 * leaves). The list is no Tab stop: the box names its highlighted option. Titles are text.
 */
import type { ComponentChildren, Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { PickerSources, SectionKey } from '../core/task-search';
import type { TaskRef } from '../core/timer';
import { t, type MessageKey } from '../platform/i18n';
import { TaskOption } from './task-option';
import { useListGate } from './use-list-gate';
import { useTaskSearch, type Lookup } from './use-task-search';

export interface Footer {
  /** The highlighted task, if any. */
  readonly current: TaskRef | undefined;
  readonly listShown: boolean;
  readonly pickCurrent: () => void;
}

export function TaskCombobox(props: {
  /** Keeps the ids of two comboboxes apart ('' for the picker: `task-search`, `task-list`). */
  prefix: string;
  label: string;
  hideLabel: boolean;
  /** The list's name ("Tasks" in the picker). */
  listLabel: string;
  placeholder: string;
  sources: PickerSources;
  /** Only the box shows until the person types or presses ↓. */
  collapsed: boolean;
  /**
   * The list is there (so the box, its state and the status line are as they will be) but its rows
   * are not drawn yet: the box paints first, the rows a frame later, below it.
   */
  rowsLater?: boolean;
  /** Picks a task (what COR said of a typed number comes along); true when done: the box clears. */
  onPick: (task: TaskRef, lookup: Lookup | null) => Promise<boolean>;
  /** Esc with nothing to clear. */
  onLeave?: () => void;
  /** Keys beyond the combobox's own (Alt+P pins); true when handled. */
  onKey?: (event: KeyboardEvent, current: TaskRef | undefined) => boolean;
  /** Shown under the list: hints and buttons that act on the highlighted task. */
  footer?: (footer: Footer) => ComponentChildren;
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  onType?: () => void;
}) {
  const { prefix } = props;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [opened, setOpened] = useState(false);
  const { sections, searching, failed, lookup } = useTaskSearch(props.sources, query);
  const showList = !props.collapsed || query !== '' || opened;
  const options = showList ? sections.flatMap((s) => s.tasks) : [];
  const current = options[Math.min(active, options.length - 1)];
  const rowsDrawn = props.rowsLater !== true;
  const settled = useListGate(options.map((o) => o.id).join());
  const listId = `${prefix}task-list`;
  const optionId = (task: TaskRef) => `${prefix}task-${task.id}`;

  const type = (value: string) => {
    setQuery(value);
    setActive(0);
    props.onType?.();
  };
  const pick = async (task: TaskRef | undefined) => {
    if (task === undefined) return;
    if (await props.onPick(task, lookup?.id === task.id ? lookup : null)) {
      type('');
      setOpened(false);
    }
  };

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
    } else if (event.key === 'Escape') {
      if (query === '' && !opened) {
        if (props.onLeave === undefined) return;
        event.preventDefault();
        props.onLeave();
        return;
      }
      event.preventDefault();
      type('');
      setOpened(false);
    } else if (props.onKey?.(event, current) === true) event.preventDefault();
  };

  let index = -1;
  return (
    <>
      <div>
        <label for={`${prefix}task-search`} class={props.hideLabel ? 'visually-hidden' : undefined}>
          {props.label}
        </label>
        <input
          id={`${prefix}task-search`}
          ref={props.inputRef}
          type="search"
          // A combobox: it owns the list below, whose highlighted option it names (aria-activedescendant).
          role="combobox"
          // Preact's types ask a combobox input for its `list`; ours is the listbox, not a <datalist>.
          list={undefined}
          aria-expanded={showList}
          autoFocus={props.autoFocus}
          autocomplete="off"
          spellcheck={false}
          placeholder={props.placeholder}
          aria-controls={showList ? listId : undefined}
          aria-activedescendant={current === undefined || !rowsDrawn ? undefined : optionId(current)}
          aria-describedby={props.describedBy}
          value={query}
          onInput={(e) => type(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      {showList && (
        <ul id={listId} role="listbox" aria-label={props.listLabel} class="task-list">
          {rowsDrawn &&
            sections.map((section) => (
              <li role="presentation" key={section.key}>
                <div role="group" aria-labelledby={`${prefix}group-${section.key}`}>
                  <p id={`${prefix}group-${section.key}`} class="group-heading" role="presentation">
                    {t(HEADINGS[section.key])}
                  </p>
                  {section.tasks.map((task) => {
                    index += 1;
                    const at = index;
                    return (
                      <TaskOption
                        key={task.id}
                        id={optionId(task)}
                        task={task}
                        active={task === current}
                        pinned={props.sources.pinned.some((p) => p.id === task.id)}
                        lookup={lookup?.id === task.id ? lookup : null}
                        onPick={(event) => {
                          // A double click, or a click on a row that just slid under the pointer, picks nothing.
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
      {props.footer?.({ current, listShown: showList, pickCurrent: () => void pick(current) })}
    </>
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
