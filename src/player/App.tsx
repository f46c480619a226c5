import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CourseData } from '../schema/courseData';
import type { LearnerState } from '../schema/learnerState';
import type { InteractionEvent, LaunchData, SaveStatus, Tracker } from '../tracking/tracker';
import { PlayerContext, type Player } from './context';
import { LanguageSwitch } from './LanguageSwitch';
import { t } from './i18n';
import { computeResult, courseFlow, finalProgress, isLocked, passingScore } from './progress';
import { FinalScreen, QuizScreen } from './screens/Assessment';
import { CompleteScreen } from './screens/Complete';
import { MenuScreen } from './screens/Menu';
import { PageScreen } from './screens/Page';
import { GlossaryScreen, HelpScreen, SourcesScreen } from './screens/Reference';
import { StartScreen } from './screens/Start';
import { shortcutsOn } from './shortcuts';

export interface AppProps {
  course: CourseData;
  tracker: Tracker;
  launch: LaunchData;
  initialState: LearnerState;
  onLocale(locale: string): void;
}

const routeFromHash = () => decodeURIComponent(location.hash.replace(/^#\/?/, ''));

export function App({ course, tracker, launch, initialState, onLocale }: AppProps) {
  const [state, setState] = useState(initialState);
  const [route, setRoute] = useState(routeFromHash);
  const [message, setMessage] = useState('');
  const [saveStatus, setSaveStatus] = useState<SaveStatus>('saved');
  const [ended, setEnded] = useState(false);
  const [confirmExit, setConfirmExit] = useState(false);
  const stateRef = useRef(state);
  const finished = useRef(false);

  const passing = passingScore(course, launch.masteryScore);
  const result = useMemo(() => computeResult(course, state, launch.masteryScore), [course, state, launch.masteryScore]);
  const reviewing =
    launch.mode !== 'normal' || !!state.completedOn || finalProgress(course, state, passing).failed;

  const commit = (next: LearnerState) => {
    const r = computeResult(course, next, launch.masteryScore);
    if (r.completion === 'completed' && r.success !== 'failed' && !next.completedOn) {
      const d = new Date();
      next.completedOn = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    }
    stateRef.current = next;
    setState(next);
    if (!finished.current) tracker.update(next, r);
  };

  const finish = () => {
    if (finished.current) return;
    tracker.flush();
    tracker.finish();
    finished.current = true;
  };

  const player: Player = {
    course,
    state,
    launch,
    result,
    passing,
    reviewing,
    change(mutate) {
      if (reviewing) return;
      const next = structuredClone(stateRef.current);
      mutate(next);
      commit(next);
    },
    record(event: InteractionEvent) {
      if (!reviewing && !finished.current) tracker.interaction(event);
    },
    announce(text) {
      // Clearing first makes a repeated message be read again.
      setMessage('');
      setTimeout(() => setMessage(text), 50);
    },
    go(to) {
      location.hash = `#/${to}`;
    },
    setLocale(locale) {
      if (locale === stateRef.current.locale) return;
      const next = { ...stateRef.current, locale };
      stateRef.current = next;
      setState(next);
      // Only the language changes: it is saved even in review, it does not touch the result.
      if (!finished.current) tracker.update(next, computeResult(course, next, launch.masteryScore));
      onLocale(locale);
    },
  };

  // Saving when the page is hidden or closed is the tracking layer's job (createTracker): it runs for
  // any player and before this one's handlers could.
  // A page the browser kept in its back/forward cache comes back after pagehide has ended the LMS
  // session: nothing done now could be saved, so say so instead of letting the learner carry on.
  useEffect(() => {
    const onShow = (e: PageTransitionEvent) => {
      if (!e.persisted) return;
      finished.current = true;
      setEnded(true);
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, []);

  useEffect(() => {
    const onHash = () => {
      const to = routeFromHash();
      setRoute(to);
      // At once, not after the next render: a window closed right after a click still saves the new place.
      remember.current(to);
    };
    window.addEventListener('hashchange', onHash);
    const stop = tracker.onSaveStatus(setSaveStatus);
    return () => {
      window.removeEventListener('hashchange', onHash);
      stop();
    };
  }, [tracker]);

  const flow = courseFlow(course);
  const flowIndex = flow.indexOf(route);
  const prev = flowIndex > 0 ? flow[flowIndex - 1] : null;
  const next = flowIndex >= 0 && flowIndex < flow.length - 1 ? flow[flowIndex + 1] : null;
  const locked = isLocked(course, state, route, passing);

  // Where the learner is (and the page seen), for resume and completion.
  const remember = useRef((_to: string) => {});
  remember.current = (to: string) => {
    if (!to || to === stateRef.current.location || finished.current || isLocked(course, stateRef.current, to, passing)) return;
    const next = { ...stateRef.current, location: to };
    const [kind, ...rest] = to.split('/');
    const key = rest.join('/');
    if (kind === 'page' && !reviewing && !next.seen.includes(key)) next.seen = [...next.seen, key];
    commit(next);
  };

  // Every screen change: remember where the learner is, and bring focus and reading to the new heading.
  const firstRoute = useRef(true);
  useEffect(() => {
    if (locked) {
      player.announce(t('nav.locked'));
      player.go('menu');
      return;
    }
    remember.current(route);
    if (firstRoute.current) firstRoute.current = false;
    else {
      window.scrollTo(0, 0);
      document.querySelector<HTMLElement>('main h1')?.focus();
    }
  }, [route, locked]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || e.isComposing || !shortcutsOn()) return;
      if (target.closest('input, select, textarea, [contenteditable]:not([contenteditable="false"])')) return;
      const key = e.key.toLowerCase();
      const to = key === 'n' ? next : key === 'p' ? prev : key === 'm' ? 'menu' : key === 'g' ? 'glossary' : null;
      if (!to || (to === next && (!next || isLocked(course, stateRef.current, next, passing)))) return;
      e.preventDefault();
      player.go(to);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    document.title = course.title;
  }, [course]);
  useEffect(() => {
    if (confirmExit) document.getElementById('exit-yes')?.focus();
  }, [confirmExit]);

  const [kind, a, b] = route.split('/');
  let screen;
  if (ended) screen = <Ended />;
  else if (kind === 'menu') screen = <MenuScreen />;
  else if (kind === 'page' && a === 'course' && b && b === course.accessibilityPage) screen = <HelpScreen />;
  else if (kind === 'page' && a && b) screen = <PageScreen pageKey={`${a}/${b}`} prev={prev} next={next} />;
  else if (kind === 'quiz' && a) screen = <QuizScreen moduleId={a} next={next} />;
  else if (kind === 'final') screen = <FinalScreen />;
  else if (kind === 'complete') screen = <CompleteScreen />;
  else if (kind === 'glossary') screen = <GlossaryScreen />;
  else if (kind === 'sources') screen = <SourcesScreen />;
  else if (kind === 'help') screen = <HelpScreen />;
  else screen = <StartScreen />;

  const percent = Math.round(result.progress * 100);
  return (
    <PlayerContext.Provider value={player}>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.querySelector<HTMLElement>('main h1')?.focus())}>
        {t('nav.skip')}
      </a>
      <header class="top no-print">
        <div class="bar">
          <a class="brand" href="#/menu">
            {course.title}
          </a>
          <LanguageSwitch />
        </div>
        <div class="progress-row">
          <div class="progress" role="progressbar" aria-label={t('progress.course')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <div style={{ width: `${percent}%` }} />
          </div>
          <span class="progress-text">{t('progress.percent', { value: percent })}</span>
        </div>
        <nav aria-label={t('nav.main')}>
          <ul class="nav">
            <li><a href="#/menu" aria-current={kind === 'menu' ? 'page' : undefined}>{t('nav.menu')}</a></li>
            <li><a href="#/glossary" aria-current={kind === 'glossary' ? 'page' : undefined}>{t('nav.glossary')}</a></li>
            <li><a href="#/sources" aria-current={kind === 'sources' ? 'page' : undefined}>{t('nav.sources')}</a></li>
            <li><a href="#/help" aria-current={kind === 'help' ? 'page' : undefined}>{t('nav.help')}</a></li>
          </ul>
        </nav>
        {(saveStatus === 'delayed' || saveStatus === 'not-reported' || launch.mode !== 'normal') && (
          <div class="notices">
            {saveStatus === 'delayed' && <p class="notice">{t('save.delayed')}</p>}
            {saveStatus === 'not-reported' && <p class="notice">{t('save.notReported')}</p>}
            {launch.mode !== 'normal' && <p class="notice">{t('review.lms')}</p>}
          </div>
        )}
      </header>
      <main id="main">{screen}</main>
      <footer class="foot no-print">
        <div>
          <p>
            {course.publisher.name}
            {course.publisher.funding && <span class="funding"> {course.publisher.funding}</span>}
          </p>
          {!ended && !confirmExit && (
            <button type="button" class="btn secondary" onClick={() => setConfirmExit(true)}>
              {t('nav.exit')}
            </button>
          )}
          {!ended && confirmExit && (
            // Ending the LMS session cannot be undone: ask once, inline (dialogs may be blocked in an LMS frame).
            <div class="actions" role="group" aria-labelledby="exit-q">
              <p id="exit-q">{t('exit.confirm')}</p>
              <button type="button" class="btn" id="exit-yes" onClick={() => (finish(), setEnded(true), setConfirmExit(false))}>
                {t('nav.exit')}
              </button>
              <button type="button" class="btn secondary" onClick={() => setConfirmExit(false)}>
                {t('exit.cancel')}
              </button>
            </div>
          )}
        </div>
      </footer>
      <div class="sr-only" aria-live="polite" role="status">
        {message}
      </div>
    </PlayerContext.Provider>
  );
}

function Ended() {
  return (
    <>
      <h1 tabIndex={-1}>{t('exit.title')}</h1>
      <p>{t('exit.body')}</p>
    </>
  );
}
