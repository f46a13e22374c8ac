/** Whether the browser lets the extension reach COR's API (its host permission). */
import { COR_API_BASE } from '../core/cor-api';
import { browser } from './browser';

/** The manifest's `host_permissions` entry for COR's API. */
export const COR_ORIGINS = [`${new URL(COR_API_BASE).origin}/*`];

/**
 * Chromium grants host permissions at install; Firefox (MV3) lets the person refuse or withdraw
 * them. When the browser cannot answer, assume allowed: the failure is then reported as the
 * network error it looked like.
 */
export async function mayReachCor(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: COR_ORIGINS });
  } catch {
    return true;
  }
}
