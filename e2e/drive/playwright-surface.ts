/** The Surface helpers over a Playwright page (Chromium). */
import type { Locator, Page } from 'playwright-core';
import type { Control, Role, Surface } from './surface';

function control(locator: Locator): Control {
  return {
    click: () => locator.click(),
    fill: (value) => locator.fill(value),
    waitFor: () => locator.waitFor(),
    waitGone: () => locator.waitFor({ state: 'detached' }),
    value: async () =>
      (await locator.evaluate((e) => e instanceof HTMLInputElement))
        ? locator.inputValue()
        : ((await locator.textContent()) ?? ''),
  };
}

export function playwrightSurface(page: Page): Surface {
  return {
    role: (role: Role, name?: string, state?: { selected?: boolean }) =>
      control(page.getByRole(role, { ...(name === undefined ? {} : { name, exact: true }), ...state }).first()),
    label: (text) => control(page.getByLabel(text, { exact: true })),
    text: (text) => control(typeof text === 'string' ? page.getByText(text).first() : page.getByText(text).first()),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    close: () => page.close(),
  };
}
