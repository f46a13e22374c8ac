/** startFakeCor: a local COR API + tenant web app over real HTTPS, with fault injection. */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { generateCert } from './cert.ts';
import { FaultQueue, faultReply } from './faults.ts';
import { BodyTooLarge, corsHeaders, preflight, readBody, send, toRecorded } from './http-io.ts';
import { RequestLog, type RequestPredicate } from './recorder.ts';
import { json, notFound } from './reply.ts';
import { authRoutes } from './routes-auth.ts';
import { createHour, hourRoutes } from './routes-hours.ts';
import { taskRoutes } from './routes-tasks.ts';
import { isWebHost, webRoutes } from './routes-web.ts';
import { SEED, createSeed } from './seed.ts';
import type { CorState } from './state.ts';
import { parseDateTime } from './time.ts';
import { TokenStore } from './tokens.ts';
import type {
  Fault,
  FaultMatch,
  FakeCorOptions,
  Hour,
  LoginShape,
  RecordedRequest,
  Reply,
  SeedUser,
  Task,
} from './types.ts';

export type { Fault, FaultMatch, FakeCorOptions, Hour, LoginShape, RecordedRequest, SeedUser, Task } from './types.ts';
export { SEED } from './seed.ts';
export type { RequestPredicate } from './recorder.ts';

export interface FakeCor {
  readonly port: number;
  /** `https://127.0.0.1:<port>` */
  readonly origin: string;
  /** PEM certificate to trust (`ca` option of node:https / undici). */
  readonly ca: string;
  /** base64 SHA-256 SPKI hash, for Chromium's --ignore-certificate-errors-spki-list. */
  readonly spkiHash: string;
  readonly requests: RecordedRequest[];
  readonly hours: Hour[];
  readonly users: SeedUser[];
  readonly tasks: Task[];
  issueToken: (userId?: number) => { access_token: string; refresh_token: string };
  revokeRefreshTokens: () => void;
  expireAccessTokens: () => void;
  setLoginShape: (shape: LoginShape) => void;
  failNext: (n: number, fault: Fault, match?: FaultMatch) => void;
  clearFaults: () => void;
  /** Stop listening and cut every open connection (pending `delay` faults are abandoned). */
  down: () => Promise<void>;
  /** Listen again on the same port. */
  up: () => Promise<void>;
  waitFor: (predicate: RequestPredicate, timeoutMs?: number) => Promise<RecordedRequest>;
  /** Store an hour directly (no HTTP, not recorded), e.g. history for GET /hours; throws on bad input. */
  addHour: (input: { task_log_id: number; start: string; stop?: string | null }, userId?: number) => Hour;
  close: () => Promise<void>;
}

function route(req: RecordedRequest, state: CorState): Reply {
  if (isWebHost(req.host)) return webRoutes(req, state);
  if (req.method === 'OPTIONS') return preflight(req);
  const reply = authRoutes(req, state) ?? hourRoutes(req, state) ?? taskRoutes(req, state) ?? notFound();
  return { ...reply, headers: { ...corsHeaders(req), ...reply.headers } };
}

function safeRoute(req: RecordedRequest, state: CorState): Reply {
  try {
    return route(req, state);
  } catch (error) {
    console.error('fake-cor: handler crashed', error);
    return json(500, { status: 'ERROR', code: 'FS003', message: 'Internal error' });
  }
}

export async function startFakeCor(options: FakeCorOptions = {}): Promise<FakeCor> {
  const tls = await generateCert();
  const seed = createSeed(options.manyTasks ?? 0);
  const state: CorState = {
    ...seed,
    hours: [],
    tokens: new TokenStore(options.tokenLifetimeSeconds ?? 3600),
    loginShape: options.loginShape ?? 'flat',
    echoState: options.echoState ?? false,
    nextHourId: 39517592,
  };
  const log = new RequestLog();
  const faults = new FaultQueue();
  const sleeps = new Set<() => void>();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = options.port ?? 0;

  /** Resolves true after ms, or false if the server went down first. */
  function sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const cancel = (): void => {
        clearTimeout(timer);
        sleeps.delete(cancel);
        resolve(false);
      };
      const timer = setTimeout(() => {
        sleeps.delete(cancel);
        resolve(true);
      }, ms);
      sleeps.add(cancel);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    let body: string;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) send(res, json(413, { error: 413, message: 'Payload Too Large' }));
      else req.socket.destroy();
      return;
    }
    const recorded = toRecorded(req, body);
    const fault = faults.take(recorded);
    if (fault) recorded.fault = fault;
    log.record(recorded);
    const finish = (status: number | null): void =>
      options.onExchange?.({ request: recorded, status, durationMs: Date.now() - started });
    const drop = (): void => {
      req.socket.destroy();
      finish(null);
    };

    if (fault && 'kind' in fault && fault.kind === 'drop') return drop();
    const canned = fault ? faultReply(fault) : undefined;
    if (canned) {
      send(res, canned);
      return finish(canned.status);
    }
    if (fault && 'kind' in fault && fault.kind === 'delay' && !(await sleep(fault.ms))) return finish(null);
    const reply = safeRoute(recorded, state);
    if (fault && 'kind' in fault && fault.kind === 'commit-then-drop') return drop();
    send(res, reply);
    finish(reply.status);
  }

  async function listen(): Promise<void> {
    const next = createServer({ key: tls.key, cert: tls.cert }, (req, res) => void handle(req, res));
    next.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        next.off('error', reject);
        resolve();
      });
    });
    const address = next.address();
    if (address && typeof address === 'object') port = address.port;
    server = next;
  }

  async function stop(): Promise<void> {
    for (const cancel of [...sleeps]) cancel();
    const current = server;
    server = undefined;
    if (!current) return;
    const closed = new Promise<void>((resolve) => current.close(() => resolve()));
    current.closeAllConnections();
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await closed;
  }

  await listen();

  return {
    get port() {
      return port;
    },
    get origin() {
      return `https://127.0.0.1:${port}`;
    },
    ca: tls.cert,
    spkiHash: tls.spkiHash,
    requests: log.requests,
    hours: state.hours,
    users: state.users,
    tasks: state.tasks,
    issueToken: (userId = SEED.user.id) => {
      if (!state.users.some((u) => u.id === userId)) throw new Error(`fake-cor: unknown user ${userId}`);
      const { access_token, refresh_token } = state.tokens.issue(userId);
      return { access_token, refresh_token };
    },
    revokeRefreshTokens: () => state.tokens.revokeRefreshTokens(),
    expireAccessTokens: () => state.tokens.expireAccessTokens(),
    setLoginShape: (shape) => {
      state.loginShape = shape;
    },
    failNext: (n, fault, match) => faults.add(n, fault, match),
    clearFaults: () => faults.clear(),
    down: stop,
    up: async () => {
      if (!server) await listen();
    },
    waitFor: (predicate, timeoutMs) => log.waitFor(predicate, timeoutMs),
    addHour: (input, userId = SEED.user.id) => {
      const user = state.users.find((u) => u.id === userId);
      const task = state.tasks.find((t) => t.id === input.task_log_id);
      const start = parseDateTime(input.start);
      const stopAt = input.stop == null ? null : parseDateTime(input.stop);
      if (!user || !task || start === null || (input.stop != null && stopAt === null)) {
        throw new Error('fake-cor: addHour needs a known user and task and ISO date-times');
      }
      return createHour(state, user, task, { task_log_id: task.id, start, stop: stopAt });
    },
    close: async () => {
      faults.clear();
      log.cancelWaiters('server closed');
      await stop();
    },
  };
}
