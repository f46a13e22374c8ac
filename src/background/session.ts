/**
 * The session: a usable access token for every COR call. Refreshes shortly before expiry and
 * after a 401; concurrent callers share one refresh, because COR rotates the refresh token
 * and a second use of the old one would be refused.
 */
import { clientCredentialsRequest, needsRefresh, readTokens, refreshRequest } from '../core/auth';
import { classify, type Classified } from '../core/cor-response';
import { clock } from '../platform/clock';
import { writeItems } from '../platform/storage-item';
import { accountItem, authItem, type AuthSecrets } from '../shared/storage';
import { execute } from './http';
import { serial } from './serial';

export type Failure = Exclude<Classified, { class: 'ok' }>;
export type TokenOutcome = { readonly token: string } | { readonly failure: Failure };

const SIGNED_OUT: TokenOutcome = { failure: { class: 'auth', reason: { code: 'signed-out' } } };

let refreshing: Promise<TokenOutcome> | null = null;

/** The current access token, refreshed first when it is about to lapse. */
export async function usableToken(): Promise<TokenOutcome> {
  const auth = await authItem.get();
  if (auth === null) return SIGNED_OUT;
  return needsRefresh({ expiresAt: auth.expiresAt ?? null }, clock.now())
    ? refresh(auth.accessToken)
    : { token: auth.accessToken };
}

/** Replaces `stale` with a fresh token; callers arriving during a refresh wait for the same one. */
export function refresh(stale: string): Promise<TokenOutcome> {
  refreshing ??= refreshNow(stale).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function refreshNow(stale: string): Promise<TokenOutcome> {
  const auth = await authItem.get();
  if (auth === null) return SIGNED_OUT;
  // Someone refreshed (or signed in again) since the caller read `stale`: use that token.
  if (auth.accessToken !== stale && !needsRefresh({ expiresAt: auth.expiresAt ?? null }, clock.now())) {
    return { token: auth.accessToken };
  }
  const request = auth.refreshToken
    ? refreshRequest(auth.refreshToken)
    : auth.client
      ? clientCredentialsRequest(auth.client.key, auth.client.secret)
      : null;
  if (request === null) return expire(stale);
  const result = classify(await execute(request), clock.now());
  if (result.class === 'auth' || result.class === 'rejected') return expire(stale);
  if (result.class === 'retryable') return { failure: result };
  const tokens = readTokens(result.data, clock.now());
  if (tokens === null)
    return { failure: { class: 'retryable', reason: { code: 'server-error' }, outcomeUnknown: false } };
  const renewed: AuthSecrets = {
    ...auth,
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt,
    refreshToken: tokens.refreshToken ?? auth.refreshToken ?? null,
  };
  await serial(() => writeItems(authItem.entry(renewed)));
  return { token: renewed.accessToken };
}

/**
 * COR no longer accepts this session. Unless a newer sign-in replaced it meanwhile, the
 * session is marked expired; the outbox is untouched and goes out after the next sign-in.
 */
export async function expire(refusedToken: string): Promise<TokenOutcome> {
  const method = await serial(async () => {
    const [auth, account] = await Promise.all([authItem.get(), accountItem.get()]);
    if (auth?.accessToken === refusedToken && account.status === 'signed-in') {
      await writeItems(accountItem.entry({ ...account, status: 'expired' }));
    }
    return auth?.method;
  });
  // A pasted token has no session behind it: COR refused the token itself.
  return { failure: { class: 'auth', reason: { code: method === 'token' ? 'unauthorized' : 'session-expired' } } };
}
