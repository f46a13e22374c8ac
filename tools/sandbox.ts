/**
 * `npm run sandbox`: try COR Timer without a COR account. Starts fake-cor with its sample data
 * and opens Chromium with the built extension talking to it, already signed in. Where there is
 * no display it says so and prints the Chromium command line to use by hand.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFakeCorCli } from './fake-cor/cli.ts';
import { SEED } from './fake-cor/server.ts';
import { CHROME_DIST, extensionArgs, launchWithExtension } from './chromium-launch.ts';
import { chromePath } from './ensure-chromium.ts';

const hasDisplay = Boolean(process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY);
const { cor, stop } = await runFakeCorCli(process.argv.slice(2));
const profileDir = await mkdtemp(join(tmpdir(), 'cor-timer-sandbox-'));

if (!hasDisplay) {
  console.log(
    [
      '',
      'No display here, so no browser window can open. On a machine with one, run:',
      `  ${chromePath()} --user-data-dir=${profileDir} ${extensionArgs(CHROME_DIST, cor.port)
        .filter((a) => !a.startsWith('--no-sandbox'))
        .map((a) => `'${a}'`)
        .join(' ')}`,
      'then open the extension’s options and sign in with the seed login above (or paste the access token).',
      'fake COR keeps running until Ctrl+C.',
    ].join('\n'),
  );
} else {
  const context = await launchWithExtension({ profileDir, corPort: cor.port, headless: false });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const base = `chrome-extension://${new URL(worker.url()).host}/`;
  const options = await context.newPage();
  await options.goto(`${base}src/options/index.html`);
  await options.getByLabel('Email').fill(SEED.user.email);
  await options.getByLabel('Password').fill(SEED.password);
  await options.getByRole('button', { name: 'Sign in', exact: true }).click();
  console.log('\nChromium is open and signed in as the sample user. Close the window or press Ctrl+C to stop.');
  context.on('close', () => void stop().then(() => process.exit(0)));
}

process.once('SIGINT', () => void stop().then(() => process.exit(0)));
