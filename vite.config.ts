import { defineConfig } from 'vite';
import { viteConfig } from './src/node/viteConfig.ts';

// COURSE_ROOT points at another course (e.g. tests/fixtures/mini); by default, this repository's.
export default defineConfig(viteConfig(process.env.COURSE_ROOT ?? '.', process.env.PORT ? Number(process.env.PORT) : undefined));
