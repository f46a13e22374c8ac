/**
 * Panels the popup rarely shows, loaded on demand (ui/lazy.ts): questions to the person and the
 * forms of entries that need them. And the sections only some states draw — the running timer,
 * Today, the picker — out of the page's first load: main.tsx starts loading them with the storage
 * read and, signed in, draws the first frame once both are in (signed out, none is drawn).
 * docs/PERFORMANCE.md has the sizes.
 */
import { lazy } from '../ui/lazy';

export const RunningTimer = lazy(() => import('./running-timer').then((m) => m.RunningTimer));
export const Today = lazy(() => import('./today').then((m) => m.Today));
export const TaskPicker = lazy(() => import('./task-picker').then((m) => m.TaskPicker));
/** What a signed-in first frame may draw: loading while storage answers. */
export const preloadSections = () => Promise.all([RunningTimer.preload(), Today.preload(), TaskPicker.preload()]);

export const AwayQuestion = lazy(() => import('./away-question').then((m) => m.AwayQuestion));
export const ApartPanel = lazy(() => import('./apart-panel').then((m) => m.ApartPanel));
export const AttentionEntry = lazy(() => import('./attention-entry').then((m) => m.AttentionEntry));
export const ClosedTaskQuestion = lazy(() => import('./closed-task-question').then((m) => m.ClosedTaskQuestion));
export const StopAtForm = lazy(() => import('./stop-at-form').then((m) => m.StopAtForm));
