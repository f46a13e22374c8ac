/**
 * Unit-test setup: the worker's entry installs webextension-polyfill first
 * (platform/worker-browser.ts), which throws outside a browser extension. Tests fake
 * platform/browser instead (`vi.mock('../platform/browser', …)`), so the installer does nothing here.
 */
import { vi } from 'vitest';

vi.mock('../platform/worker-browser', () => ({}));
