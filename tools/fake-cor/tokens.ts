/**
 * Access tokens (JWT-looking, expiry tracked here), rotating refresh tokens, single-use auth codes.
 * Nothing here is ever logged.
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  /** Epoch ms when the access token stops working. */
  expiresAt: number;
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

export class TokenStore {
  private readonly secret = randomBytes(32);
  private readonly access = new Map<string, { userId: number; expiresAt: number }>();
  private readonly refresh = new Map<string, number>();
  private readonly codes = new Map<string, number>();

  constructor(public lifetimeSeconds: number) {}

  /** A fresh access + refresh pair for `userId`, valid from now. */
  issue(userId: number): TokenPair {
    const now = Date.now();
    const expiresAt = now + this.lifetimeSeconds * 1000;
    const access_token = this.jwt(userId, now, expiresAt);
    const refresh_token = randomBytes(24).toString('base64url');
    this.access.set(access_token, { userId, expiresAt });
    this.refresh.set(refresh_token, userId);
    return { access_token, refresh_token, expiresAt };
  }

  /** The user of a live access token, or null (unknown or expired). */
  userFor(accessToken: string): number | null {
    const entry = this.access.get(accessToken);
    if (!entry || entry.expiresAt <= Date.now()) return null;
    return entry.userId;
  }

  /** Rotate: the refresh token is consumed (rejected from now on) and a new pair is issued. */
  rotate(refreshToken: string): TokenPair | null {
    const userId = this.refresh.get(refreshToken);
    if (userId === undefined) return null;
    this.refresh.delete(refreshToken);
    return this.issue(userId);
  }

  revokeRefreshTokens(): void {
    this.refresh.clear();
  }

  expireAccessTokens(): void {
    const now = Date.now();
    for (const entry of this.access.values()) entry.expiresAt = Math.min(entry.expiresAt, now);
  }

  /** A single-use authorization code for `userId`. */
  issueCode(userId: number): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, userId);
    return code;
  }

  /** The user of a code, consuming it; null if unknown or already used. */
  redeemCode(code: string): number | null {
    const userId = this.codes.get(code);
    if (userId === undefined) return null;
    this.codes.delete(code);
    return userId;
  }

  private jwt(userId: number, issuedAt: number, expiresAt: number): string {
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(
      JSON.stringify({
        uid: userId,
        iat: Math.floor(issuedAt / 1000),
        exp: Math.floor(expiresAt / 1000),
        jti: randomBytes(8).toString('hex'),
      }),
    );
    const signature = createHmac('sha256', this.secret).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${signature}`;
  }
}
