import type { CommandError } from '../shared/protocol';
import { assertNever } from '../core/guards';
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
    case 'invalid-stop':
      return t('errorInvalidStop');
    case 'away-pending':
      return t('errorAwayPending');
    case 'entry-gone':
      return t('errorEntryGone');
    case 'signed-out':
      return t('errorSignedOut');
    case 'storage-failed':
      return t('errorStorageFailed');
    default:
      return assertNever(error);
  }
}
