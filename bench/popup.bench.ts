/**
 * `npm run bench:popup`: how fast the popup is useful, with a few thousand tasks in COR.
 * Prints numbers (milliseconds, median and worst of several runs); it passes or fails nothing.
 *   - open → first task listed (cache warm: "My tasks" already stored)
 *   - first contentful paint, from the page's own Paint Timing
 *   - typing → COR's title-search results listed (debounce included)
 */
import { startFakeCor } from '../tools/fake-cor/server.ts';
import { ExtensionSession } from '../e2e/harness.ts';

const RUNS = 8;
const MANY = 3000;

function summary(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  return `${label}: median ${median.toFixed(0)} ms, worst ${(sorted.at(-1) ?? NaN).toFixed(0)} ms (${values.length} runs)`;
}

const cor = await startFakeCor({ manyTasks: MANY });
const session = await ExtensionSession.launch(cor);
try {
  await session.signInWithToken();
  const warm = await session.openPopup();
  await warm.getByRole('group', { name: 'My tasks' }).waitFor();
  await warm.close();

  const open: number[] = [];
  const paint: number[] = [];
  const search: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const page = await session.context.newPage();
    const t0 = performance.now();
    await page.goto(session.url('src/popup/index.html'));
    await page.getByRole('option').first().waitFor();
    open.push(performance.now() - t0);
    paint.push(
      await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN),
    );
    const t1 = performance.now();
    await page.getByRole('combobox', { name: 'Search tasks' }).fill(`ítem 0${String(100 + i)}`);
    await page.getByRole('group', { name: 'From COR' }).waitFor();
    search.push(performance.now() - t1);
    await page.close();
  }
  console.log(`popup with ${MANY + 25} tasks in COR`);
  console.log(summary('open → first task listed', open));
  console.log(summary('first contentful paint', paint));
  console.log(summary('type → COR search results listed (250 ms debounce included)', search));
} finally {
  await session.close();
  await cor.close();
}
