// End-to-end tests: the web build served by `vite preview`, driven by playwright-core in
// Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH). See test/e2e/global-setup.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One Chromium at a time: the machine has two cores.
    fileParallelism: false,
  },
});
