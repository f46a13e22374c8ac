import type { CommandError } from '../shared/protocol';
import { assertNever } from '../core/timer';
import { t } from '../platform/i18n';

export function commandErrorText(error: CommandError): string {
  switch (error) {
    case 'invalid-task':
      return t('errorInvalidTask');
    case 'not-running':
      return t('errorNotRunning');
    case 'no-task':
      return t('errorNoTask');
    case 'start-in-future':
      return t('errorStartInFuture');
    case 'overlaps-previous':
      return t('errorOverlapsPrevious');
    case 'nothing-to-undo':
      return t('errorNothingToUndo');
    case 'entry-gone':
      return t('errorEntryGone');
    case 'signed-out':
      return t('signInFirst');
    default:
      return assertNever(error);
  }
}
