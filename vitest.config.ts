import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tools/closing-line-reporter.ts'],
    // Fail loudly: an unhandled rejection anywhere fails the run.
    dangerouslyIgnoreUnhandledErrors: false,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'tools/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['src/test/no-polyfill.ts'],
          // Projects in different groups run one after another: Chromium and Firefox never share the 2 cores.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          sequence: { groupOrder: 1 },
          // One Chromium at a time on a 2-core machine; each file launches its own.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
      {
        test: {
          name: 'firefox',
          include: ['e2e/**/*.firefox.ts'],
          sequence: { groupOrder: 2 },
          // One browser at a time on a 2-core machine; Firefox takes 4–5 s to start.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
