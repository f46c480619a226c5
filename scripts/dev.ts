// npm run dev — the course in a local LMS page, live: every edit of a page or quiz
// shows at once, and a mistake shows in the browser with its file and line.
// COURSE_ROOT=<folder> serves another course (e.g. tests/fixtures/mini); PORT=<n> another port.
import { createServer } from 'vite';
import { viteConfig } from '../src/node/viteConfig.js';

const port = process.env.PORT ? Number(process.env.PORT) : undefined;
const server = await createServer(viteConfig(process.env.COURSE_ROOT ?? '.', port));
await server.listen();
const base = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.server.port}/`;
console.log(`\n  Course in the local LMS:  ${base}lms-preview/`);
console.log(`  Course alone (no LMS):    ${base}index.html\n`);
console.log('  Edit files in course/ and modules/; the open page updates. Ctrl+C stops.\n');
