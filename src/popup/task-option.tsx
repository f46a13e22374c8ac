/** One task in the picker's listbox: title, project · client (or what COR said of a typed number), and its pin. */
import type { TaskRef } from '../core/timer';
import { t } from '../platform/i18n';
import { taskLabel } from '../ui/format';
import type { Lookup } from './use-task-search';

export function TaskOption(props: {
  task: TaskRef;
  active: boolean;
  pinned: boolean;
  lookup: Lookup | null;
  onPick: () => void;
  onHover: () => void;
  onPin: () => void;
}) {
  const { task } = props;
  const meta = [task.project, task.client].filter((p) => p !== undefined).join(' · ');
  const note =
    props.lookup?.state === 'pending' ? t('lookingUp') : props.lookup?.state === 'not-found' ? t('taskNotFound') : '';
  return (
    <div
      role="option"
      id={`task-${task.id}`}
      aria-selected={props.active}
      aria-disabled={props.lookup?.state === 'not-found'}
      class={props.active ? 'option active' : 'option'}
      onClick={props.onPick}
      onMouseMove={props.onHover}
    >
      <span class="option-text">
        <span class="title one-line">{taskLabel(task)}</span>
        {(meta !== '' || note !== '') && <span class="muted one-line">{note || meta}</span>}
      </span>
      <button
        type="button"
        tabIndex={-1}
        class={props.pinned ? 'pin pinned' : 'pin'}
        aria-pressed={props.pinned}
        aria-label={props.pinned ? t('unpinTask', taskLabel(task)) : t('pinTask', taskLabel(task))}
        onClick={(e) => {
          e.stopPropagation();
          props.onPin();
        }}
      >
        {props.pinned ? '★' : '☆'}
      </button>
    </div>
  );
}
