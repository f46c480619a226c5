import { defineConfig } from 'vitest/config';
import { coursePlugin } from './src/node/vitePlugin';

// Unit and component tests. The course's Vite config (vite.config.ts) serves src/ and is not used here;
// the player's `virtual:course` modules come from the real plugin, over the mini fixture course.
export default defineConfig({
  plugins: [coursePlugin({ root: 'tests/fixtures/mini' })],
  test: {
    root: '.',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
