import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once when it is missing or older than the sources, before any test file spawns the CLI.
    globalSetup: ['test/globalSetup.ts'],
    // End-to-end tests spawn the built CLI; they wait on processes, not on clocks.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
