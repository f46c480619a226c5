/**
 * Deterministic filler text for the synthetic courses of the build-scaling bench: Polish (with its
 * diacritics, which change UTF-8 and escaping costs) and English, in sentences of realistic length.
 * The same seed always gives the same course, so runs compare like with like.
 */

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for filler. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
export const between = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const WORDS = {
  pl: 'funkcjonariusz straży granicznej osoba pokrzywdzona pracodawca dokument tożsamości paszport umowa wynagrodzenie dług zakwaterowanie kontrola legalności zatrudnienia cudzoziemiec przesłuchanie rozmowa wskaźnik pracy przymusowej przemoc groźba izolacja zależność zaufanie pomoc wsparcie koordynator procedura zgłoszenie prokurator policja inspekcja pracy organizacja pozarządowa tłumacz bezpieczeństwo schronienie świadczenie okres do namysłu zeznanie dowód notatka służbowa przejście graniczne odprawa lotnisko autokar agencja pośrednictwa rekrutacja oszustwo wyzysk niewola przepis kodeks karny ustawa dyrektywa konwencja protokół ochrona małoletni rodzina język kraj pochodzenia'.split(' '),
  en: 'officer border guard person victim employer identity document passport contract wages debt accommodation inspection legality employment foreigner interview conversation indicator forced labour violence threat isolation dependence trust help support coordinator procedure report prosecutor police labour inspectorate organisation interpreter safety shelter benefit reflection period statement evidence service note border crossing check airport coach agency recruitment fraud exploitation servitude provision criminal code act directive convention protocol protection minor family language country origin'.split(' '),
} as const;

const JOIN = {
  pl: ['i', 'oraz', 'a także', 'lub', 'ponieważ', 'gdy', 'jeżeli', 'który', 'w przypadku', 'zgodnie z', 'na podstawie', 'bez'],
  en: ['and', 'as well as', 'or', 'because', 'when', 'if', 'which', 'in the case of', 'under', 'on the basis of', 'without', 'with'],
} as const;

export type Locale = 'pl' | 'en';

export function words(r: Rng, locale: Locale, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(i > 0 && r() < 0.18 ? pick(r, JOIN[locale]) : pick(r, WORDS[locale]));
  return out.join(' ');
}

export function sentence(r: Rng, locale: Locale, lo = 8, hi = 22): string {
  const s = words(r, locale, between(r, lo, hi));
  return s[0].toLocaleUpperCase(locale) + s.slice(1) + (r() < 0.1 ? '?' : '.');
}

export function title(r: Rng, locale: Locale): string {
  const s = words(r, locale, between(r, 3, 7));
  return s[0].toLocaleUpperCase(locale) + s.slice(1);
}

export function paragraph(r: Rng, locale: Locale, sentences = between(r, 3, 6)): string {
  return Array.from({ length: sentences }, () => sentence(r, locale)).join(' ');
}
