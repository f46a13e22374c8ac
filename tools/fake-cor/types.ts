/** Shared types of the fake COR server: wire shapes (as COR sends them) and internal records. */
import type { IncomingHttpHeaders } from 'node:http';

export type LoginShape = 'flat' | 'nested';
export type TaskStatus = 'nueva' | 'en_proceso' | 'estancada' | 'finalizada';

/** One request as it reached the server, recorded before any fault or handler runs. */
export interface RecordedRequest {
  method: string;
  /** Host header, lower-cased, without the port. */
  host: string;
  /** Path without the query string, e.g. `/v1/hours`. */
  path: string;
  query: Record<string, string>;
  /** Raw headers as node parsed them (lower-case names). Kept in memory only, never logged. */
  headers: IncomingHttpHeaders;
  /** Raw body text ('' when none). */
  body: string;
  /** Parsed body when the content type is JSON and it parses. */
  json?: unknown;
  /** Parsed body when the content type is application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /** Date.now() when the request was recorded. */
  at: number;
  /** The injected fault that this request consumed, if any. */
  fault?: Fault;
}

export type Fault =
  | { status: number; body?: unknown; retryAfter?: number }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop' }
  | { kind: 'commit-then-drop' }
  | { kind: 'malformed' }
  | { kind: 'html'; status: number };

export interface FaultMatch {
  /** Case-insensitive HTTP method. */
  method?: string;
  /** A string must equal the path exactly (no query, e.g. `/v1/hours`); a RegExp is tested against it. */
  path?: string | RegExp;
  /** Host without port, e.g. `api.projectcor.com`. */
  host?: string;
  /** Any further test of the request (its query, say); the rule applies only when it answers true. */
  where?: (request: RecordedRequest) => boolean;
}

/** What a route answers. The server writes it (or drops it, for `commit-then-drop`). */
export interface Reply {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export interface Client {
  id: number;
  name: string;
  client_status_id: number;
}

export interface Project {
  id: number;
  name: string;
  client_id: number | null;
}

/** A person as embedded in tasks (`pm`, `collaborators`). */
export interface PersonRef {
  id: number;
  first_name: string;
  last_name: string;
}

/** Task as COR sends it: spec fields plus the ones seen in real list responses. */
export interface Task {
  id: number;
  title: string;
  /** COR sometimes sends numbers as strings; a few seed tasks do that here. */
  project_id: number | string | null;
  description: string;
  /** Zone-less `YYYY-MM-DD HH:mm:ss` (as COR answers), or null. */
  deadline: string | null;
  /** Start, zone-less `YYYY-MM-DD HH:mm:ss`. */
  datetime: string | null;
  status: TaskStatus;
  priority: 0 | 1 | 2 | 3;
  archived: boolean;
  project: { id: number; name: string; client: { id: number; name: string } | null } | null;
  pm: PersonRef | null;
  collaborators: PersonRef[];
  /** Estimate in minutes. */
  estimated: number;
  /** Hours charged so far (decimal hours); grows when hours are posted. */
  hour_charged: number;
}

/** A seeded user. `password`, `company`, `hourly_cost` and `timezone` are internal (never sent by /me). */
export interface SeedUser {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  password: string | null;
  company: string;
  picture: string;
  cuil: string;
  remaining_hours: number;
  user_position_id: number;
  role_id: number;
  daily_hours: number;
  plan_id: number;
  plan_name: string;
  position_name: string | null;
  category_id: number | null;
  category_name: string | null;
  gmt: string;
  timezone: string;
  hourly_cost: number;
}

export interface HourUser {
  id: number;
  first_name: string;
  last_name: string;
  picture: string;
  remaining_hours: number;
  timezone: string;
  gmt: string;
}

export interface HourTask {
  id: number;
  title: string;
  project_id: number | null;
  task_father: number | null;
  status: string;
  father: { id: number; title: string } | null;
  project: {
    id: number;
    name: string;
    client_id: number | null;
    contract_id: number | null;
    client: Client | null;
    has_expired_contract: boolean;
  } | null;
  labels: { id: number; hex: string; names: { name: string; lang: string }[] }[];
}

/** A time entry as POST /hours answers it (ISO UTC `...Z`, seconds precision). */
export interface Hour {
  id: number;
  start: string;
  stop: string | null;
  duration: string;
  cost: number;
  user_id: number;
  task_log_id: number;
  project_id: number | null;
  client_id: number | null;
  created_at: string;
  status: 'pending' | 'approved' | 'rejected' | 'paid';
  status_changed_by: number | null;
  status_changed_at: string | null;
  type: string;
  task_log_rework_id: number | null;
  comments: string | null;
  user: HourUser;
  client: { id: number; name: string } | null;
  project: { id: number; name: string } | null;
  task: HourTask;
  userPosition: null;
  billInput: null;
}

export interface ApiKey {
  key: string;
  secret: string;
  userId: number;
}

export interface FakeCorOptions {
  /** Default 0: a random free port on 127.0.0.1. */
  port?: number;
  /** Access-token lifetime in seconds, default 3600. */
  tokenLifetimeSeconds?: number;
  /** Shape of the POST /auth/login answer, default 'flat'. */
  loginShape?: LoginShape;
  /** Extra generated tasks for size tests (default 0). */
  manyTasks?: number;
  /** GET /hours answers zone-less times in this zone; only 'utc' exists. */
  hoursZone?: 'utc';
  /** Echo `state` on the consent redirect (default false: not documented by COR). */
  echoState?: boolean;
  /** Called once per finished exchange; the CLI uses it to print one line per request. */
  onExchange?: (entry: ExchangeLog) => void;
}

export interface ExchangeLog {
  request: RecordedRequest;
  /** The status written, or null when the socket was destroyed without an answer. */
  status: number | null;
  durationMs: number;
}
