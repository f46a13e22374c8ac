/**
 * The role-and-name helpers every browser test uses, over either driver: Playwright for
 * Chromium, puppeteer-core over WebDriver BiDi for Firefox (TESTING.md). A scenario written
 * against these runs unchanged in both browsers.
 */
export type Role =
  | 'alert'
  | 'button'
  | 'checkbox'
  | 'heading'
  | 'link'
  | 'option'
  | 'radio'
  | 'region'
  | 'combobox'
  | 'searchbox'
  | 'textbox'
  | 'timer';

/** One element found the way a person (or a screen reader) finds it. Every action waits for it first. */
export interface Control {
  click(): Promise<void>;
  /** Replaces the field's text by typing, as a person would. */
  fill(value: string): Promise<void>;
  waitFor(): Promise<void>;
  /** Waits until nothing matches any more. */
  waitGone(): Promise<void>;
  /** The field's value (inputs) or its text (anything else). */
  value(): Promise<string>;
}

/** One extension page (popup or options) open in a tab. */
export interface Surface {
  /** By role and exact accessible name; without a name, the first of that role (`selected` for options). */
  role(role: Role, name?: string, state?: { selected?: boolean }): Control;
  /** The field a visible label names (exact label text). */
  label(text: string): Control;
  /** Visible text: a string matches inside an element's text, a RegExp the whole page's text. */
  text(text: string | RegExp): Control;
  /** Runs `fn` in the page (an extension page: it sees the extension's own APIs). */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
}
