/**
 * The popup's shell (issue 14): the header is painted from static HTML before any script runs,
 * and the app takes its place without showing the header twice or moving it.
 */
import { describe, expect, it } from 'vitest';
import { useExtension } from './harness.ts';

const test = useExtension();

// Runs before the page's own scripts: when the app first draws (its observer was created later, so
// the shell is still there), note where the shell's heading stands.
const WATCH_HANDOVER = `{
  const observer = new MutationObserver(() => {
    const app = document.getElementById('app');
    const shell = document.querySelector('#shell h1');
    if (!app || !app.firstChild || !shell) return;
    window.shellHeading = shell.getBoundingClientRect().toJSON();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}`;

describe('the popup shell', () => {
  it('hands the header over to the app in place, and only one is left', async () => {
    await test.session.context.addInitScript(WATCH_HANDOVER);
    const popup = await test.session.openPopup();
    await popup.getByRole('button', { name: 'Sign in to COR' }).waitFor();

    await expect(popup.getByRole('heading', { name: 'COR Timer' }).count()).resolves.toBe(1);
    await expect(popup.getByText('COR Timer', { exact: true }).count()).resolves.toBe(1);
    const shell = await popup.evaluate<{ x: number; y: number; width: number; height: number } | undefined>(
      'window.shellHeading',
    );
    expect(shell, 'the shell was on screen when the app drew').toBeDefined();
    const app = await popup.getByRole('heading', { name: 'COR Timer' }).boundingBox();
    expect(app).toEqual({ x: shell!.x, y: shell!.y, width: shell!.width, height: shell!.height });
  });
});
