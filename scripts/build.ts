// npm run build — validates the course, builds the player and writes both SCORM packages:
//   dist-scorm/<course-id>-<version>-scorm12.zip and …-scorm2004.zip
// Options: --release (refuse while review notes are open or a review is older than 12 months).
// COURSE_ROOT=<folder> builds another course; OUT_DIR=<folder> writes elsewhere.
import path from 'node:path';
import { buildCourse } from '../src/node/buildCourse.js';

const release = process.argv.includes('--release');
const root = path.resolve(process.env.COURSE_ROOT ?? '.');
const outDir = path.resolve(process.env.OUT_DIR ?? 'dist-scorm');
const ok = await buildCourse({ root, outDir, release, log: console.log });
process.exit(ok ? 0 : 1);
