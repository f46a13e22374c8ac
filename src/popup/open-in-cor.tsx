/**
 * "Open in COR": the task's page in the company's web app, in a new tab. Shown only when the
 * company is known and valid (core/cor-web.ts builds the address; nothing from COR's text goes
 * into it). Its name says which task, after the words it shows ("Open in COR: Armado de contenido
 * v1"): speech input finds a control by what it shows (WCAG 2.5.3, axe label-content-name-mismatch).
 */
import { taskWebUrl } from '../core/cor-web';
import type { TaskRef } from '../core/timer';
import { t } from '../platform/i18n';
import { taskLabel } from '../ui/format';

export function OpenInCor(props: { company: string | null; task: TaskRef }) {
  const href = taskWebUrl(props.company, props.task.id);
  if (href === null) return null;
  return (
    <a
      class="open-in-cor"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={t('openTaskInCor', taskLabel(props.task))}
    >
      {t('openInCor')}
    </a>
  );
}
