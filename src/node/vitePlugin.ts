import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { compileCourse, type CompileOptions, type CompileResult } from './compile.js';
import { errorsIn, formatProblem, sortProblems } from './problems.js';

/**
 * Turns course/ and modules/ into virtual modules the player imports:
 *   virtual:course                  locales + lazy loaders (tiny)
 *   virtual:course/course-data-<l>  that locale's CourseData without the module pages' HTML
 *                                   (its own chunk, named so the size budget can tell content
 *                                   from code): what the start screen and the tracking need
 *   virtual:course/course-data-<l>-pages-<module>
 *                                   that module's page HTML by page key, loaded when reached
 * In the dev server an edit to any author file recompiles the course and pushes the
 * new data to the open page; a problem shows in Vite's overlay with file and line.
 */

export const VIRTUAL_INDEX = 'virtual:course';
const VIRTUAL_LOCALE_PREFIX = 'virtual:course/course-data-';
const PAGES_INFIX = '-pages-';
const RESOLVED = '\0';
export const COURSE_UPDATE_EVENT = 'course:update';

export interface CoursePluginOptions {
  /** Folder holding course/ and modules/. */
  root: string;
  compile?: CompileOptions;
  /** Called after every compilation (the build script prints the summary from it). */
  onCompiled?: (result: CompileResult) => void;
  /** A compilation the caller already made (the build script), so the course is not compiled twice. */
  precompiled?: CompileResult;
}

export function coursePlugin(options: CoursePluginOptions): Plugin {
  const root = path.resolve(options.root);
  let result: CompileResult | null = options.precompiled ?? null;
  let server: ViteDevServer | null = null;

  const compile = () => {
    result = compileCourse(root, options.compile);
    options.onCompiled?.(result);
    return result;
  };
  const report = (r: CompileResult) => sortProblems(errorsIn(r.problems)).map(formatProblem).join('\n');

  return {
    name: 'course-content',
    enforce: 'pre',

    buildStart() {
      const r = result ?? compile();
      if (!r.byLocale) this.error(`The course has problems:\n${report(r)}`);
      for (const f of r.files) this.addWatchFile(f);
    },

    resolveId(id) {
      if (id === VIRTUAL_INDEX || id.startsWith(VIRTUAL_LOCALE_PREFIX)) return RESOLVED + id;
      return undefined;
    },

    load(id) {
      if (!id.startsWith(RESOLVED + 'virtual:course')) return undefined;
      const r = result ?? compile();
      if (!r.byLocale) {
        const first = sortProblems(errorsIn(r.problems))[0];
        throw Object.assign(new Error(`The course has problems:\n${report(r)}`), first?.line ? { loc: { file: path.join(root, first.file), line: first.line, column: first.column } } : {});
      }
      const locales = Object.keys(r.byLocale);
      const lazy = (module: string) => `() => import(${JSON.stringify(VIRTUAL_LOCALE_PREFIX + module)})`;
      if (id === RESOLVED + VIRTUAL_INDEX) {
        const loaders = locales.map((l) => `${JSON.stringify(l)}: ${lazy(l)}`);
        const pageLoaders = locales.map((l) => `${JSON.stringify(l)}: {${r.byLocale![l].modules.map((m) => `${JSON.stringify(m.id)}: ${lazy(l + PAGES_INFIX + m.id)}`).join(', ')}}`);
        return `export const locales = ${JSON.stringify(locales)};\nexport const loaders = {${loaders.join(', ')}};\nexport const pageLoaders = {${pageLoaders.join(', ')}};\n`;
      }
      const rest = id.slice((RESOLVED + VIRTUAL_LOCALE_PREFIX).length);
      const cut = rest.indexOf(PAGES_INFIX);
      const course = r.byLocale[cut < 0 ? rest : rest.slice(0, cut)];
      if (!course) throw new Error(`no course data for ${id}`);
      // JSON.parse of a string literal parses faster than the same object as JS source.
      const json = (data: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`;
      if (cut >= 0) {
        const module = course.modules.find((m) => m.id === rest.slice(cut + PAGES_INFIX.length));
        if (!module) throw new Error(`no module for ${id}`);
        return json(Object.fromEntries(module.pages.map((p) => [p.key, p.html])));
      }
      return json({ ...course, modules: course.modules.map((m) => ({ ...m, pages: m.pages.map((p) => ({ ...p, html: null })) })) });
    },

    // The first language's course data is needed before anything shows: fetch it alongside the
    // player's code instead of after it has run (one round trip less on a slow service network).
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const first = result?.byLocale ? Object.keys(result.byLocale)[0] : null;
        const chunk = first && Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId === RESOLVED + VIRTUAL_LOCALE_PREFIX + first);
        return chunk ? [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: './' + chunk.fileName }, injectTo: 'head' }] : [];
      },
    },

    generateBundle() {
      for (const [abs, url] of result?.assets ?? []) this.emitFile({ type: 'asset', fileName: url, source: readFileSync(abs) });
    },

    configureServer(dev) {
      server = dev;
      dev.watcher.add([path.join(root, 'course'), path.join(root, 'modules')]);
      const onChange = (file: string) => {
        const relPath = path.relative(root, file);
        if (relPath.startsWith('..') || !/^(course|modules)[\\/]/.test(relPath) || relPath.endsWith('ids.json')) return;
        const r = compile();
        // Every course module (index, data, pages) is stale: a reload must not get old content.
        for (const [id, m] of server!.moduleGraph.idToModuleMap) if (id.startsWith(RESOLVED + VIRTUAL_INDEX)) server!.moduleGraph.invalidateModule(m);
        if (!r.byLocale) {
          const first = sortProblems(errorsIn(r.problems))[0];
          server!.ws.send({
            type: 'error',
            err: {
              message: `The course has problems:\n${report(r)}`,
              stack: '',
              plugin: 'course-content',
              id: first ? path.join(root, first.file) : undefined,
              loc: first?.line ? { file: path.join(root, first.file), line: first.line, column: first.column ?? 1 } : undefined,
            },
          });
          return;
        }
        server!.ws.send({ type: 'custom', event: COURSE_UPDATE_EVENT, data: r.byLocale });
      };
      dev.watcher.on('change', onChange);
      dev.watcher.on('add', onChange);
      dev.watcher.on('unlink', onChange);

      // Images referenced by pages are served from where the author keeps them.
      dev.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\//, '');
        if (!url.startsWith('content/')) return next();
        const r = result ?? compile();
        const abs = [...r.assets].find(([, u]) => u === url)?.[0];
        if (!abs || !existsSync(abs)) return next();
        res.setHeader('Content-Type', abs.endsWith('.svg') ? 'image/svg+xml' : abs.endsWith('.png') ? 'image/png' : 'image/jpeg');
        createReadStream(abs).pipe(res);
      });
    },
  };
}
