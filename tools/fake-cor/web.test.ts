import { X509Certificate } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED, startFakeCor, type FakeCor } from './server.ts';
import { corRequest } from './test-helper.ts';

let cor: FakeCor;

beforeEach(async () => {
  cor = await startFakeCor();
});

afterEach(async () => {
  await cor.close();
});

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/cb';

function consentPath(name: string, redirectUri = REDIRECT): string {
  const q = new URLSearchParams({ name, response_type: 'code', redirect_uri: redirectUri });
  return `/oauth2/authorize?${q.toString()}`;
}

/** Reads the consent form's hidden fields, as a browser would submit them. */
function formFields(page: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    const decode = (s: string): string =>
      s
        .replaceAll('&quot;', '"')
        .replaceAll('&#39;', "'")
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&amp;', '&');
    fields[decode(m[1] ?? '')] = decode(m[2] ?? '');
  }
  return fields;
}

describe('consent screen', () => {
  it('shows an escaped "Allow <name>" page with Allow and Deny buttons', async () => {
    const res = await corRequest(cor, { host: 'acme.cor.works', path: consentPath('COR Timer <b>&') });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('Allow COR Timer &lt;b&gt;&amp; to access your COR account?');
    expect(res.text).not.toContain('<b>');
    expect(res.text).toMatch(/<button[^>]*>Allow<\/button>/);
    expect(res.text).toMatch(/<button[^>]*>Deny<\/button>/);
  });

  it('Allow redirects with a single-use code that exchanges for tokens of the signed-in user', async () => {
    const page = await corRequest(cor, { host: 'acme.cor.works', path: consentPath('COR Timer') });
    const allow = await corRequest(cor, {
      method: 'POST',
      host: 'acme.cor.works',
      path: '/oauth2/authorize',
      form: { ...formFields(page.text), decision: 'allow' },
    });
    expect(allow.status).toBe(302);
    const location = new URL(String(allow.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    const code = location.searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    expect(location.searchParams.has('state')).toBe(false);

    const exchange = (): Promise<{ status: number; json: unknown }> =>
      corRequest(cor, {
        method: 'POST',
        path: `/v1/oauth2/token?grant_type=authorization_code&code=${encodeURIComponent(code)}`,
      });
    const first = await exchange();
    expect(first.status).toBe(200);
    const { access_token } = first.json as { access_token: string };
    const me = await corRequest(cor, { path: '/v1/me', token: access_token });
    expect((me.json as { id: number }).id).toBe(SEED.companies.acme);
    expect((await exchange()).status).toBe(401); // single use
  });

  it('demo company signs in its own user; unknown codes are rejected', async () => {
    const page = await corRequest(cor, { host: 'demo.cor.works', path: consentPath('COR Timer') });
    const allow = await corRequest(cor, {
      method: 'POST',
      host: 'demo.cor.works',
      path: '/oauth2/authorize',
      form: { ...formFields(page.text), decision: 'allow' },
    });
    const code = new URL(String(allow.headers.location)).searchParams.get('code') ?? '';
    const res = await corRequest(cor, {
      method: 'POST',
      path: `/v1/oauth2/token?grant_type=authorization_code&code=${code}`,
    });
    const me = await corRequest(cor, { path: '/v1/me', token: (res.json as { access_token: string }).access_token });
    expect((me.json as { id: number }).id).toBe(SEED.user2.id);
    const bogus = await corRequest(cor, {
      method: 'POST',
      path: '/v1/oauth2/token?grant_type=authorization_code&code=nope',
    });
    expect(bogus.status).toBe(401);
  });

  it('Deny redirects with error=access_denied, keeping the redirect query', async () => {
    const page = await corRequest(cor, { host: 'acme.cor.works', path: consentPath('COR Timer', `${REDIRECT}?x=1`) });
    const deny = await corRequest(cor, {
      method: 'POST',
      host: 'acme.cor.works',
      path: '/oauth2/authorize',
      form: { ...formFields(page.text), decision: 'deny' },
    });
    expect(deny.status).toBe(302);
    const location = new URL(String(deny.headers.location));
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('x')).toBe('1');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('answers 404 "Company not found" for an unknown subdomain and 400 for a bad request', async () => {
    const unknown = await corRequest(cor, { host: 'nobody.cor.works', path: consentPath('COR Timer') });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Company not found');
    const proto = await corRequest(cor, { host: 'constructor.cor.works', path: '/' });
    expect(proto.status).toBe(404);
    const bad = await corRequest(cor, {
      host: 'acme.cor.works',
      path: '/oauth2/authorize?name=x&response_type=token&redirect_uri=https://a.test/',
    });
    expect(bad.status).toBe(400);
    const noRedirect = await corRequest(cor, {
      host: 'acme.cor.works',
      path: '/oauth2/authorize?name=x&response_type=code&redirect_uri=javascript:alert(1)',
    });
    expect(noRedirect.status).toBe(400);
  });

  it('echoes state only with echoState', async () => {
    const echo = await startFakeCor({ echoState: true });
    try {
      const q = new URLSearchParams({ name: 'T', response_type: 'code', redirect_uri: REDIRECT, state: 's1' });
      const page = await corRequest(echo, { host: 'acme.cor.works', path: `/oauth2/authorize?${q.toString()}` });
      const allow = await corRequest(echo, {
        method: 'POST',
        host: 'acme.cor.works',
        path: '/oauth2/authorize',
        form: { ...formFields(page.text), decision: 'allow' },
      });
      expect(new URL(String(allow.headers.location)).searchParams.get('state')).toBe('s1');
    } finally {
      await echo.close();
    }
  });
});

describe('task pages', () => {
  it.each([`/tasks/${SEED.tasks.html}`, `/tasks/${SEED.tasks.html}/`])(
    '%s is titled with the escaped task title',
    async (path) => {
      const res = await corRequest(cor, { host: 'acme.cor.works', path });
      expect(res.status).toBe(200);
      expect(res.text).toContain('<title>&lt;img src=x onerror=alert(1)&gt;</title>');
      expect(res.text).not.toContain('<img');
    },
  );

  it('answers 404 for an unknown task', async () => {
    const res = await corRequest(cor, { host: 'acme.cor.works', path: '/tasks/999999' });
    expect(res.status).toBe(404);
  });
});

describe('certificate', () => {
  it('covers api.projectcor.com, *.cor.works, localhost and 127.0.0.1', async () => {
    const cert = new X509Certificate(cor.ca);
    expect(cert.checkHost('api.projectcor.com')).toBe('api.projectcor.com');
    expect(cert.checkHost('acme.cor.works')).toBe('*.cor.works');
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    // And a TLS connection by IP verifies too.
    expect((await corRequest(cor, { host: '127.0.0.1', path: '/v1/nope' })).status).toBe(404);
  });
});
