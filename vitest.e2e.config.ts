import { defineConfig } from 'vitest/config';

/**
 * Real-browser e2e tests (headless Chromium via playwright-core). Run:
 *   npx vitest run -c vitest.e2e.config.ts
 * Needs a Chromium (see tests/e2e/harness/browser.ts findChromium); the tests fail, never skip,
 * when it is missing.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
