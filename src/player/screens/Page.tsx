import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageData } from '../../schema/courseData';
import { usePlayer } from '../context';
import { loadModulePages } from '../courseSource';
import { t } from '../i18n';
import { KnowledgeCheck } from '../questions/KnowledgeCheck';
import { PrevNext } from './PrevNext';

const CHECK_RE = /<div class="kc" data-question="([^"]+)"><\/div>/;

export function findPage(course: ReturnType<typeof usePlayer>['course'], key: string): PageData | undefined {
  return [...course.coursePages, ...course.modules.flatMap((m) => m.pages)].find((p) => p.key === key);
}

export function PageScreen({ pageKey, prev, next }: { pageKey: string; prev: string | null; next: string | null }) {
  const { course } = usePlayer();
  const page = findPage(course, pageKey);
  if (!page) return <NotFound />;
  const module = course.modules.find((m) => m.id === page.module);
  const isJobAid = page.module === 'course' && page.id === course.jobAid;
  // Course pages count like the course flow counts them: the job aid stands apart.
  const pages = module?.pages ?? course.coursePages.filter((p) => p.id !== course.jobAid && p.id !== course.accessibilityPage);
  const index = pages.indexOf(page);
  return (
    <article class="page">
      <p class="eyebrow no-print">
        {module ? module.title : t('nav.course')}
        {index >= 0 && ` · ${t('page.xOfY', { x: index + 1, y: pages.length })}`}
      </p>
      <h1 tabIndex={-1}>{page.title}</h1>
      {isJobAid && (
        <p class="no-print">
          <button type="button" class="btn" onClick={() => window.print()}>
            {t('complete.printJobAid')}
          </button>
        </p>
      )}
      <PageContent page={page} next={next} />
      {!isJobAid && <PrevNext prev={prev} next={next} />}
    </article>
  );
}

/**
 * A page's text: at once when the course data carries it, else from its module's chunk (a moment on
 * a slow network; the heading is already there). Then the next page's module is fetched ahead.
 */
export function PageContent({ page, next = null }: { page: PageData; next?: string | null }) {
  const { course } = usePlayer();
  const locale = course.locale;
  const [loaded, setLoaded] = useState<{ key: string; html: string } | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const key = `${locale}:${page.key}`;
  const html = page.html ?? (loaded?.key === key ? loaded.html : null);

  useEffect(() => {
    if (html !== null) return;
    let live = true;
    setFailed(false);
    loadModulePages(locale, page.module).then(
      (pages) => live && setLoaded({ key, html: pages[page.key] ?? '' }),
      () => live && setFailed(true),
    );
    return () => void (live = false);
  }, [key, html === null, attempt]);

  useEffect(() => {
    // The module the learner goes to next: the next page's, or after a module's last page (its quiz
    // comes next) the following module's, so its first page shows without waiting.
    const following = course.modules[course.modules.findIndex((m) => m.id === page.module) + 1]?.id ?? null;
    const ahead = next?.startsWith('page/') ? next.split('/')[1] : following;
    if (html === null || !ahead || ahead === 'course' || ahead === page.module) return;
    const timer = setTimeout(() => loadModulePages(locale, ahead).catch(() => {}), 1000);
    return () => clearTimeout(timer);
  }, [key, html === null, next]);

  if (html !== null) return <PageBody html={html} />;
  return failed ? (
    <p class="notice" role="alert">
      {t('page.loadFailed')}{' '}
      <button type="button" class="btn secondary" onClick={() => setAttempt(attempt + 1)}>
        {t('page.retry')}
      </button>
    </p>
  ) : (
    <p class="loading" role="status">
      {t('page.loading')}
    </p>
  );
}

/** Compiled page HTML brought to life: knowledge checks mounted in place, glossary terms explained on focus or click. */
export function PageBody({ html }: { html: string }) {
  const { course } = usePlayer();
  const ref = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<{ id: string; top: number; left: number } | null>(null);
  const parts = html.split(CHECK_RE);

  useEffect(() => {
    const root = ref.current!;
    let shown: HTMLElement | null = null;
    const show = (el: HTMLElement) => {
      hide();
      const box = root.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      shown = el;
      el.setAttribute('aria-expanded', 'true');
      el.setAttribute('aria-describedby', 'term-tip');
      setTip({ id: el.dataset.term!, top: r.bottom - box.top + 6, left: Math.max(0, Math.min(r.left - box.left, box.width - 320)) });
    };
    const hide = () => {
      shown?.setAttribute('aria-expanded', 'false');
      shown?.removeAttribute('aria-describedby');
      shown = null;
      setTip(null);
    };
    const term = (e: Event) => (e.target as HTMLElement).closest?.<HTMLElement>('button.term');
    const onFocus = (e: Event) => term(e) && show(term(e)!);
    const onClick = (e: Event) => {
      const el = term(e);
      if (el) show(el);
      else hide();
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && shown && hide();
    const onBlur = (e: FocusEvent) => term(e) && hide();
    root.addEventListener('focusin', onFocus);
    root.addEventListener('focusout', onBlur);
    root.addEventListener('click', onClick);
    document.addEventListener('keydown', onKey);
    return () => {
      root.removeEventListener('focusin', onFocus);
      root.removeEventListener('focusout', onBlur);
      root.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKey);
    };
  }, [html]);

  const entry = tip && course.glossary.find((g) => g.id === tip.id);
  return (
    <div class="content" ref={ref}>
      {parts.map((part, i) =>
        i % 2 ? <KnowledgeCheck key={part} id={part} /> : part.trim() && <div key={i} dangerouslySetInnerHTML={{ __html: part }} />,
      )}
      <div id="term-tip" role="tooltip" class="term-tip" hidden={!entry} style={tip ? { top: `${tip.top}px`, left: `${tip.left}px` } : undefined}>
        {entry && (
          <>
            <strong>{entry.term}</strong> <span dangerouslySetInnerHTML={{ __html: entry.definition }} />
          </>
        )}
      </div>
    </div>
  );
}

export function NotFound() {
  return (
    <>
      <h1 tabIndex={-1}>{t('nav.notFound')}</h1>
      <p>
        <a href="#/menu">{t('nav.toMenu')}</a>
      </p>
    </>
  );
}
