import { describe, expect, it } from 'vitest';
import { parseCliArgs, runFakeCorCli } from './cli.ts';
import { SEED } from './server.ts';
import { corLogin, corRequest } from './test-helper.ts';

describe('parseCliArgs', () => {
  it('has defaults and accepts both flag forms', () => {
    expect(parseCliArgs([])).toEqual({ port: 8443, tokenLifetimeSeconds: 3600, loginShape: 'flat', manyTasks: 0 });
    expect(parseCliArgs(['--port', '0', '--token-lifetime=60', '--login-shape', 'nested', '--many-tasks=5'])).toEqual({
      port: 0,
      tokenLifetimeSeconds: 60,
      loginShape: 'nested',
      manyTasks: 5,
    });
  });

  it.each([['--bogus'], ['--port', 'x'], ['--login-shape', 'round'], ['--many-tasks', '-1'], ['--port', '70000']])(
    'rejects %j',
    (...argv) => {
      expect(() => parseCliArgs(argv)).toThrow(/Usage/);
    },
  );
});

describe('runFakeCorCli', () => {
  it('prints port, token, credentials and Chromium flags, then one line per request without secrets', async () => {
    const lines: string[] = [];
    const { cor, stop } = await runFakeCorCli(['--port', '0'], (line) => lines.push(line));
    try {
      const banner = lines.join('\n');
      expect(banner).toContain(`port ${cor.port}`);
      expect(banner).toContain(
        `MAP api.projectcor.com:443 127.0.0.1:${cor.port}, MAP *.cor.works:443 127.0.0.1:${cor.port}`,
      );
      expect(banner).toContain('--ignore-certificate-errors');
      expect(banner).toContain(SEED.user.email);
      const pasted = /^ {2}(eyJ\S+)$/m.exec(banner)?.[1] ?? '';
      expect((await corRequest(cor, { path: '/v1/me', token: pasted })).status).toBe(200);

      lines.length = 0;
      await corLogin(cor, SEED.user.email, SEED.password);
      await corRequest(cor, {
        method: 'POST',
        path: '/v1/oauth2/token?grant_type=authorization_code&code=topsecretcode',
      });
      const log = lines.join('\n');
      expect(lines).toHaveLength(2);
      expect(log).toContain('POST api.projectcor.com/v1/auth/login -> 200');
      expect(log).toContain('code=***');
      for (const secret of [SEED.password, 'topsecretcode', pasted]) expect(log).not.toContain(secret);
    } finally {
      await stop();
    }
  });
});
