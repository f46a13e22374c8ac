/**
 * The Surface helpers over a puppeteer-core page (Firefox over WebDriver BiDi). Puppeteer's
 * `::-p-aria` selector finds by role and accessible name; a label is resolved through its
 * `.control`, because `::-p-aria(Access token)` can match the <label> itself (TESTING.md).
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import type { Control, Role, Surface } from './surface';

type Find = () => Promise<ElementHandle<Element>>;

// Generous: Firefox on a loaded 2-core machine; the test's own timeout still bounds it.
const TIMEOUT = 30_000;

function control(page: Page, find: Find, gone: () => Promise<void>, click?: () => Promise<void>): Control {
  return {
    click: click ?? (async () => (await find()).click()),
    fill: async (value) => {
      const field = await find();
      // Select what is there so typing replaces it, then type as a person would.
      await field.evaluate((e) => {
        (e as HTMLInputElement).focus();
        (e as HTMLInputElement).select();
      });
      if (value === '') await page.keyboard.press('Backspace');
      else await page.keyboard.type(value);
    },
    waitFor: async () => void (await find()),
    waitGone: gone,
    value: async () =>
      (await find()).evaluate((e) => (e instanceof HTMLInputElement ? e.value : (e.textContent ?? ''))),
  };
}

function bySelector(page: Page, selector: string): Control {
  return control(
    page,
    async () => (await page.waitForSelector(selector, { timeout: TIMEOUT }))!,
    async () => void (await page.waitForSelector(selector, { hidden: true, timeout: TIMEOUT })),
    // A locator finds the element again at the moment of the click, and finds it afresh if it
    // went away before the click landed, as Playwright's does: a handle found earlier can be
    // gone once the popup re-renders (seen as "Node is either not clickable or not an Element"
    // on Send now while the outbox updated). Its other waits run on animation frames, which
    // Firefox throttles in a tab in the background (the welcome tab can open over the test's):
    // a click there took 8 s with them, 0.2 s without.
    () =>
      page
        .locator(selector)
        .setTimeout(TIMEOUT)
        .setEnsureElementIsInTheViewport(false)
        .setWaitForStableBoundingBox(false)
        .setWaitForEnabled(false)
        .click(),
  );
}

const quote = (s: string) => JSON.stringify(s);

function byRole(page: Page, role: Role, name?: string, state?: { selected?: boolean }): Control {
  if (name !== undefined) return bySelector(page, `::-p-aria([name=${quote(name)}][role=${quote(role)}])`);
  // Roles in this UI are explicit attributes or native elements; `selected` is aria-selected.
  const selected = state?.selected === undefined ? '' : `[aria-selected="${String(state.selected)}"]`;
  return bySelector(page, `[role="${role}"]${selected}`);
}

function byLabel(page: Page, text: string): Control {
  const find = () =>
    page.evaluateHandle((text) => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
      return label?.control ?? null;
    }, text);
  return control(
    page,
    async () => {
      await page.waitForFunction(
        (text) => [...document.querySelectorAll('label')].some((l) => l.textContent?.trim() === text && l.control),
        { timeout: TIMEOUT },
        text,
      );
      return (await find()) as ElementHandle<Element>;
    },
    async () => {
      await page.waitForFunction(
        (text) => ![...document.querySelectorAll('label')].some((l) => l.textContent?.trim() === text),
        { timeout: TIMEOUT },
        text,
      );
    },
  );
}

function byPattern(page: Page, pattern: RegExp): Control {
  const source = { source: pattern.source, flags: pattern.flags };
  // The innermost element whose own text matches, so `value()` reads that line, not the page.
  const find = async () => {
    await page.waitForFunction(
      ({ source, flags }) => new RegExp(source, flags).test(document.body.innerText),
      { timeout: TIMEOUT },
      source,
    );
    return page.evaluateHandle(({ source, flags }): Element => {
      const re = new RegExp(source, flags);
      const all = [...document.body.querySelectorAll('*')].filter((e) => re.test((e as HTMLElement).innerText ?? ''));
      return all.at(-1) ?? document.body;
    }, source);
  };
  const gone = async () =>
    void (await page.waitForFunction(
      ({ source, flags }) => !new RegExp(source, flags).test(document.body.innerText),
      { timeout: TIMEOUT },
      source,
    ));
  return control(page, find, gone);
}

export function puppeteerSurface(page: Page): Surface {
  return {
    role: (role, name, state) => byRole(page, role, name, state),
    label: (text) => byLabel(page, text),
    text: (text) => (typeof text === 'string' ? bySelector(page, `::-p-text(${quote(text)})`) : byPattern(page, text)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    close: () => page.close(),
  };
}
