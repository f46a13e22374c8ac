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
/** A token and the sign-in it belongs to. */
export type TokenOutcome = { readonly token: string; readonly generation: string } | { readonly failure: Failure };

export const SIGNED_OUT: TokenOutcome = { failure: { class: 'auth', reason: { code: 'signed-out' } } };

let refreshing: Promise<TokenOutcome> | null = null;

/**
 * The current access token, refreshed first when it is about to lapse. With `generation`, only a
 * token of that sign-in: a caller that started under one session never gets another's token.
 * `read`: the sign-in as the caller just read it in its own serialised section, instead of a read here.
 */
export async function usableToken(generation?: string, read?: AuthSecrets | null): Promise<TokenOutcome> {
  const auth = read !== undefined ? read : await authItem.get();
  if (auth === null || (generation !== undefined && auth.generation !== generation)) return SIGNED_OUT;
  const outcome = needsRefresh({ expiresAt: auth.expiresAt ?? null }, clock.now())
    ? await refresh(auth.accessToken)
    : { token: auth.accessToken, generation: auth.generation };
  return sameSession(outcome, generation);
}

/** Replaces `stale` with a fresh token; callers arriving during a refresh wait for the same one. */
export async function refresh(stale: string, generation?: string): Promise<TokenOutcome> {
  refreshing ??= refreshNow(stale).finally(() => {
    refreshing = null;
  });
  return sameSession(await refreshing, generation);
}

function sameSession(outcome: TokenOutcome, generation: string | undefined): TokenOutcome {
  return 'token' in outcome && generation !== undefined && outcome.generation !== generation ? SIGNED_OUT : outcome;
}

/** The current sign-in's generation, or null when nobody is signed in. */
export async function currentGeneration(): Promise<string | null> {
  return (await authItem.get())?.generation ?? null;
}

/**
 * Runs `write` in the serialised section only while the sign-in `generation` is still the current
 * one; otherwise drops it and returns null. Every write that follows a network wait goes through
 * here: a session that ended (sign-out, another person's sign-in) must leave nothing behind.
 */
export function whileSession<T>(generation: string, write: () => Promise<T>): Promise<T | null> {
  return serial(async () => ((await currentGeneration()) === generation ? write() : null));
}

async function refreshNow(stale: string): Promise<TokenOutcome> {
  const auth = await authItem.get();
  if (auth === null) return SIGNED_OUT;
  // Someone refreshed (or signed in again) since the caller read `stale`: use that token.
  if (auth.accessToken !== stale && !needsRefresh({ expiresAt: auth.expiresAt ?? null }, clock.now())) {
    return { token: auth.accessToken, generation: auth.generation };
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
  // Signed out (or in as someone else) while COR answered: those tokens must not come back.
  const written = await whileSession(auth.generation, async () => {
    await writeItems(authItem.entry(renewed));
    return true;
  });
  return written === null ? SIGNED_OUT : { token: renewed.accessToken, generation: renewed.generation };
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
