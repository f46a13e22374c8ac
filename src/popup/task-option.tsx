/**
 * One task in the picker's listbox: title, project · client (or what COR said of a typed number),
 * and marks for pinned and closed. Nothing inside is interactive (an option may not hold a
 * button): pinning is Alt+P or the picker's own Pin button.
 */
import type { TaskRef } from '../core/timer';
import { t } from '../platform/i18n';
import { taskLabel } from '../ui/format';
import type { Lookup } from './use-task-search';

export function TaskOption(props: {
  id: string;
  task: TaskRef;
  active: boolean;
  pinned: boolean;
  lookup: Lookup | null;
  onPick: (event: MouseEvent) => void;
  onHover: () => void;
}) {
  const { task } = props;
  const meta = [task.project, task.client].filter((p) => p !== undefined).join(' · ');
  const note =
    props.lookup?.state === 'pending' ? t('lookingUp') : props.lookup?.state === 'not-found' ? t('taskNotFound') : '';
  return (
    <div
      role="option"
      id={props.id}
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
      {task.closed === true && <span class="tag">{t('taskClosed')}</span>}
      {props.pinned && (
        <span class="pin-mark" aria-hidden="true">
          ★
        </span>
      )}
    </div>
  );
}
