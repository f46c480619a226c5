import { defineConfig } from 'vitest/config';

// Unit and component tests. The course's Vite config (vite.config.ts) serves src/ and is not used here.
export default defineConfig({
  test: {
    root: '.',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
