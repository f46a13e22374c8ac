import { useState } from 'preact/hooks';
import { assertNever } from '../core/guards';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import { COR_ORIGINS } from '../platform/permissions';
import type { SignInError, SignInRequest, SignInResult } from '../shared/protocol';

export interface SignInState {
  readonly busy: boolean;
  readonly error: string | null;
  readonly submit: (request: SignInRequest) => Promise<boolean>;
}

/** Sends one sign-in to the background; the page never sees a token. */
export function useSignIn(): SignInState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (request: SignInRequest): Promise<boolean> => {
    // Firefox grants MV3 host permissions only on request, and only within a user gesture such
    // as this submit, so ask before any await; Chrome granted them at install and answers at once.
    const access = browser.permissions.request({ origins: COR_ORIGINS });
    setBusy(true);
    setError(null);
    try {
      // Refused (Firefox asks; Chrome granted it at install): no request could reach COR, so say that.
      if (!(await access)) {
        setError(t('signInErrorNotAllowed'));
        return false;
      }
      const result: SignInResult = await send('auth.sign-in', request);
      if (!result.ok) setError(signInErrorText(result.error));
      return result.ok;
    } catch {
      setError(t('errorUnexpected'));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

export function signInErrorText(error: SignInError): string {
  switch (error) {
    case 'invalid-input':
      return t('signInErrorInvalidInput');
    case 'invalid-company':
      return t('signInErrorInvalidCompany');
    case 'wrong-credentials':
      return t('signInErrorWrongCredentials');
    case 'consent-denied':
      return t('signInErrorConsentDenied');
    case 'consent-failed':
      return t('signInErrorConsentFailed');
    case 'cor-unreachable':
      return t('signInErrorUnreachable');
    case 'cor-error':
      return t('signInErrorCorError');
    case 'malformed-answer':
      return t('signInErrorMalformed');
    default:
      return assertNever(error);
  }
}
