import type { TaskRef } from '../core/timer';
import { t } from '../platform/i18n';
import { taskLabel } from '../ui/format';
import { useFocusOnMount } from '../ui/use-focus-on-mount';

/** A task COR lists as closed may have its hours refused: start only after a yes. Cancel, the safe answer, has the focus. */
export function ClosedTaskQuestion(props: { task: TaskRef; onStart: () => void; onCancel: () => void }) {
  const cancel = useFocusOnMount<HTMLButtonElement>(props.task.id);
  return (
    <div class="notice stack" role="alertdialog" aria-labelledby="closed-task-text">
      <p id="closed-task-text">{t('closedTaskQuestion', taskLabel(props.task))}</p>
      <div class="row wrap">
        <button type="button" onClick={props.onStart}>
          {t('startAnyway')}
        </button>
        <button type="button" ref={cancel} onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
