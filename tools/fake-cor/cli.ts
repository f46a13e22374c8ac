/**
 * npx tsx tools/fake-cor/cli.ts [--port 8443] [--token-lifetime 3600] [--login-shape flat|nested] [--many-tasks N]
 *
 * Starts the fake COR server, prints what a human needs to point Chromium at it, and logs one line per
 * request (never headers, bodies or secret query values). Stops on SIGINT / SIGTERM.
 */
import { pathToFileURL } from 'node:url';
import { SEED, startFakeCor, type FakeCor } from './server.ts';
import { describeFault } from './faults.ts';
import type { ExchangeLog, LoginShape } from './types.ts';

export interface CliOptions {
  port: number;
  tokenLifetimeSeconds: number;
  loginShape: LoginShape;
  manyTasks: number;
}

export const DEFAULT_CLI_PORT = 8443;

export const USAGE =
  'Usage: npx tsx tools/fake-cor/cli.ts [--port 8443] [--token-lifetime 3600] [--login-shape flat|nested] [--many-tasks N]';

function nonNegativeInt(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isInteger(n) || n < 0)
    throw new Error(`${flag} needs a non-negative integer\n${USAGE}`);
  return n;
}

/** Parse CLI flags (`--flag value` or `--flag=value`); throws with the usage text on anything unknown. */
export function parseCliArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: DEFAULT_CLI_PORT, tokenLifetimeSeconds: 3600, loginShape: 'flat', manyTasks: 0 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    const take = (): string | undefined => (eq < 0 ? argv[++i] : arg.slice(eq + 1));
    switch (flag) {
      case '--port': {
        options.port = nonNegativeInt(flag, take());
        if (options.port > 65535) throw new Error(`--port must be at most 65535\n${USAGE}`);
        break;
      }
      case '--token-lifetime': {
        options.tokenLifetimeSeconds = nonNegativeInt(flag, take());
        break;
      }
      case '--login-shape': {
        const shape = take();
        if (shape !== 'flat' && shape !== 'nested') throw new Error(`--login-shape must be flat or nested\n${USAGE}`);
        options.loginShape = shape;
        break;
      }
      case '--many-tasks': {
        options.manyTasks = nonNegativeInt(flag, take());
        break;
      }
      default:
        throw new Error(`Unknown argument: ${arg}\n${USAGE}`);
    }
  }
  return options;
}

const SECRET_QUERY_KEY = /code|token|secret|password|key|state/i;

/** One log line: time, method, host, path, query with secret values masked, status, fault, duration. */
export function formatLogLine(entry: ExchangeLog): string {
  const { request } = entry;
  const query = Object.entries(request.query)
    .map(([k, v]) => `${k}=${SECRET_QUERY_KEY.test(k) ? '***' : v}`)
    .join('&');
  const status = entry.status === null ? 'no answer (socket destroyed)' : String(entry.status);
  const fault = request.fault ? ` [fault: ${describeFault(request.fault)}]` : '';
  const time = new Date(request.at).toISOString().slice(11, 23);
  return `${time} ${request.method} ${request.host}${request.path}${query ? `?${query}` : ''} -> ${status}${fault} (${entry.durationMs} ms)`;
}

export function chromiumFlags(port: number): string[] {
  return [
    `--host-resolver-rules=MAP api.projectcor.com:443 127.0.0.1:${port}, MAP *.cor.works:443 127.0.0.1:${port}`,
    '--ignore-certificate-errors',
  ];
}

export function banner(cor: FakeCor, options: CliOptions, pastedToken: string): string {
  const u = SEED.user;
  return [
    `fake COR listening on ${cor.origin} (port ${cor.port})`,
    '',
    `Pasted access token for user ${u.id} (${u.first_name} ${u.last_name}), valid ${options.tokenLifetimeSeconds} s:`,
    `  ${pastedToken}`,
    '',
    `Seed login (POST /v1/auth/login, ${options.loginShape} answer): ${u.email} / ${SEED.password}`,
    `Second user: ${SEED.user2.email} / ${SEED.user2.password}`,
    `Client credentials: ${SEED.apiKey.key} / ${SEED.apiKey.secret}`,
    `Consent screen: https://acme.cor.works/oauth2/authorize?name=COR%20Timer&response_type=code&redirect_uri=<callback>`,
    `Tasks: design ${SEED.tasks.design}, closed ${SEED.tasks.closed}, html title ${SEED.tasks.html}, long title ${SEED.tasks.long}` +
      (options.manyTasks > 0 ? `, plus ${options.manyTasks} generated from ${SEED.generatedTaskIdBase}` : ''),
    '',
    'Chromium flags:',
    ...chromiumFlags(cor.port).map((f) => `  "${f}"`),
    `  (narrower than --ignore-certificate-errors: --ignore-certificate-errors-spki-list=${cor.spkiHash})`,
    '',
    'Ctrl+C to stop. Requests:',
  ].join('\n');
}

export interface RunningCli {
  cor: FakeCor;
  stop: () => Promise<void>;
}

/** Start the server the way the CLI does: parse argv, print the banner, log each request through `out`. */
export async function runFakeCorCli(
  argv: string[],
  out: (line: string) => void = (line) => console.log(line),
): Promise<RunningCli> {
  const options = parseCliArgs(argv);
  const cor = await startFakeCor({
    port: options.port,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds,
    loginShape: options.loginShape,
    manyTasks: options.manyTasks,
    onExchange: (entry) => out(formatLogLine(entry)),
  });
  out(banner(cor, options, cor.issueToken().access_token));
  return { cor, stop: () => cor.close() };
}

async function main(): Promise<void> {
  let running: RunningCli;
  try {
    running = await runFakeCorCli(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
    return;
  }
  const shutdown = (signal: string): void => {
    console.log(`\n${signal}: stopping fake COR`);
    void running.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
