import { usePlayer } from './context';
import { t } from './i18n';

/** One button per course language, each named in its own language. */
export function LanguageSwitch() {
  const { course, state, setLocale } = usePlayer();
  const current = state.locale ?? course.locale;
  if (course.locales.length < 2) return null;
  return (
    <div class="langs" role="group" aria-label={t('lang.label')}>
      {course.locales.map((l) => (
        <button type="button" class="lang" lang={l} aria-pressed={l === current} onClick={() => setLocale(l)}>
          {course.localeNames[l] ?? l}
        </button>
      ))}
    </div>
  );
}
