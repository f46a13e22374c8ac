/**
 * A browser running the production build, the same for Chromium and Firefox: what a scenario
 * needs beyond the pages themselves (the background's lifecycle, a restart, the doors that are
 * not pages). Each driver does these the way its browser allows (TESTING.md).
 */
import type { Surface } from './surface';

export type BrowserName = 'chromium' | 'firefox';

/** What the system reports about the person (Firefox's idle service reports no `locked`). */
export type IdleChange = 'idle' | 'active';

/** What "Log time on this task" hands the extension's listener, as the browser reports a right-click. */
export interface MenuClick {
  readonly menuItemId: string;
  readonly pageUrl?: string;
  readonly linkUrl?: string;
}

export interface ShownNotification {
  readonly id: string;
  readonly message?: string;
  /** How many buttons the browser shows on it. */
  readonly buttons?: number;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** The popup's page, opened in a tab. */
  openPopup(): Promise<Surface>;
  openOptions(): Promise<Surface>;
  /** The page another extension page opened (say, options from the popup's "Sign in to COR"). */
  waitForPage(path: string): Promise<Surface>;
  /** Stops the background (Chromium's service worker, Firefox's event page) as the browser does when idle; resolves once it is stopped. */
  stopBackground(): Promise<void>;
  /** Closes the browser and starts it again on the same profile with the extension still installed. */
  restart(): Promise<void>;
  /** The keyboard shortcut the manifest declares for `command`, delivered to the extension by the browser. */
  pressShortcut(command: string): Promise<void>;
  /** A click on one of the extension's context-menu items, delivered to its real registered listener. */
  clickMenu(click: MenuClick): Promise<void>;
  /**
   * The system reports the person idle (no input for the detection interval) or back, delivered
   * to the extension's real `idle.onStateChanged` listener; a stopped background is woken for it.
   */
  systemIdle(change: IdleChange): Promise<void>;
  /** The idle detection interval the browser applies to the extension, in seconds; null where the browser does not tell (Chromium). */
  idleDetectionSeconds(): Promise<number | null>;
  /** Waits until the browser shows the extension's real action popup (not the page in a tab). */
  waitForActionPopup(): Promise<void>;
  /** Notifications the extension showed (Chromium: those still on screen; its getAll gives ids only). */
  notifications(): Promise<ShownNotification[]>;
  /** Uncaught errors the extension's own code reported so far (fail loudly). */
  extensionErrors(): Promise<string[]>;
  close(): Promise<void>;
}
