/** The tenant web app, `<company>.cor.works`: OAuth consent screen and task pages. */
import { escapeHtml, html, page, redirect } from './reply.ts';
import type { CorState } from './state.ts';
import type { RecordedRequest, Reply } from './types.ts';

export const WEB_SUFFIX = '.cor.works';

export function isWebHost(host: string): boolean {
  return host === 'cor.works' || host.endsWith(WEB_SUFFIX);
}

function companyOf(host: string): string {
  return host.endsWith(WEB_SUFFIX) ? host.slice(0, -WEB_SUFFIX.length) : '';
}

/** The user signed in to that company's web app (own keys only: no prototype lookups). */
function companyUser(state: CorState, company: string): number | undefined {
  return Object.hasOwn(state.companies, company) ? state.companies[company] : undefined;
}

function notFoundPage(message: string): Reply {
  return html(404, page(message, `<h1>${escapeHtml(message)}</h1>`));
}

function badRequestPage(message: string): Reply {
  return html(400, page('Invalid request', `<h1>Invalid request</h1>\n<p>${escapeHtml(message)}</p>`));
}

function validRedirect(uri: string | undefined): URL | null {
  if (!uri) return null;
  try {
    const url = new URL(uri);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

function consentPage(req: RecordedRequest, company: string): Reply {
  const { name, response_type: responseType, redirect_uri: redirectUri, state } = req.query;
  if (!name) return badRequestPage('Missing parameter: name');
  if (responseType !== 'code') return badRequestPage('response_type must be "code"');
  if (!validRedirect(redirectUri)) return badRequestPage('redirect_uri must be an absolute http(s) URL');
  const fields = [
    hidden('name', name),
    hidden('redirect_uri', redirectUri ?? ''),
    ...(state === undefined ? [] : [hidden('state', state)]),
  ];
  const body = [
    '<main>',
    `<p>${escapeHtml(company)}.cor.works</p>`,
    `<h1>Allow ${escapeHtml(name)} to access your COR account?</h1>`,
    '<form method="post" action="/oauth2/authorize">',
    ...fields,
    '<button type="submit" name="decision" value="allow">Allow</button>',
    '<button type="submit" name="decision" value="deny">Deny</button>',
    '</form>',
    '</main>',
  ].join('\n');
  return html(200, page(`Allow ${name}?`, body));
}

function decide(req: RecordedRequest, state: CorState, company: string): Reply {
  const form = req.form ?? {};
  const target = validRedirect(form.redirect_uri);
  if (!target) return badRequestPage('redirect_uri must be an absolute http(s) URL');
  if (form.decision === 'allow') {
    const userId = companyUser(state, company);
    if (userId === undefined) return notFoundPage('Company not found');
    target.searchParams.set('code', state.tokens.issueCode(userId));
  } else {
    target.searchParams.set('error', 'access_denied');
  }
  if (state.echoState && form.state !== undefined) target.searchParams.set('state', form.state);
  return redirect(target.toString());
}

function taskPage(id: number, state: CorState): Reply {
  const task = state.tasks.find((t) => t.id === id);
  if (!task) return notFoundPage('Task not found');
  const body = [
    `<h1 id="task-title">${escapeHtml(task.title)}</h1>`,
    `<p>Proyecto: ${escapeHtml(task.project?.name ?? '—')} · Estado: ${escapeHtml(task.status)}</p>`,
    '<p><a href="/tasks">Todas las tareas</a></p>',
  ].join('\n');
  return html(200, page(task.title, body));
}

function taskListPage(state: CorState): Reply {
  const items = state.tasks
    .slice(0, 100)
    .map((t) => `<li><a href="/tasks/${t.id}">${escapeHtml(t.title)}</a></li>`)
    .join('\n');
  return html(200, page('Tareas', `<h1>Tareas</h1>\n<ul>\n${items}\n</ul>`));
}

export function webRoutes(req: RecordedRequest, state: CorState): Reply {
  const company = companyOf(req.host);
  if (companyUser(state, company) === undefined) return notFoundPage('Company not found');
  if (req.path === '/oauth2/authorize' && req.method === 'GET') return consentPage(req, company);
  if (req.path === '/oauth2/authorize' && req.method === 'POST') return decide(req, state, company);
  if (req.method !== 'GET') return notFoundPage('Page not found');
  if (req.path === '/' || req.path === '/tasks' || req.path === '/tasks/') return taskListPage(state);
  const task = /^\/tasks\/(\d+)\/?$/.exec(req.path);
  if (task?.[1]) return taskPage(Number(task[1]), state);
  return notFoundPage('Page not found');
}
