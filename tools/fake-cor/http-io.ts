/** Reading requests into RecordedRequest and writing Replies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedRequest, Reply } from './types.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge(`body over ${MAX_BODY_BYTES} bytes`));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Host header without port, lower-cased ("api.projectcor.com", "acme.cor.works", "127.0.0.1"). */
export function hostOf(req: IncomingMessage): string {
  const raw = (req.headers.host ?? '').trim().toLowerCase();
  if (raw.startsWith('[')) return raw.slice(0, raw.indexOf(']') + 1);
  return raw.replace(/:\d*$/, '');
}

export function toRecorded(req: IncomingMessage, body: string): RecordedRequest {
  const url = new URL(req.url ?? '/', 'https://fake-cor.invalid');
  const recorded: RecordedRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    host: hostOf(req),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    body,
    at: Date.now(),
  };
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('json') && body !== '') {
    try {
      recorded.json = JSON.parse(body) as unknown;
    } catch {
      // left undefined: handlers treat it as a missing body
    }
  } else if (type.startsWith('application/x-www-form-urlencoded')) {
    recorded.form = Object.fromEntries(new URLSearchParams(body));
  }
  return recorded;
}

/** CORS for the API host: COR's own web app calls it cross-origin, so it answers preflights. */
export function corsHeaders(req: RecordedRequest): Record<string, string> {
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return {};
  return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
}

export function preflight(req: RecordedRequest): Reply {
  const asked = req.headers['access-control-request-headers'];
  return {
    status: 204,
    contentType: 'text/plain; charset=utf-8',
    body: '',
    headers: {
      ...corsHeaders(req),
      'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
      'access-control-allow-headers': typeof asked === 'string' ? asked : 'authorization, content-type',
      'access-control-max-age': '600',
      ...(req.headers['access-control-request-private-network'] === 'true'
        ? { 'access-control-allow-private-network': 'true' }
        : {}),
    },
  };
}

/** Write the reply unless the socket is already gone. */
export function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.writableEnded) return;
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, {
    'content-type': reply.contentType,
    'content-length': String(body.length),
    'cache-control': 'no-store',
    ...reply.headers,
  });
  res.end(reply.status === 204 ? undefined : body);
}
