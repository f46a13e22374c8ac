/** Starting and inspecting the background "worker" in unit tests (with the fake browser mocked in). */
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { startFakeCor, type FakeCor } from '../../tools/fake-cor/server.ts';
import type { OutboxEntry } from '../core/outbox';
import type { Owner } from '../core/owner';
import { fetchVia, installFakeBrowser, killWorker, sendFromPopup } from './fake-platform';
import { ANA } from './owners';

/**
 * Registers the hooks that give every test in the file a fresh fake browser, a fresh fake-cor
 * that fetch reaches, and a started worker (signed in with a token when `signedIn`; asking
 * about time away only when `askAway`).
 */
export function useWorker(options: { signedIn?: boolean; askAway?: boolean } = {}): { cor: FakeCor } {
  const world = {} as { cor: FakeCor };
  beforeEach(async () => {
    installFakeBrowser();
    world.cor = await startFakeCor();
    vi.stubGlobal('fetch', fetchVia(world.cor));
    // Tests move the fake clock by minutes or hours in one step, with no heartbeat between: a
    // gap the worker would rightly ask about. Only the tests of time away want that question.
    if (options.askAway !== true) await fakeBrowser.storage.local.set({ settings: { askAway: false } });
    await startWorker();
    if (options.signedIn === true) await popup.signInWithToken(world.cor.issueToken().access_token);
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    await world.cor.close();
  });
  return world;
}

/** Starts (or restarts) the service worker: a fresh module graph over the same storage. */
export async function startWorker(): Promise<void> {
  // Its start-up side work (redraws, heartbeat, flush) is done, as in a worker that has been running.
  await (
    await bootWorker()
  ).started;
}

/**
 * Starts (or restarts) the service worker and returns as soon as its listeners are registered,
 * as a browser delivers the event that woke it: for tests of what arrives during start-up.
 */
export async function bootWorker(): Promise<{ started: Promise<void> }> {
  killWorker();
  vi.resetModules();
  const { started } = await import('../background/index');
  return { started };
}

export async function stored<T>(key: string): Promise<T> {
  return (await fakeBrowser.storage.local.get(key))[key] as T;
}

/** Everything in storage.local, as text: for "this secret is nowhere" checks. */
export async function allStorageText(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

export const postsOf = (cor: FakeCor) => cor.requests.filter((r) => r.method === 'POST' && r.path === '/v1/hours');
export const requestsTo = (cor: FakeCor, path: string) => cor.requests.filter((r) => r.path === path);

export const popup = {
  signInWithToken: (token: string) => sendFromPopup({ name: 'auth.sign-in', data: { method: 'token', token } }),
  signIn: (data: Record<string, string>) => sendFromPopup({ name: 'auth.sign-in', data }),
  start: (taskId: number) => sendFromPopup({ name: 'timer.start', data: { task: { id: taskId } } }),
  stop: () => sendFromPopup({ name: 'timer.stop', data: {} }),
  sendNow: () => sendFromPopup({ name: 'outbox.send-now', data: {} }),
  signOut: (confirm: boolean) => sendFromPopup({ name: 'auth.sign-out', data: { confirm } }),
};

/** The outbox as storage holds it: every `entry:<id>` key, oldest stop first. */
export async function storedOutbox(): Promise<OutboxEntry[]> {
  const all = await fakeBrowser.storage.local.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith('entry:'))
    .map(([, value]) => value as OutboxEntry)
    .sort((a, b) => a.stoppedAt - b.stoppedAt);
}

/** Stores entries the way this version keeps them (one key each), owned by Ana unless they say otherwise. */
export async function seedEntries(
  ...entries: Array<Omit<OutboxEntry, 'owner'> & { owner?: Owner | null }>
): Promise<void> {
  await fakeBrowser.storage.local.set(Object.fromEntries(entries.map((e) => [`entry:${e.id}`, { owner: ANA, ...e }])));
}
