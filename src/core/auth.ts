/**
 * COR sign-in, pure: request builders for each documented flow, and one reader for the token
 * answers, which come in more than one shape in the wild (reference/cor-api-notes.md §1b):
 *   flat    {access_token, token_type, expires_in (s), refresh_token}          — the OpenAPI AuthResponse
 *   nested  {token: {access_token, refreshToken, expirationTime (epoch ms, string)}, user}
 *   wrapped {data: {token: …}} or {data: {access_token, …}}                    — seen in one client
 */
import { COR_API_BASE, type CorRequest } from './cor-requests';
import { isRecord } from './guards';
import { durations } from './time';

export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  /** Epoch ms; null when COR did not say (then only a 401 tells us). */
  readonly expiresAt: number | null;
}

/** Refresh this long before expiry, so a request never leaves with a token about to lapse. */
export const REFRESH_MARGIN_MS = 60 * durations.SECOND;

/** A bearer token is printable ASCII without spaces (RFC 6750 b64token, generously), of a sane length. */
const TOKEN_SHAPE = /^[\x21-\x7e]{8,8192}$/;

/**
 * One rule for every token we keep, pasted or from COR: anything else is not a valid header value
 * (the browser would refuse to send it) or not a token at all.
 */
export function isTokenShape(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_SHAPE.test(token);
}

/** COR's token answer, or null when it holds no access token we could send. */
export function readTokens(json: unknown, now: number): Tokens | null {
  if (!isRecord(json)) return null;
  if (isRecord(json.data)) return readTokens(json.data, now);
  const source = isRecord(json.token) ? json.token : json;
  const accessToken = source.access_token ?? source.accessToken;
  if (!isTokenShape(accessToken)) return null;
  const refresh = source.refresh_token ?? source.refreshToken;
  return {
    accessToken,
    // A refresh token of another shape is not one we can trust to send back; a 401 then asks for a sign-in.
    refreshToken: isTokenShape(refresh) ? refresh : null,
    expiresAt: expiry(source, now),
  };
}

function expiry(source: Record<string, unknown>, now: number): number | null {
  const seconds = Number(source.expires_in);
  if (source.expires_in !== undefined && Number.isFinite(seconds) && seconds > 0) return now + seconds * 1000;
  const at = Number(source.expirationTime);
  if (source.expirationTime === undefined || !Number.isFinite(at) || at <= 0) return null;
  // Documented as epoch milliseconds; a value that small can only be epoch seconds.
  return at < 1e12 ? at * 1000 : at;
}

export function needsRefresh(tokens: Pick<Tokens, 'expiresAt'>, now: number): boolean {
  return tokens.expiresAt !== null && now >= tokens.expiresAt - REFRESH_MARGIN_MS;
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };

/** `POST /auth/login`, form-encoded email and password. */
export function loginRequest(email: string, password: string): CorRequest {
  return {
    method: 'POST',
    url: `${COR_API_BASE}/auth/login`,
    headers: FORM,
    body: new URLSearchParams({ email, password }).toString(),
  };
}

/** `POST /oauth/refreshtoken`, form-encoded refresh token. COR rotates it: keep the new one. */
export function refreshRequest(refreshToken: string): CorRequest {
  return {
    method: 'POST',
    url: `${COR_API_BASE}/oauth/refreshtoken`,
    headers: FORM,
    body: new URLSearchParams({ refresh_token: refreshToken }).toString(),
  };
}

/** `POST /oauth/token?grant_type=client_credentials` with `Basic base64(key:secret)`, no body. */
export function clientCredentialsRequest(key: string, secret: string): CorRequest {
  return {
    method: 'POST',
    url: `${COR_API_BASE}/oauth/token?grant_type=client_credentials`,
    headers: { Accept: 'application/json', Authorization: `Basic ${base64(`${key}:${secret}`)}` },
  };
}

/** `POST /oauth2/token?grant_type=authorization_code&code=…` (code in the query, per the OpenAPI). */
export function authorizationCodeRequest(code: string): CorRequest {
  const query = new URLSearchParams({ grant_type: 'authorization_code', code });
  return {
    method: 'POST',
    url: `${COR_API_BASE}/oauth2/token?${query.toString()}`,
    headers: { Accept: 'application/json' },
  };
}

/**
 * The company part of a COR web-app address: `acme`, `acme.cor.works` or
 * `https://acme.cor.works/anything` all give `acme`. Letters, digits and inner hyphens only, so
 * no other host can be slipped into the consent URL.
 */
export function parseCompany(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (/^https?:\/\//.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return null;
    }
  }
  text = text.replace(/\/.*$/, '').replace(/\.cor\.works\.?$/, '');
  return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(text) ? text : null;
}

/** COR's consent screen for the company (quickstart, "Authorization code"). */
export function consentUrl(company: string, redirectUri: string): string {
  const query = new URLSearchParams({ name: 'COR Timer', response_type: 'code', redirect_uri: redirectUri });
  // URLSearchParams writes spaces as '+'; COR's documented example uses %20.
  return `https://${company}.cor.works/oauth2/authorize?${query.toString().replace(/\+/g, '%20')}`;
}

export type ConsentOutcome =
  { readonly kind: 'code'; readonly code: string } | { readonly kind: 'denied' } | { readonly kind: 'invalid' };

/** Reads the redirect COR sent back: `?code=…` on consent, `?error=…` when the person declined. */
export function readConsentRedirect(redirected: string, redirectUri: string): ConsentOutcome {
  let url: URL;
  try {
    url = new URL(redirected);
    if (url.origin !== new URL(redirectUri).origin) return { kind: 'invalid' };
  } catch {
    return { kind: 'invalid' };
  }
  const code = url.searchParams.get('code');
  if (code !== null && code !== '') return { kind: 'code', code };
  return url.searchParams.has('error') ? { kind: 'denied' } : { kind: 'invalid' };
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
