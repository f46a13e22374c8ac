/**
 * Signing in and out. Each way in ends the same way: tokens into `auth`, who we are into
 * `account` (GET /me), and a flush of whatever waited for a session.
 */
import {
  authorizationCodeRequest,
  clientCredentialsRequest,
  consentUrl,
  isTokenShape,
  loginRequest,
  parseCompany,
  readConsentRedirect,
  readTokens,
  type Tokens,
} from '../core/auth';
import type { CorRequest } from '../core/cor-requests';
import { classify } from '../core/cor-response';
import { assertNever } from '../core/timer';
import { clock } from '../platform/clock';
import { launchWebAuthFlow, redirectUrl } from '../platform/identity';
import { writeItems } from '../platform/storage-item';
import type { SignInRequest, SignInResult } from '../shared/protocol';
import { accountItem, authItem, type AuthSecrets } from '../shared/storage';
import { refreshAccount } from './account';
import { execute } from './http';
import { flushOutbox } from './outbox-flush';
import { serial } from './serial';
import { whileSession } from './session';
import { forgetAccountData } from './sign-out';

type Failure = Extract<SignInResult, { ok: false }>;

const MAX_FIELD = 1024;

export async function signIn(request: SignInRequest): Promise<SignInResult> {
  const obtained = await obtain(request);
  if ('ok' in obtained) return obtained;
  const generation = clock.newId();
  const company = request.method === 'company' ? parseCompany(request.company) : null;
  const before = await serial(async () => {
    const previous = await accountItem.get();
    await writeItems(
      authItem.entry({ ...obtained, generation }),
      accountItem.entry({
        status: 'signed-in',
        method: obtained.method,
        userId: null,
        name: null,
        picture: null,
        company,
      }),
    );
    return previous.status === 'signed-out' ? null : previous.userId;
  });
  const me = await refreshAccount();
  // Another person (or one we could not identify) must not see the last one's tasks and hours.
  if ('class' in me || me.status === 'signed-out' || me.userId !== before) {
    await whileSession(generation, () => writeItems(...forgetAccountData()));
  }
  void flushOutbox({ force: true });
  if ('class' in me) {
    return me.class === 'auth'
      ? { ok: false, error: 'wrong-credentials', reason: me.reason }
      : { ok: false, error: me.class === 'retryable' ? 'cor-unreachable' : 'cor-error', reason: me.reason };
  }
  return { ok: true, account: me };
}

type Obtained = Omit<AuthSecrets, 'generation'>;

async function obtain(request: SignInRequest): Promise<Obtained | Failure> {
  switch (request.method) {
    case 'password': {
      if (!field(request.email) || !field(request.password)) return { ok: false, error: 'invalid-input' };
      return exchange('password', loginRequest(request.email.trim(), request.password));
    }
    case 'api-key': {
      if (!field(request.key) || !field(request.secret)) return { ok: false, error: 'invalid-input' };
      const client = { key: request.key.trim(), secret: request.secret.trim() };
      const got = await exchange('api-key', clientCredentialsRequest(client.key, client.secret));
      return 'ok' in got ? got : { ...got, client };
    }
    case 'company':
      return viaConsentPage(request.company);
    case 'token': {
      const token = typeof request.token === 'string' ? request.token.trim().replace(/^Bearer\s+/i, '') : '';
      if (!isTokenShape(token)) return { ok: false, error: 'invalid-input' };
      return { method: 'token', accessToken: token, refreshToken: null, expiresAt: null, client: null };
    }
    default:
      return assertNever(request);
  }
}

async function viaConsentPage(input: unknown): Promise<Obtained | Failure> {
  const company = typeof input === 'string' ? parseCompany(input) : null;
  if (company === null) return { ok: false, error: 'invalid-company' };
  const redirect = redirectUrl();
  const flow = await launchWebAuthFlow(consentUrl(company, redirect));
  if (flow.kind === 'failed') return { ok: false, error: flow.cancelled ? 'consent-denied' : 'consent-failed' };
  const consent = readConsentRedirect(flow.url, redirect);
  if (consent.kind === 'denied') return { ok: false, error: 'consent-denied' };
  if (consent.kind === 'invalid') return { ok: false, error: 'consent-failed' };
  return exchange('company', authorizationCodeRequest(consent.code));
}

/** Sends a token request and reads COR's answer, in whichever documented shape it comes. */
async function exchange(method: AuthSecrets['method'], request: CorRequest): Promise<Obtained | Failure> {
  const now = clock.now();
  const result = classify(await execute(request), now);
  switch (result.class) {
    case 'ok': {
      const tokens: Tokens | null = readTokens(result.data, now);
      return tokens === null ? { ok: false, error: 'malformed-answer' } : { method, ...tokens, client: null };
    }
    case 'auth':
    case 'rejected':
      return { ok: false, error: 'wrong-credentials', reason: result.reason };
    case 'retryable':
      return {
        ok: false,
        error: result.outcomeUnknown || result.reason.code === 'offline' ? 'cor-unreachable' : 'cor-error',
        reason: result.reason,
      };
    default:
      return assertNever(result);
  }
}

function field(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_FIELD;
}
