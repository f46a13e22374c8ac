/** Building answers: JSON, HTML, redirects, and COR's error bodies. */
import { STATUS_CODES } from 'node:http';
import type { Reply } from './types.ts';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const HTML_TYPE = 'text/html; charset=utf-8';

export function json(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(value), ...(headers ? { headers } : {}) };
}

export function html(status: number, page: string): Reply {
  return { status, contentType: HTML_TYPE, body: page };
}

export function redirect(location: string): Reply {
  return {
    status: 302,
    contentType: 'text/plain; charset=utf-8',
    body: `Found. Redirecting to ${location}`,
    headers: { location },
  };
}

/** `{"error": 401, "message": "Unauthorized"}` and friends (COR's `Error` schema). */
export function errorBody(status: number, message?: string): { error: number; message: string } {
  return { error: status, message: message ?? STATUS_CODES[status] ?? 'Error' };
}

export function unauthorized(message = 'Unauthorized'): Reply {
  return json(401, errorBody(401, message));
}

export function notFound(message = 'Not Found'): Reply {
  return json(404, errorBody(404, message));
}

/** COR's `CORCustomError` (400 / 417 with a code). */
export function corCustomError(status: number, code: string, message: string): Reply {
  return json(status, { status, name: 'CORCustomError', code, message });
}

export interface ValidationError {
  field: string;
  validation: string;
  message: string;
}

export function validationError(field: string, validation: string): ValidationError {
  return { field, validation, message: `${validation} validation failed on ${field}` };
}

/** HTTP 417 with a `ValidationErrorArray`. */
export function validationFailed(errors: ValidationError[]): Reply {
  return json(417, errors);
}

/** The body a status-only fault answers with when the test gives none. */
export function defaultFaultBody(status: number): unknown {
  if (status === 400) return { status: 400, name: 'CORCustomError', code: 'F010', message: 'Validation error message' };
  if (status === 417) return [validationError('task_log_id', 'required')];
  if (status >= 500) return { status: 'ERROR', code: 'FS003', message: 'Internal error' };
  return errorBody(status);
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A minimal page; `title` and `bodyHtml` must already be escaped where needed. */
export function page(title: string, bodyHtml: string): string {
  return [
    '<!doctype html>',
    '<html lang="es"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '</head><body>',
    bodyHtml,
    '</body></html>',
  ].join('\n');
}

/** What a proxy or load balancer in front of COR might answer. */
export function htmlErrorPage(status: number): Reply {
  const text = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return html(status, page(text, `<center><h1>${escapeHtml(text)}</h1></center>\n<hr><center>nginx</center>`));
}
