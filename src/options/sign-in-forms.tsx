/**
 * The ways into COR: email and password first (what most people have), the company's consent
 * page, and, tucked away, an API key or a pasted access token.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import type { SignInRequest } from '../shared/protocol';
import { Field } from '../ui/field';
import { useSignIn } from './use-sign-in';
import { ErrorText } from '../ui/error-text';

export function SignInForms() {
  return (
    <div class="stack">
      <PasswordForm />
      <CompanyForm />
      <details>
        <summary>{t('otherWaysHeading')}</summary>
        <div class="stack">
          <ApiKeyForm />
          <TokenForm />
        </div>
      </details>
    </div>
  );
}

/** A form that sends one sign-in request and shows what went wrong, if anything. */
function SignInForm(props: {
  label: string;
  submitLabel: string;
  request: () => SignInRequest;
  onDone?: () => void;
  onFailed?: () => void;
  children: ComponentChildren;
}) {
  const { busy, error, submit } = useSignIn();
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (await submit(props.request())) props.onDone?.();
    else props.onFailed?.();
  };
  return (
    <form class="stack" aria-label={props.label} onSubmit={(e) => void onSubmit(e)}>
      {props.children}
      <div>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('signingIn') : props.submitLabel}
        </button>
      </div>
      <ErrorText text={error} />
    </form>
  );
}

function PasswordForm() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  return (
    <SignInForm
      label={t('signInToCor')}
      submitLabel={t('signIn')}
      // The password leaves this page once and is then forgotten, whatever the outcome.
      request={() => {
        setPassword('');
        return { method: 'password', email, password };
      }}
      // The password was cleared: the person types it again.
      onFailed={() => document.getElementById('password')?.focus()}
    >
      <Field
        id="email"
        label={t('emailLabel')}
        type="email"
        autoComplete="username"
        value={email}
        onInput={setEmail}
        autoFocus
      />
      <Field
        id="password"
        label={t('passwordLabel')}
        type="password"
        autoComplete="current-password"
        hint={t('passwordNote')}
        value={password}
        onInput={setPassword}
      />
    </SignInForm>
  );
}

function CompanyForm() {
  const [company, setCompany] = useState('');
  return (
    <SignInForm
      label={t('companyHeading')}
      submitLabel={t('continueWithCor')}
      request={() => ({ method: 'company', company })}
    >
      <h3>{t('companyHeading')}</h3>
      <Field id="company" label={t('companyLabel')} hint={t('companyHint')} value={company} onInput={setCompany} />
    </SignInForm>
  );
}

function ApiKeyForm() {
  const [key, setKey] = useState('');
  const [secret, setSecret] = useState('');
  return (
    <SignInForm
      label={t('apiKeyFormLabel')}
      submitLabel={t('signInWithApiKey')}
      request={() => {
        setSecret('');
        return { method: 'api-key', key, secret };
      }}
    >
      <Field id="api-key" label={t('apiKeyLabel')} value={key} onInput={setKey} />
      <Field
        id="client-secret"
        label={t('clientSecretLabel')}
        type="password"
        hint={t('apiKeyHint')}
        value={secret}
        onInput={setSecret}
      />
    </SignInForm>
  );
}

function TokenForm() {
  const [token, setToken] = useState('');
  return (
    <SignInForm
      label={t('tokenFormLabel')}
      submitLabel={t('save')}
      request={() => {
        setToken('');
        return { method: 'token', token };
      }}
    >
      <Field
        id="access-token"
        label={t('accessTokenLabel')}
        type="password"
        hint={t('accessTokenHint')}
        value={token}
        onInput={setToken}
      />
    </SignInForm>
  );
}
