/** /v1/auth/login, /v1/oauth/token, /v1/oauth2/token, /v1/oauth/refreshtoken, /v1/me. */
import { timingSafeEqual } from 'node:crypto';
import { json, unauthorized, validationError, validationFailed, type ValidationError } from './reply.ts';
import { authenticate, isReply, type CorState, type Route } from './state.ts';
import type { TokenPair } from './tokens.ts';
import type { RecordedRequest, Reply, SeedUser } from './types.ts';

/** The `AuthResponse` schema. */
export function flatAuth(pair: TokenPair, lifetimeSeconds: number): Record<string, unknown> {
  return {
    access_token: pair.access_token,
    token_type: 'Bearer',
    expires_in: lifetimeSeconds,
    refresh_token: pair.refresh_token,
  };
}

/** The nested shape seen in working third-party clients. */
function nestedAuth(pair: TokenPair, user: SeedUser): Record<string, unknown> {
  return {
    token: {
      type: 'bearer',
      access_token: pair.access_token,
      refreshToken: pair.refresh_token,
      expirationTime: String(pair.expiresAt),
    },
    user: publicUser(user),
  };
}

/** The `User` schema as GET /me answers it (internal seed fields stripped). */
export function publicUser(u: SeedUser): Record<string, unknown> {
  return {
    id: u.id,
    first_name: u.first_name,
    last_name: u.last_name,
    email: u.email,
    picture: u.picture,
    cuil: u.cuil,
    remaining_hours: u.remaining_hours,
    user_position_id: u.user_position_id,
    role_id: u.role_id,
    daily_hours: u.daily_hours,
    plan_id: u.plan_id,
    plan_name: u.plan_name,
    hidden: false,
    position_name: u.position_name,
    category_id: u.category_id,
    category_name: u.category_name,
    gmt: u.gmt,
    leaves: [],
    labels: [],
  };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function requireFields(form: Record<string, string> | undefined, fields: string[]): ValidationError[] {
  return fields.filter((f) => !form?.[f]).map((f) => validationError(f, 'required'));
}

function login(req: RecordedRequest, state: CorState): Reply {
  const missing = requireFields(req.form, ['email', 'password']);
  if (missing.length > 0) return validationFailed(missing);
  const email = (req.form?.email ?? '').trim().toLowerCase();
  const user = state.users.find((u) => u.email.toLowerCase() === email);
  if (!user || user.password === null || !sameSecret(user.password, req.form?.password ?? '')) {
    return json(401, { error: 401, message: 'Invalid credentials' });
  }
  const pair = state.tokens.issue(user.id);
  return json(
    200,
    state.loginShape === 'nested' ? nestedAuth(pair, user) : flatAuth(pair, state.tokens.lifetimeSeconds),
  );
}

function clientCredentials(req: RecordedRequest, state: CorState): Reply {
  if (req.query.grant_type !== 'client_credentials') return validationFailed([validationError('grant_type', 'in')]);
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Basic\s+(\S+)$/i.exec(header) : null;
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const key = colon < 0 ? '' : decoded.slice(0, colon);
  const secret = colon < 0 ? '' : decoded.slice(colon + 1);
  const apiKey = state.apiKeys.find((k) => k.key === key && sameSecret(k.secret, secret));
  if (!apiKey) return json(401, { error: 401, message: 'Invalid client credentials' });
  return json(200, flatAuth(state.tokens.issue(apiKey.userId), state.tokens.lifetimeSeconds));
}

function authorizationCode(req: RecordedRequest, state: CorState): Reply {
  const errors: ValidationError[] = [];
  if (req.query.grant_type !== 'authorization_code') errors.push(validationError('grant_type', 'in'));
  if (!req.query.code) errors.push(validationError('code', 'required'));
  if (errors.length > 0) return validationFailed(errors);
  const userId = state.tokens.redeemCode(req.query.code ?? '');
  if (userId === null) return json(401, { error: 401, message: 'Invalid authorization code' });
  return json(200, flatAuth(state.tokens.issue(userId), state.tokens.lifetimeSeconds));
}

function refresh(req: RecordedRequest, state: CorState): Reply {
  const missing = requireFields(req.form, ['refresh_token']);
  if (missing.length > 0) return validationFailed(missing);
  const pair = state.tokens.rotate(req.form?.refresh_token ?? '');
  if (!pair) return unauthorized('Invalid refresh token');
  return json(200, flatAuth(pair, state.tokens.lifetimeSeconds));
}

function me(req: RecordedRequest, state: CorState): Reply {
  const user = authenticate(req, state);
  return isReply(user) ? user : json(200, publicUser(user));
}

export const authRoutes: Route = (req, state) => {
  const key = `${req.method} ${req.path}`;
  switch (key) {
    case 'POST /v1/auth/login':
      return login(req, state);
    case 'POST /v1/oauth/token':
      return clientCredentials(req, state);
    case 'POST /v1/oauth2/token':
      return authorizationCode(req, state);
    case 'POST /v1/oauth/refreshtoken':
      return refresh(req, state);
    case 'GET /v1/me':
      return me(req, state);
    default:
      return undefined;
  }
};
