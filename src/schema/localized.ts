import { z } from 'zod';

/** A locale code such as "pl" or "en" (optionally with a region, "pt-BR"). */
export const localeCode = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a locale code such as "pl" or "en"');

/**
 * Text in every language of the course: { "pl": "…", "en": "…" }.
 * Which locales must be present is a cross-file rule (course.json's `locales`),
 * checked by the validator so the message can name the missing language.
 */
export const localized = z.record(localeCode, z.string().trim().min(1, 'text must not be empty'));
export type Localized = z.infer<typeof localized>;

/** An id authors choose: lower-case letters, digits and hyphens, e.g. "m2-debt-bondage". */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id uses only lower-case letters, digits and single hyphens, e.g. "m2-debt-bondage"')
  .max(48, 'at most 48 characters, so it fits every LMS field it is copied into');
