/**
 * Panels the popup rarely shows, loaded on demand (ui/lazy.ts): questions to the person and the
 * forms of entries that need them. What the popup shows most — the picker, the running timer,
 * Today, the outbox line — loads with the page; docs/PERFORMANCE.md has the sizes.
 */
import { lazy } from '../ui/lazy';

export const AwayQuestion = lazy(() => import('./away-question').then((m) => m.AwayQuestion));
export const ApartPanel = lazy(() => import('./apart-panel').then((m) => m.ApartPanel));
export const AttentionEntry = lazy(() => import('./attention-entry').then((m) => m.AttentionEntry));
export const ClosedTaskQuestion = lazy(() => import('./closed-task-question').then((m) => m.ClosedTaskQuestion));
export const StopAtForm = lazy(() => import('./stop-at-form').then((m) => m.StopAtForm));
