/** Deterministic seed data. Every call to `createSeed` returns fresh, independent copies. */
import type { ApiKey, Client, PersonRef, Project, SeedUser, Task, TaskStatus } from './types.ts';

const LONG_TITLE = buildLongTitle();

/** Ids and secrets that tests rely on. */
export const SEED = {
  user: {
    id: 8546,
    email: 'ana@acme.test',
    password: 'correct-horse-9',
    first_name: 'Ana',
    last_name: 'García',
    company: 'acme',
  },
  user2: {
    id: 8547,
    email: 'bruno@demo.test',
    password: 'another-horse-7',
    first_name: 'Bruno',
    last_name: 'Souza',
    company: 'demo',
  },
  password: 'correct-horse-9',
  apiKey: { key: 'acme-api-key-0001', secret: 'acme-client-secret-0001', userId: 8546 },
  /** Company subdomain (`<company>.cor.works`) to the user who is signed in to that web app. */
  companies: { acme: 8546, demo: 8547 } as Record<string, number>,
  clients: { cloud: 31405, pao: 31406, cafe: 31407, northwind: 31408 },
  projects: { content: 878491, nino: 878492, budget: 878493, web: 878494, internal: 878495 },
  tasks: {
    /** "Diseño de campaña — Día del Niño 🎈", en_proceso, Ana collaborates. */
    design: 1001,
    /** "Armado de contenido v1" (the spec's example title). */
    content: 1002,
    /** "Revisão do orçamento 📊". */
    budget: 1003,
    /** Closed task (status finalizada): POST /hours answers 400 PC001. */
    closed: 1004,
    /** Title is exactly `<img src=x onerror=alert(1)>`. */
    html: 1005,
    /** Title is 300 characters long. */
    long: 1006,
    /** project_id is sent as a string ("878491"). */
    stringProjectId: 1009,
    /** No project and no client (project_id null). */
    noProject: 1010,
    /** Archived task (still listed, still open). */
    archived: 1021,
    /** Another closed task. */
    closed2: 1016,
  },
  longTitle: LONG_TITLE,
  htmlTitle: '<img src=x onerror=alert(1)>',
  taskCount: 25,
  /** Ids of generated tasks (`manyTasks`) start here. */
  generatedTaskIdBase: 100001,
} as const;

export interface SeedData {
  users: SeedUser[];
  clients: Client[];
  projects: Project[];
  tasks: Task[];
  apiKeys: ApiKey[];
  companies: Record<string, number>;
}

function buildLongTitle(): string {
  const base =
    'Investigación y documentación exhaustiva de requisitos para la migración del portal de clientes — fase ';
  let out = '';
  for (let i = 1; out.length < 300; i += 1) out += `${base}${i}. `;
  return `${out.slice(0, 299)}!`;
}

function user(
  id: number,
  first: string,
  last: string,
  email: string,
  password: string | null,
  company: string,
  roleId: number,
): SeedUser {
  return {
    id,
    first_name: first,
    last_name: last,
    email,
    password,
    company,
    picture: `https://user-images.projectcor.com/production/Upload/ProfilePictures/50x50/fake-${id}.jpeg`,
    cuil: `20-${String(id).padStart(8, '0')}-3`,
    remaining_hours: 88,
    user_position_id: 100 + roleId,
    role_id: roleId,
    daily_hours: 8,
    plan_id: 4,
    plan_name: 'Project Management',
    position_name: roleId === 3 ? 'Project Manager' : 'Diseñador/a',
    category_id: null,
    category_name: null,
    gmt: '-03:00',
    timezone: 'America/Buenos_Aires',
    hourly_cost: 1178.5714285714284,
  };
}

function seedUsers(): SeedUser[] {
  return [
    user(8546, 'Ana', 'García', 'ana@acme.test', SEED.user.password, 'acme', 4),
    user(8547, 'Bruno', 'Souza', 'bruno@demo.test', SEED.user2.password, 'demo', 4),
    user(8548, 'Carla', 'Núñez', 'carla@acme.test', null, 'acme', 4),
    user(8549, 'Diego', "O'Brien", 'diego@acme.test', null, 'acme', 4),
    user(8550, 'Lucía', 'Pérez', 'lucia@acme.test', null, 'acme', 3),
  ];
}

function seedClients(): Client[] {
  return [
    { id: 31405, name: 'Cloud Solution', client_status_id: 1 },
    { id: 31406, name: 'Pão de Açúcar', client_status_id: 1 },
    { id: 31407, name: 'Café Niño', client_status_id: 1 },
    { id: 31408, name: 'Northwind & Co.', client_status_id: 1 },
  ];
}

function seedProjects(): Project[] {
  return [
    { id: 878491, name: 'Creacion de Contenido', client_id: 31405 },
    { id: 878492, name: 'Campaña Día del Niño', client_id: 31407 },
    { id: 878493, name: 'Orçamento 2026', client_id: 31406 },
    { id: 878494, name: 'Website redesign', client_id: 31408 },
    { id: 878495, name: 'Soporte interno', client_id: null },
  ];
}

