import i18next from 'i18next';
import en from './en.json';
import pl from './pl.json';

/** Interface strings. Content comes translated in CourseData; only the player's own words live here. */
export const i18n = i18next.createInstance();

export const uiLocales = ['pl', 'en'];

export function initI18n(locale: string): void {
  i18n.init({
    lng: locale,
    fallbackLng: 'en',
    resources: { pl: { translation: pl }, en: { translation: en } },
    interpolation: { escapeValue: false }, // Preact escapes; html never comes from here
    initAsync: false,
  });
}

export const t: typeof i18n.t = ((...args: Parameters<typeof i18n.t>) => i18n.t(...args)) as typeof i18n.t;

// The course writes British English, so its numbers and dates follow en-GB.
const lang = () => (i18n.language === 'en' ? 'en-GB' : i18n.language);
export const formatPercent = (value: number) =>
  new Intl.NumberFormat(lang(), { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
export const formatNumber = (value: number) => new Intl.NumberFormat(lang()).format(value);
/** "2026-11-28" → "28 listopada 2026" / "28 November 2026"; read as a calendar date, not a UTC instant. */
export const formatDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(lang(), { dateStyle: 'long' }).format(new Date(y, m - 1, d));
};
export const formatMinutes = (minutes: number) =>
  minutes >= 60 ? t('time.hoursMinutes', { h: Math.floor(minutes / 60), m: minutes % 60 }) : t('time.minutes', { count: minutes });
