import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';
import type { CompileResult } from './compile.js';
import { coursePlugin } from './vitePlugin.js';

/**
 * The one Vite configuration, for the dev server (player + local LMS page) and the
 * player build. vite.config.ts calls it for `vite` itself; the scripts call it directly.
 */
export function viteConfig(courseRoot: string, port?: number, precompiled?: CompileResult): InlineConfig {
  const src = fileURLToPath(new URL('../', import.meta.url));
  return {
    configFile: false,
    root: src,
    base: './',
    publicDir: false,
    plugins: [coursePlugin({ root: courseRoot, precompiled })],
    build: {
      outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
      emptyOutDir: true,
      // Current Chrome, Edge and Firefox, and Firefox ESR.
      target: ['chrome109', 'edge109', 'firefox115'],
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      // Course data chunks are content, not code: their size is reported by the build summary and the bench.
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: fileURLToPath(new URL('../index.html', import.meta.url)) },
    },
    server: { host: '127.0.0.1', port: port ?? 5173, strictPort: true },
  };
}
