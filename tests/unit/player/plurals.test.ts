import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../src/player/i18n/en.json';
import pl from '../../../src/player/i18n/pl.json';
import { formatDate, formatMinutes, formatPercent, i18n, initI18n, t } from '../../../src/player/i18n';

beforeAll(() => initI18n('pl'));

describe('Polish plural forms', () => {
  it.each([
    [1, '1 pytanie losowane'],
    [2, '2 pytania losowane'],
    [4, '4 pytania losowane'],
    [5, '5 pytań losowanych'],
    [12, '12 pytań losowanych'],
    [22, '22 pytania losowane'],
    [25, '25 pytań losowanych'],
    [101, '101 pytań losowanych'],
  ])('%i → %s', async (count, expected) => {
    await i18n.changeLanguage('pl');
    expect(t('final.questions', { count })).toMatch(new RegExp(`^${expected}`));
  });

  it.each([
    [1, 'Pozostała 1 próba.'],
    [2, 'Pozostały 2 próby.'],
    [5, 'Pozostało 5 prób.'],
    [0, 'Pozostało 0 prób.'],
  ])('attempts left: %i → %s', async (count, expected) => {
    await i18n.changeLanguage('pl');
    expect(t('final.attemptsLeft', { count })).toBe(expected);
  });

  it.each([
    [1, 'ok. 1 minuta'],
    [3, 'ok. 3 minuty'],
    [15, 'ok. 15 minut'],
    [45, 'ok. 45 minut'],
    [150, 'ok. 2 godz. 30 min'],
  ])('minutes: %i → %s', async (count, expected) => {
    await i18n.changeLanguage('pl');
    expect(formatMinutes(count)).toBe(expected);
  });

  it('has every plural category Intl.PluralRules gives Polish for each counted key', () => {
    const categories = new Intl.PluralRules('pl').resolvedOptions().pluralCategories;
    const keys = Object.entries(pl).flatMap(([group, v]) => Object.keys(v).map((k) => `${group}.${k}`));
    const counted = new Set(keys.filter((k) => /_(one|few|many|other)$/.test(k)).map((k) => k.replace(/_[a-z]+$/, '')));
    for (const key of counted) for (const c of categories) expect(keys).toContain(`${key}_${c}`);
  });
});

describe('English plurals and formats', () => {
  it('uses one/other', async () => {
    await i18n.changeLanguage('en');
    expect(t('final.attemptsLeft', { count: 1 })).toBe('1 attempt left.');
    expect(t('final.attemptsLeft', { count: 3 })).toBe('3 attempts left.');
    expect(formatMinutes(1)).toBe('about 1 minute');
  });

  it('formats percentages and dates for the locale', async () => {
    await i18n.changeLanguage('en');
    expect(formatPercent(85)).toBe('85%');
    expect(formatDate('2026-11-28')).toBe('28 November 2026');
    await i18n.changeLanguage('pl');
    expect(formatPercent(85)).toMatch(/^85\s?%$/);
    expect(formatDate('2026-11-28')).toBe('28 listopada 2026');
  });
});

describe('interface strings', () => {
  it('pl and en have the same keys (plural suffixes aside)', () => {
    const keys = (o: object) =>
      new Set(Object.entries(o).flatMap(([g, v]) => Object.keys(v).map((k) => `${g}.${k.replace(/_(one|few|many|other)$/, '')}`)));
    expect([...keys(pl)].sort()).toEqual([...keys(en)].sort());
  });

  it('every key the player uses exists in both languages', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const path = await import('node:path');
    const dir = path.join(__dirname, '../../../src/player');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const used = new Set(files.flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z-]+)'/g)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(50);
    for (const lng of ['pl', 'en']) {
      await i18n.changeLanguage(lng);
      for (const key of used) expect(i18n.exists(key, { count: 1 }) || i18n.exists(key), `${lng}: ${key}`).toBe(true);
    }
  });
});
