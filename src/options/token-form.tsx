import { useState } from 'preact/hooks';
import { COR_API_BASE } from '../core/cor-requests';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import type { SaveTokenResult } from '../shared/protocol';
import { commandErrorText } from '../ui/command-error';
import { reasonText } from '../ui/format';

/** Pasting a COR access token: handed to the background at once, never kept in the page. */
export function TokenForm() {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; isError: boolean } | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    // Firefox grants MV3 host permissions only on request, and only from a user gesture such
    // as this submit; Chrome granted them at install and answers at once.
    const granted = browser.permissions.request({ origins: [`${new URL(COR_API_BASE).origin}/*`] });
    setBusy(true);
    try {
      await granted;
      const answer = await send('auth.save-token', { token });
      setResult(describe(answer));
      if (answer.ok || answer.error === 'unconfirmed') setToken('');
    } catch {
      setResult({ text: t('errorUnexpected'), isError: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack" onSubmit={(e) => void submit(e)}>
      <div>
        <label for="access-token">{t('accessTokenLabel')}</label>
        <div class="row">
          <input
            id="access-token"
            type="password"
            autocomplete="off"
            spellcheck={false}
            aria-describedby="access-token-hint"
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('saving') : t('save')}
          </button>
        </div>
        <p id="access-token-hint" class="muted">
          {t('accessTokenHint')}
        </p>
      </div>
      {result !== null && (
        <p role={result.isError ? 'alert' : 'status'} class={result.isError ? 'error' : undefined}>
          {result.text}
        </p>
      )}
    </form>
  );
}

function describe(answer: SaveTokenResult): { text: string; isError: boolean } {
  if (answer.ok) {
    const { account } = answer;
    const name = account.status === 'signed-out' ? null : account.name;
    return { text: name === null ? t('tokenSavedUnnamed') : t('tokenSaved', name), isError: false };
  }
  if (answer.error === 'unconfirmed')
    return { text: t('tokenSavedUnchecked', reasonText(answer.reason)), isError: true };
  return { text: commandErrorText(answer.error), isError: true };
}
