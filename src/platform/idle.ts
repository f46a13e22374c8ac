/**
 * The system's idle state (`idle` permission): whether the person is at the computer. Chrome
 * and Firefox report `active`, `idle` (no input for the detection interval) and `locked`.
 */
import { browser } from './browser';

export type IdleState = 'active' | 'idle' | 'locked';

/** Chrome refuses intervals under 15 s; ours are whole minutes. */
export function setIdleThreshold(seconds: number): void {
  browser.idle.setDetectionInterval(Math.max(15, Math.round(seconds)));
}

export async function currentIdleState(seconds: number): Promise<IdleState> {
  return await browser.idle.queryState(Math.max(15, Math.round(seconds)));
}

/** Call at the worker's top level. */
export function onIdleStateChanged(callback: (state: IdleState) => void): void {
  browser.idle.onStateChanged.addListener((state) => callback(state));
}
