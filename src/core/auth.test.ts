import { describe, expect, it } from 'vitest';
import {
  authorizationCodeRequest,
  clientCredentialsRequest,
  consentUrl,
  loginRequest,
  needsRefresh,
  parseCompany,
  readConsentRedirect,
  readTokens,
  refreshRequest,
} from './auth';

const NOW = Date.UTC(2026, 10, 28, 10);

describe('reading COR token answers in every documented shape', () => {
  it.each<[string, unknown, unknown]>([
    [
      'flat AuthResponse (OpenAPI)',
      { access_token: 'access-1', token_type: 'Bearer', expires_in: 3600, refresh_token: 'refresh-1' },
      { accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: NOW + 3_600_000 },
    ],
    [
      'nested token with camelCase refreshToken and epoch-ms expirationTime (string)',
      {
        token: { access_token: 'access-2', refreshToken: 'refresh-2', expirationTime: String(NOW + 60_000) },
        user: { id: 1 },
      },
      { accessToken: 'access-2', refreshToken: 'refresh-2', expiresAt: NOW + 60_000 },
    ],
    [
      'wrapped in data',
      { data: { token: { access_token: 'access-3', refreshToken: 'refresh-3', expirationTime: NOW + 1 } } },
      { accessToken: 'access-3', refreshToken: 'refresh-3', expiresAt: NOW + 1 },
    ],
    [
      'expirationTime in seconds',
      { token: { access_token: 'access-4', expirationTime: Math.floor(NOW / 1000) + 10 } },
      { accessToken: 'access-4', refreshToken: null, expiresAt: NOW + 10_000 },
    ],
    ['no expiry given', { access_token: 'access-5' }, { accessToken: 'access-5', refreshToken: null, expiresAt: null }],
    [
      'expires_in as a string',
      { access_token: 'access-6', expires_in: '60' },
      { accessToken: 'access-6', refreshToken: null, expiresAt: NOW + 60_000 },
    ],
    ['no access token', { refresh_token: 'refresh-0' }, null],
    ['empty access token', { access_token: '  ' }, null],
    ['not an object', '<html>', null],
    ['an array', [{ access_token: 'access-0' }], null],
    // The same rule as a pasted token: what the browser could not send as a header is no token.
    ['an access token with a line break', { access_token: 'abc\r\nX-Evil: 1' }, null],
    ['an access token with a space', { access_token: 'abcd efgh' }, null],
    ['an access token with non-ASCII', { access_token: 'tökentöken' }, null],
    ['an access token of 9,000 characters', { access_token: 'x'.repeat(9000) }, null],
    ['an access token that is a number', { access_token: 12345678 }, null],
    [
      'a refresh token of the wrong shape is dropped, the access token kept',
      { access_token: 'access-7', refresh_token: 'has a space' },
      { accessToken: 'access-7', refreshToken: null, expiresAt: null },
    ],
  ])('%s', (_name, json, expected) => expect(readTokens(json, NOW)).toEqual(expected));
});

describe('token lifetime', () => {
  it('refreshes a minute before expiry, never when the expiry is unknown', () => {
    expect(needsRefresh({ expiresAt: NOW + 61_000 }, NOW)).toBe(false);
    expect(needsRefresh({ expiresAt: NOW + 60_000 }, NOW)).toBe(true);
    expect(needsRefresh({ expiresAt: NOW - 1 }, NOW)).toBe(true);
    expect(needsRefresh({ expiresAt: null }, NOW)).toBe(false);
  });
});

describe('sign-in requests, as the OpenAPI describes them', () => {
  it('login is form-encoded email and password', () => {
    expect(loginRequest('ana@acme.test', 'p&ss word')).toEqual({
      method: 'POST',
      url: 'https://api.projectcor.com/v1/auth/login',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: 'email=ana%40acme.test&password=p%26ss+word',
    });
  });

  it('refresh is form-encoded refresh_token', () => {
    expect(refreshRequest('r/1+')).toMatchObject({
      url: 'https://api.projectcor.com/v1/oauth/refreshtoken',
      body: 'refresh_token=r%2F1%2B',
    });
  });

  it('client credentials use Basic auth and the grant in the query', () => {
    expect(clientCredentialsRequest('key', 'sécret')).toEqual({
      method: 'POST',
      url: 'https://api.projectcor.com/v1/oauth/token?grant_type=client_credentials',
      headers: { Accept: 'application/json', Authorization: `Basic ${Buffer.from('key:sécret').toString('base64')}` },
    });
  });

  it('the authorization code goes in the query of /oauth2/token', () => {
    expect(authorizationCodeRequest('c o/d')).toMatchObject({
      method: 'POST',
      url: 'https://api.projectcor.com/v1/oauth2/token?grant_type=authorization_code&code=c+o%2Fd',
    });
  });
});

describe('company address', () => {
  it.each([
    ['acme', 'acme'],
    ['  ACME.cor.works ', 'acme'],
    ['https://acme.cor.works/tasks/1', 'acme'],
    ['acme-2.cor.works/', 'acme-2'],
    ['evil.com', null],
    ['acme.cor.works.evil.com', null],
    ['https://evil.com/?acme.cor.works', null],
    ['acme.evil.com#.cor.works', null],
    ['a b', null],
    ['-acme', null],
    ['acme/../evil', 'acme'],
    ['', null],
    ['x'.repeat(64), null],
  ])('%j → %s', (input, company) => expect(parseCompany(input)).toBe(company));

  it('builds the documented consent URL with our redirect', () => {
    expect(consentUrl('acme', 'https://abc.chromiumapp.org/')).toBe(
      'https://acme.cor.works/oauth2/authorize?name=COR%20Timer&response_type=code&redirect_uri=https%3A%2F%2Fabc.chromiumapp.org%2F',
    );
  });

  it.each([
    ['https://abc.chromiumapp.org/?code=xyz', { kind: 'code', code: 'xyz' }],
    ['https://abc.chromiumapp.org/?error=access_denied', { kind: 'denied' }],
    ['https://abc.chromiumapp.org/', { kind: 'invalid' }],
    ['https://evil.com/?code=xyz', { kind: 'invalid' }],
    ['https://abc.chromiumapp.org.evil.com/?code=xyz', { kind: 'invalid' }],
    ['nonsense', { kind: 'invalid' }],
  ])('reads the redirect %s', (url, outcome) => {
    expect(readConsentRedirect(url, 'https://abc.chromiumapp.org/')).toEqual(outcome);
  });
});
