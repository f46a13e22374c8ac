/** The mutable world of one fake COR instance, and helpers every route shares. */
import { unauthorized } from './reply.ts';
import type { ApiKey, Client, Hour, LoginShape, Project, RecordedRequest, Reply, SeedUser, Task } from './types.ts';
import type { TokenStore } from './tokens.ts';

export interface CorState {
  users: SeedUser[];
  clients: Client[];
  projects: Project[];
  tasks: Task[];
  hours: Hour[];
  apiKeys: ApiKey[];
  companies: Record<string, number>;
  tokens: TokenStore;
  loginShape: LoginShape;
  echoState: boolean;
  nextHourId: number;
}

/** A route answers with a Reply, or undefined when the path is not its own. */
export type Route = (req: RecordedRequest, state: CorState) => Reply | undefined;

/** The user behind `Authorization: Bearer <token>`, or the 401 to answer. */
export function authenticate(req: RecordedRequest, state: CorState): SeedUser | Reply {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const token = match?.[1];
  if (!token) return unauthorized();
  const userId = state.tokens.userFor(token);
  const user = userId === null ? undefined : state.users.find((u) => u.id === userId);
  return user ?? unauthorized();
}

export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'status' in value && 'contentType' in value && 'body' in value;
}

/** Parse a JSON query parameter (filters, order, orderBy); undefined when absent, Error when malformed. */
export function jsonParam(req: RecordedRequest, name: string): Record<string, unknown> | undefined | Error {
  const raw = req.query[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return new Error(`${name} must be a JSON object`);
    return value as Record<string, unknown>;
  } catch {
    return new Error(`${name} is not valid JSON`);
  }
}

/** A filter value that may be one id or an array of ids, as strings for loose comparison. */
export function idList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => String(v));
}

export interface PageRequest {
  /** null when `page=false` (no pagination). */
  page: number | null;
  perPage: number;
}

export const DEFAULT_PER_PAGE = 20;
/** COR's developer guide says "up to 50"; larger values are clamped (assumption). */
export const MAX_PER_PAGE = 50;

export function pageRequest(req: RecordedRequest): PageRequest {
  const rawPage = req.query.page;
  const page = rawPage === 'false' ? null : Math.max(1, Math.floor(Number(rawPage ?? '1')) || 1);
  const asked = Math.floor(Number(req.query.perPage ?? DEFAULT_PER_PAGE));
  const perPage = Number.isFinite(asked) && asked >= 1 ? Math.min(asked, MAX_PER_PAGE) : DEFAULT_PER_PAGE;
  return { page, perPage };
}

export interface PageSlice<T> {
  total: number;
  perPage: number;
  page: number;
  lastPage: number;
  data: T[];
}

export function paginate<T>(items: T[], request: PageRequest): PageSlice<T> {
  if (request.page === null) {
    return { total: items.length, perPage: Math.max(1, items.length), page: 1, lastPage: 1, data: items };
  }
  const lastPage = Math.max(1, Math.ceil(items.length / request.perPage));
  const from = (request.page - 1) * request.perPage;
  return {
    total: items.length,
    perPage: request.perPage,
    page: request.page,
    lastPage,
    data: items.slice(from, from + request.perPage),
  };
}
