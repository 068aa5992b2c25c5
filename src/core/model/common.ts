/**
 * Shared building blocks of the data model: identifiers, timestamps and bilingual text.
 * UI text is Swedish first, English second; stored labels follow the same rule so a
 * codebook made from the Vårdanalys template keeps the report's exact Swedish labels.
 */
import { z } from 'zod';

/** Identifier: a UUID for things the app creates, or a stable slug for shipped templates. */
export const Id = z
  .string()
  .min(1, 'id must not be empty')
  .max(200)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'id may only contain letters, digits and _ . : -');
export type Id = z.infer<typeof Id>;

/** Milliseconds since the epoch. */
export const Timestamp = z.number().int().nonnegative();

/** A key usable as a column name in exports (R, SPSS, Stata): letters, digits, underscore. */
export const Key = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'key must start with a letter and contain only A–Z, a–z, 0–9 and _ (max 64)');

export const Language = z.enum(['sv', 'en']);
export type Language = z.infer<typeof Language>;

/** Text in Swedish and/or English; at least one of them must be non-empty. */
export const LocalizedText = z
  .object({ sv: z.string().optional(), en: z.string().optional() })
  .strict()
  .refine((t) => Boolean(t.sv?.trim() || t.en?.trim()), {
    message: 'text needs Swedish (sv) or English (en)',
  });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Optional longer text (definitions, rules); may be empty in both languages. */
export const LocalizedNote = z.object({ sv: z.string().optional(), en: z.string().optional() }).strict();
export type LocalizedNote = z.infer<typeof LocalizedNote>;

/** Pick the text for a language, falling back to the other language. */
export function localize(text: LocalizedNote | undefined, lang: Language): string {
  if (!text) return '';
  const first = lang === 'sv' ? text.sv : text.en;
  const second = lang === 'sv' ? text.en : text.sv;
  return first?.trim() ? first : (second ?? '');
}

export const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb');

export function newId(): string {
  return globalThis.crypto.randomUUID();
}
