import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED, startFakeCor, type FakeCor, type Task } from './server.ts';
import { corRequest } from './test-helper.ts';

let cor: FakeCor;
let token: string;

beforeAll(async () => {
  cor = await startFakeCor();
  token = cor.issueToken().access_token;
});

afterAll(async () => {
  await cor.close();
});

interface TaskPage {
  total: string;
  perPage: number;
  page: number;
  lastPage: number;
  data: Task[];
}

async function listTasks(query: Record<string, unknown>): Promise<TaskPage> {
  const qs = Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&');
  const res = await corRequest(cor, { path: `/v1/tasks${qs ? `?${qs}` : ''}`, token });
  expect(res.status).toBe(200);
  return res.json as TaskPage;
}

describe('seed', () => {
  it('has the documented tasks', () => {
    const byId = (id: number): Task | undefined => cor.tasks.find((t) => t.id === id);
    expect(cor.tasks).toHaveLength(SEED.taskCount);
    expect(byId(SEED.tasks.closed)?.status).toBe('finalizada');
    expect(byId(SEED.tasks.html)?.title).toBe('<img src=x onerror=alert(1)>');
    expect(byId(SEED.tasks.long)?.title).toHaveLength(300);
    expect(typeof byId(SEED.tasks.stringProjectId)?.project_id).toBe('string');
    expect(new Set(cor.tasks.map((t) => t.status))).toEqual(
      new Set(['nueva', 'en_proceso', 'estancada', 'finalizada']),
    );
  });

  it('manyTasks adds deterministic generated tasks', async () => {
    const a = await startFakeCor({ manyTasks: 120 });
    const b = await startFakeCor({ manyTasks: 120 });
    try {
      expect(a.tasks).toHaveLength(SEED.taskCount + 120);
      expect(a.tasks).toEqual(b.tasks);
      expect(a.tasks.at(-1)?.id).toBe(SEED.generatedTaskIdBase + 119);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('GET /v1/tasks', () => {
  it('pages with total as a string', async () => {
    const first = await listTasks({});
    expect(first).toMatchObject({ total: String(SEED.taskCount), perPage: 20, page: 1, lastPage: 2 });
    expect(first.data).toHaveLength(20);
    const second = await listTasks({ page: '2' });
    expect(second.data).toHaveLength(SEED.taskCount - 20);
    const all = await listTasks({ page: 'false' });
    expect(all.data).toHaveLength(SEED.taskCount);
  });

  it('carries spec fields and the fields seen in real responses', async () => {
    const res = await corRequest(cor, { path: `/v1/tasks/${SEED.tasks.design}`, token });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: 1001,
      title: 'Diseño de campaña — Día del Niño 🎈',
      project_id: SEED.projects.nino,
      description: expect.any(String) as unknown,
      deadline: '2026-03-02 18:00:00',
      status: 'en_proceso',
      priority: 2,
      archived: false,
      project: {
        id: SEED.projects.nino,
        name: 'Campaña Día del Niño',
        client: { id: SEED.clients.cafe, name: 'Café Niño' },
      },
      collaborators: expect.arrayContaining([{ id: 8546, first_name: 'Ana', last_name: 'García' }]) as unknown,
      pm: { id: 8550, first_name: 'Lucía', last_name: 'Pérez' },
      estimated: expect.any(Number) as unknown,
      hour_charged: expect.any(Number) as unknown,
    });
  });

  it('filters by collaborator (id or array) and status, ordered by deadline', async () => {
    const open = ['nueva', 'en_proceso', 'estancada'];
    const single = await listTasks({
      filters: { collaborator: 8546, status: open },
      order: { deadline: 'ASC' },
      perPage: '50',
    });
    const array = await listTasks({
      filters: { collaborator: [8546], status: open },
      order: { deadline: 'ASC' },
      perPage: '50',
    });
    expect(single.data.map((t) => t.id)).toEqual(array.data.map((t) => t.id));
    expect(single.data.length).toBeGreaterThan(10);
    for (const t of single.data) {
      expect(t.collaborators.some((c) => c.id === 8546)).toBe(true);
      expect(open).toContain(t.status);
    }
    const deadlines = single.data.map((t) => t.deadline).filter((d): d is string => d !== null);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(single.data.at(-1)?.deadline).toBeNull(); // nulls last
    expect(single.data.map((t) => t.id)).not.toContain(SEED.tasks.closed);
  });

  it('filters by pm, projects (matching string project_id) and clients', async () => {
    const pm = await listTasks({ filters: { pm: SEED.user2.id } });
    expect(pm.data.every((t) => t.pm?.id === SEED.user2.id)).toBe(true);
    const projects = await listTasks({ filters: { projects: [SEED.projects.content] } });
    expect(projects.data.map((t) => t.id)).toContain(SEED.tasks.stringProjectId);
    const clients = await listTasks({ filters: { clients: [SEED.clients.pao] } });
    expect(clients.data.length).toBeGreaterThan(0);
    expect(clients.data.every((t) => t.project?.client?.id === SEED.clients.pao)).toBe(true);
    const finished = await listTasks({ filters: { status: 'finalizada' } });
    expect(finished.data.map((t) => t.id)).toEqual([1004, 1016, 1025]);
  });

  it('rejects malformed filters JSON with 400 CORCustomError', async () => {
    const res = await corRequest(cor, { path: '/v1/tasks?filters=%7B%22collaborator%22%3A', token });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ status: 400, name: 'CORCustomError', code: expect.any(String) as unknown });
  });

  it('needs a token', async () => {
    expect((await corRequest(cor, { path: '/v1/tasks' })).status).toBe(401);
  });
});

describe('GET /v1/tasks/{id} and search-by-title', () => {
  it('answers 404 for an unknown task', async () => {
    const res = await corRequest(cor, { path: '/v1/tasks/424242', token });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: 404, message: 'Task not found' });
  });

  it('searches case- and accent-insensitively with an encoded title', async () => {
    const search = async (title: string): Promise<number[]> => {
      const res = await corRequest(cor, { path: `/v1/tasks/search-by-title/${encodeURIComponent(title)}`, token });
      expect(res.status).toBe(200);
      return (res.json as Task[]).map((t) => t.id);
    };
    expect(await search('ORCAMENTO')).toEqual([SEED.tasks.budget]);
    expect(await search('revisão do orçamento 📊')).toEqual([SEED.tasks.budget]);
    expect(await search('dia del nino')).toEqual([SEED.tasks.design]);
    expect(await search('<img src=x')).toEqual([SEED.tasks.html]);
    expect(await search('sync & retro')).toEqual([1018]);
    expect(await search('no existe tal cosa')).toEqual([]);
  });

  it('caps search results at 50', async () => {
    const many = await startFakeCor({ manyTasks: 80 });
    try {
      const res = await corRequest(many, {
        path: `/v1/tasks/search-by-title/${encodeURIComponent('tarea generada')}`,
        token: many.issueToken().access_token,
      });
      expect((res.json as Task[]).length).toBe(50);
    } finally {
      await many.close();
    }
  });
});