interface TaskRow {
  id: number;
  title: string;
  project: number | null;
  status: TaskStatus;
  collaborators: number[];
  pm: number | null;
  deadline: string | null;
  priority?: 0 | 1 | 2 | 3;
  archived?: boolean;
  projectIdAsString?: boolean;
}

const ANA = 8546;
const BRUNO = 8547;
const CARLA = 8548;
const DIEGO = 8549;
const LUCIA = 8550;

const TASK_ROWS: TaskRow[] = [
  {
    id: 1001,
    title: 'Diseño de campaña — Día del Niño 🎈',
    project: 878492,
    status: 'en_proceso',
    collaborators: [ANA, CARLA],
    pm: LUCIA,
    deadline: '2026-03-02 18:00:00',
    priority: 2,
  },
  {
    id: 1002,
    title: 'Armado de contenido v1',
    project: 878491,
    status: 'nueva',
    collaborators: [ANA],
    pm: LUCIA,
    deadline: '2026-02-10 23:59:00',
  },
  {
    id: 1003,
    title: 'Revisão do orçamento 📊',
    project: 878493,
    status: 'en_proceso',
    collaborators: [ANA, BRUNO],
    pm: BRUNO,
    deadline: '2026-02-20 12:00:00',
    priority: 1,
  },
  {
    id: 1004,
    title: 'Entrega final del informe anual',
    project: 878491,
    status: 'finalizada',
    collaborators: [ANA],
    pm: LUCIA,
    deadline: '2026-01-15 18:00:00',
  },
  {
    id: 1005,
    title: SEED.htmlTitle,
    project: 878494,
    status: 'nueva',
    collaborators: [ANA],
    pm: LUCIA,
    deadline: '2026-04-01 09:00:00',
  },
  {
    id: 1006,
    title: LONG_TITLE,
    project: 878495,
    status: 'nueva',
    collaborators: [ANA],
    pm: LUCIA,
    deadline: '2026-06-30 18:00:00',
  },
  {
    id: 1007,
    title: 'Reunião de alinhamento com o cliente',
    project: 878493,
    status: 'estancada',
    collaborators: [BRUNO],
    pm: BRUNO,
    deadline: '2026-02-05 15:00:00',
  },
  {
    id: 1008,
    title: 'Landing page redesign',
    project: 878494,
    status: 'en_proceso',
    collaborators: [CARLA, DIEGO],
    pm: LUCIA,
    deadline: '2026-03-15 18:00:00',
    priority: 3,
  },
  {
    id: 1009,
    title: 'Corrección de textos — versión final',
    project: 878491,
    status: 'nueva',
    collaborators: [ANA, DIEGO],
    pm: LUCIA,
    deadline: '2026-02-12 18:00:00',
    projectIdAsString: true,
  },
  {
    id: 1010,
    title: 'Tarea sin proyecto',
    project: null,
    status: 'nueva',
    collaborators: [ANA],
    pm: null,
    deadline: null,
    priority: 0,
  },
  {
    id: 1011,
    title: 'Fotografía de producto: Café Niño ☕',
    project: 878492,
    status: 'nueva',
    collaborators: [ANA, CARLA],
    pm: LUCIA,
    deadline: '2026-03-20 18:00:00',
  },
  {
    id: 1012,
    title: 'Análisis de métricas Q1',
    project: 878491,
    status: 'estancada',
    collaborators: [ANA],
    pm: LUCIA,
    deadline: '2026-04-10 18:00:00',
    priority: 1,
  },
  {
    id: 1013,
    title: 'Planejamento de mídia 2026',
    project: 878493,
    status: 'nueva',
    collaborators: [BRUNO, CARLA],
    pm: BRUNO,
    deadline: '2026-05-01 18:00:00',
  },
  {
    id: 1014,
    title: 'Bug: el botón “Guardar” no responde',
    project: 878494,
    status: 'en_proceso',
    collaborators: [ANA, DIEGO],
    pm: LUCIA,
    deadline: '2026-02-08 10:00:00',
    priority: 3,
    projectIdAsString: true,
  },
  {
    id: 1015,
    title: 'Crème brûlée menu — photo shoot',
    project: 878492,
    status: 'nueva',
    collaborators: [CARLA],
    pm: LUCIA,
    deadline: '2026-07-01 18:00:00',
  },
  {
    id: 1016,
    title: 'Migração do servidor',
    project: 878495,
    status: 'finalizada',
    collaborators: [ANA, DIEGO],
    pm: LUCIA,
    deadline: '2025-12-20 18:00:00',
  },
  {
    id: 1017,
    title: 'Estrategia de redes sociales 📱',
    project: 878492,
    status: 'en_proceso',
    collaborators: [ANA],
    pm: LUCIA,
    deadline: '2026-03-31 18:00:00',
    priority: 2,
  },
  {
    id: 1018,
    title: 'Weekly sync & retro',
    project: 878495,
    status: 'en_proceso',
    collaborators: [ANA, BRUNO, CARLA, DIEGO],
    pm: LUCIA,
    deadline: null,
  },
  {
    id: 1019,
    title: 'Traducción al portugués (PT-BR)',
    project: 878493,
    status: 'nueva',
    collaborators: [ANA, BRUNO],
    pm: BRUNO,
    deadline: '2026-04-20 18:00:00',
  },
  {
    id: 1020,
    title: 'Onboarding: Ñandú Studio',
    project: 878491,
    status: 'nueva',
    collaborators: [DIEGO],
    pm: LUCIA,
    deadline: '2026-05-15 18:00:00',
  },
  {
    id: 1021,
    title: 'Ajustes de identidad visual',
    project: 878492,
    status: 'estancada',
    collaborators: [ANA],
    pm: LUCIA,
    deadline: '2026-01-31 18:00:00',
    archived: true,
  },
  {
    id: 1022,
    title: 'Relatório de desempenho — março',
    project: 878493,
    status: 'nueva',
    collaborators: [BRUNO],
    pm: BRUNO,
    deadline: '2026-04-05 18:00:00',
  },
  {
    id: 1023,
    title: 'Mantenimiento mensual del sitio',
    project: 878494,
    status: 'en_proceso',
    collaborators: [ANA, DIEGO],
    pm: LUCIA,
    deadline: '2026-02-28 18:00:00',
  },
  {
    id: 1024,
    title: 'Design QA — mobile 🧪',
    project: 878494,
    status: 'nueva',
    collaborators: [CARLA, ANA],
    pm: LUCIA,
    deadline: '2026-03-10 18:00:00',
    priority: 1,
  },
  {
    id: 1025,
    title: 'Cierre de campaña Navidad 🎄',
    project: 878492,
    status: 'finalizada',
    collaborators: [CARLA],
    pm: LUCIA,
    deadline: '2025-12-26 18:00:00',
  },
];

