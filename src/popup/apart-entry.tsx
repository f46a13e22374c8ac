/**
 * One entry that waits for a decision other than COR's: another account's (discard), an unknown
 * account's (send it as mine, or discard), or one set aside as unreadable (send what was
 * recovered, or discard). Discarding always asks first: the time is then gone for good.
 */
import { useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import type { CommandResult } from '../shared/protocol';
import { ErrorText } from '../ui/error-text';
import { useFocusOnMount } from '../ui/use-focus-on-mount';
import { useCommand } from './use-command';

export interface ApartAction {
  readonly label: string;
  readonly command: () => Promise<CommandResult>;
}

export function ApartEntry(props: {
  label: string;
  /** Send it (claim or restore); absent when it cannot be sent from here. */
  send?: ApartAction;
  discard: () => Promise<CommandResult>;
}) {
  const [asking, setAsking] = useState(false);
  const { busy, error, run } = useCommand();
  const keep = useFocusOnMount<HTMLButtonElement>(asking);
  return (
    <li class="stack" aria-label={props.label}>
      <p class="title">{props.label}</p>
      {asking ? (
        <div class="stack" role="group" aria-label={t('discardOtherQuestion')}>
          <p>{t('discardOtherQuestion')}</p>
          <div class="row wrap">
            <button type="button" disabled={busy} onClick={() => void run(props.discard)}>
              {t('discardEntryConfirm')}
            </button>
            <button type="button" ref={keep} disabled={busy} onClick={() => setAsking(false)}>
              {t('keepEntry')}
            </button>
          </div>
        </div>
      ) : (
        <div class="row wrap">
          {props.send !== undefined && (
            <button type="button" disabled={busy} onClick={() => void run(props.send!.command)}>
              {props.send.label}
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => setAsking(true)}>
            {t('discard')}
          </button>
        </div>
      )}
      <ErrorText text={error} />
    </li>
  );
}
