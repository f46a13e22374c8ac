/**
 * Launches Chromium with the built extension, its COR traffic resolved to a local fake-cor.
 * Shared by the e2e harness and `npm run sandbox`. Flags from TESTING.md: Playwright adds
 * --disable-extensions, so the extension must be excepted; background networking is off
 * because this machine's network is closed.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { resolve } from 'node:path';
import { chromiumFlags } from './fake-cor/cli.ts';
import { chromePath } from './ensure-chromium.ts';

export const CHROME_DIST = resolve(import.meta.dirname, '../dist/chrome');

/** UI languages the extension ships, as Chromium's `--lang` and the Linux locale it needs. */
export type Language = 'en' | 'es' | 'pt_BR';
const LOCALES: Record<Language, { lang: string; env: string }> = {
  en: { lang: 'en-US', env: 'en_US.UTF-8' },
  es: { lang: 'es', env: 'es_ES.UTF-8' },
  pt_BR: { lang: 'pt-BR', env: 'pt_BR.UTF-8' },
};

export function extensionArgs(dist: string, corPort: number, language: Language = 'en'): string[] {
  return [
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--lang=${LOCALES[language].lang}`,
    ...chromiumFlags(corPort),
  ];
}

export function launchWithExtension(options: {
  profileDir: string;
  corPort: number;
  headless: boolean;
  dist?: string;
  language?: Language;
}): Promise<BrowserContext> {
  const language = options.language ?? 'en';
  return chromium.launchPersistentContext(options.profileDir, {
    executablePath: chromePath(),
    headless: options.headless,
    viewport: null,
    args: extensionArgs(options.dist ?? CHROME_DIST, options.corPort, language),
    // On Linux, --lang alone does not change i18n.getUILanguage(): Chromium reads the locale from these (with chromium-l10n).
    env: { ...process.env, LANGUAGE: LOCALES[language].lang.replace('-', '_'), LANG: LOCALES[language].env },
  });
}