function personRef(users: SeedUser[], id: number): PersonRef {
  const u = users.find((x) => x.id === id);
  if (!u) throw new Error(`seed: unknown user ${id}`);
  return { id: u.id, first_name: u.first_name, last_name: u.last_name };
}

function buildTask(row: TaskRow, users: SeedUser[], projects: Project[], clients: Client[]): Task {
  const project = row.project === null ? undefined : projects.find((p) => p.id === row.project);
  const client = project?.client_id == null ? undefined : clients.find((c) => c.id === project.client_id);
  const minutes = 60 * (1 + (row.id % 7));
  return {
    id: row.id,
    title: row.title,
    project_id: project ? (row.projectIdAsString ? String(project.id) : project.id) : null,
    description: `Descripción de la tarea ${row.id}.`,
    deadline: row.deadline,
    datetime: row.deadline === null ? null : `2026-01-${String(1 + (row.id % 28)).padStart(2, '0')} 09:00:00`,
    status: row.status,
    priority: row.priority ?? 1,
    archived: row.archived ?? false,
    project: project
      ? { id: project.id, name: project.name, client: client ? { id: client.id, name: client.name } : null }
      : null,
    pm: row.pm === null ? null : personRef(users, row.pm),
    collaborators: row.collaborators.map((id) => personRef(users, id)),
    estimated: minutes,
    hour_charged: (row.id % 5) * 1.5,
  };
}

const OPEN_STATUSES: TaskStatus[] = ['nueva', 'en_proceso', 'estancada'];

/** `n` generated tasks: deterministic titles, statuses, collaborators and deadlines. */
function generatedRows(n: number): TaskRow[] {
  const projectIds = [878491, 878492, 878493, 878494, 878495];
  const rows: TaskRow[] = [];
  for (let i = 0; i < n; i += 1) {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    rows.push({
      id: SEED.generatedTaskIdBase + i,
      title: `Tarea generada nº ${i + 1} — ítem ${String(i + 1).padStart(5, '0')}`,
      project: projectIds[i % projectIds.length] ?? null,
      status: OPEN_STATUSES[i % OPEN_STATUSES.length] ?? 'nueva',
      collaborators: i % 2 === 0 ? [ANA] : [CARLA],
      pm: LUCIA,
      deadline: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} 18:00:00`,
      priority: (i % 4) as 0 | 1 | 2 | 3,
    });
  }
  return rows;
}

export function createSeed(manyTasks = 0): SeedData {
  const users = seedUsers();
  const clients = seedClients();
  const projects = seedProjects();
  const rows = [...TASK_ROWS, ...generatedRows(Math.max(0, Math.floor(manyTasks)))];
  return {
    users,
    clients,
    projects,
    tasks: rows.map((r) => buildTask(r, users, projects, clients)),
    apiKeys: [{ ...SEED.apiKey }],
    companies: { ...SEED.companies },
  };
}
