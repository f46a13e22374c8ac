/** A tiny HTTPS client that trusts the fake server's certificate. Shared with e2e tests. */
import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

export interface CorRequestOptions {
  method?: string;
  /** Path with query, e.g. `/v1/hours?page=2`. */
  path: string;
  /** Host header and TLS server name; default `api.projectcor.com`. */
  host?: string;
  headers?: Record<string, string>;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /** Raw body (with your own content-type header). */
  body?: string;
  timeoutMs?: number;
}

export interface CorResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Parsed body when the content type is JSON and it parses; otherwise undefined. */
  json: unknown;
}

/** Where to connect: what startFakeCor returns is enough. */
export interface CorTarget {
  port: number;
  ca: string;
}

function encodeBody(options: CorRequestOptions): { body?: string; type?: string } {
  if (options.json !== undefined) return { body: JSON.stringify(options.json), type: 'application/json' };
  if (options.form !== undefined)
    return { body: new URLSearchParams(options.form).toString(), type: 'application/x-www-form-urlencoded' };
  return options.body === undefined ? {} : { body: options.body };
}

/** One request over real TLS (certificate verified against `target.ca`), no connection reuse. */
export function corRequest(target: CorTarget, options: CorRequestOptions): Promise<CorResponse> {
  const host = options.host ?? 'api.projectcor.com';
  const { body, type } = encodeBody(options);
  const headers: Record<string, string> = { host, ...(type ? { 'content-type': type } : {}), ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        path: options.path,
        headers,
        ca: target.ca,
        agent: false,
        ...(isIP(host) ? {} : { servername: host }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          if (String(res.headers['content-type'] ?? '').includes('json')) {
            try {
              parsed = JSON.parse(text) as unknown;
            } catch {
              parsed = undefined;
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parsed });
        });
      },
    );
    req.setTimeout(options.timeoutMs ?? 10_000, () =>
      req.destroy(new Error(`fake-cor request timed out: ${options.path}`)),
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** POST /v1/auth/login with the given credentials; returns the response. */
export function corLogin(target: CorTarget, email: string, password: string): Promise<CorResponse> {
  return corRequest(target, { method: 'POST', path: '/v1/auth/login', form: { email, password } });
}
