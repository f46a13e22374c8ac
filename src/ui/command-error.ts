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
    default:
      return assertNever(error);
  }
}
