import { render } from 'preact';
import { emptyLearnerState } from '../schema/learnerState';
import { createTracker } from '../tracking/createTracker';
import { App } from './App';
import { withMarks } from './assessment/marks';
import { courseLocales, loadCourseData, onCourseUpdate } from './courseSource';
import { i18n, initI18n } from './i18n';

// Marks for the start-up bench (performance.getEntriesByType('mark')): where the time before the start screen goes.
const mark = (name: string) => performance.mark?.(`course:${name}`);

async function start() {
  mark('script');
  const root = document.getElementById('app')!;
  let course = await loadCourseData(courseLocales[0]);
  mark('data');
  const tracker = createTracker(course);
  const launch = tracker.start();
  mark('lms');
  const saved = launch.state ?? emptyLearnerState();
  const locale = saved.locale && courseLocales.includes(saved.locale) ? saved.locale : courseLocales[0];
  if (locale !== course.locale) course = await loadCourseData(locale);
  const state = withMarks(course, saved);
  mark('state');
  initI18n(locale);
  mark('i18n');
  document.documentElement.lang = locale;

  const show = () =>
    render(<App course={course} tracker={tracker} launch={launch} initialState={state} onLocale={switchLocale} />, root);
  // Content language follows the interface language; the learner's state is untouched by the switch.
  async function switchLocale(next: string) {
    course = await loadCourseData(next);
    await i18n.changeLanguage(next);
    document.documentElement.lang = next;
    show();
  }
  onCourseUpdate((byLocale) => {
    course = byLocale[course.locale] ?? course;
    show();
  });
  show();
  mark('shown');
}

start().catch((error) => {
  console.error(error);
  const root = document.getElementById('app')!;
  root.textContent = document.documentElement.lang === 'en' ? 'The course could not start. Please reload the page.' : 'Nie udało się uruchomić kursu. Odśwież stronę.';
});
