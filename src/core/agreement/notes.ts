/**
 * Notes that explain an undefined or special agreement result ("no unit was coded by two or more
 * coders", "only one coder …"). The statistics return them as a stable `code` with its
 * parameters; `noteMessage` gives the text in Swedish and English, kept here next to the
 * statistics so the app (in the user's language) and the CLI (English; its JSON `notes` stay
 * English strings) say the same thing. Numbers keep their decimal point in both languages.
 */
import type { UserMessage } from '../errors';
import type { Language } from '../model/common';

export type AgreementNote =
  /** Percent agreement, Fleiss' κ, BP, AC1: no unit has two or more values. */
  | { code: 'no-pairable-units' }
  | { code: 'fleiss-one-category' }
  | { code: 'bp-ac1-one-category' }
  | { code: 'se-one-unit' }
  /** Krippendorff's α undefined: fewer than two pairable values. */
  | { code: 'alpha-no-pairable-values' }
  | { code: 'alpha-needs-numbers'; level: 'interval' | 'ratio' }
  | { code: 'alpha-ratio-negative' }
  | { code: 'alpha-no-variation' }
  | { code: 'cohen-no-shared-units' }
  | { code: 'cohen-no-variation' }
  /** Value-based κ weights asked for, but some category is not a number. */
  | { code: 'kappa-weights-need-numbers' }
  | { code: 'one-coder' }
  /** Cohen's κ and Scott's π with more than two coders. */
  | { code: 'two-coder-coefficients'; coders: number }
  /** Share (0–1) of bootstrap resamples in which α was undefined. */
  | { code: 'bootstrap-undefined'; share: number }
  | { code: 'pooled-nominal' }
  /** Unitizing. */
  | { code: 'no-segments' }
  | { code: 'overlapping-codes' }
  | { code: 'alpha-u-undefined'; category: string }
  | { code: 'cu-alpha-undefined' };

export type AgreementNoteCode = AgreementNote['code'];

type Texts = { [C in AgreementNoteCode]: (note: Extract<AgreementNote, { code: C }>) => UserMessage };

const LEVEL_DATA: Record<'interval' | 'ratio', UserMessage> = {
  interval: { sv: 'intervalldata', en: 'interval data' },
  ratio: { sv: 'kvotdata', en: 'ratio data' },
};

/** The texts of every note, in Swedish and English. */
export const AGREEMENT_NOTE_TEXTS: Texts = {
  'no-pairable-units': () => ({
    sv: 'ingen enhet kodades av två eller fler kodare',
    en: 'no unit was coded by two or more coders',
  }),
  'fleiss-one-category': () => ({
    sv: 'Fleiss κ är odefinierad: alla kodare använde en och samma kategori',
    en: "Fleiss' κ is undefined: all coders used one and the same category",
  }),
  'bp-ac1-one-category': () => ({
    sv: 'Brennan–Prediger och AC1 kräver minst två kategorier',
    en: 'Brennan–Prediger and AC1 need at least two categories',
  }),
  'se-one-unit': () => ({
    sv: 'standardfel kräver minst två enheter',
    en: 'standard errors need at least two units',
  }),
  'alpha-no-pairable-values': () => ({
    sv: 'Krippendorffs α är odefinierad: färre än två parbara värden, ingen enhet kodades av två eller fler kodare',
    en: "Krippendorff's α: fewer than two pairable values: no unit was coded by two or more coders",
  }),
  'alpha-needs-numbers': ({ level }) => ({
    sv: `Krippendorffs α är odefinierad: ${LEVEL_DATA[level].sv} kräver numeriska värden`,
    en: `Krippendorff's α: ${LEVEL_DATA[level].en} needs numeric values`,
  }),
  'alpha-ratio-negative': () => ({
    sv: 'Krippendorffs α är odefinierad: kvotdata kräver icke-negativa värden',
    en: "Krippendorff's α: ratio data needs non-negative values",
  }),
  'alpha-no-variation': () => ({
    sv: 'Krippendorffs α är odefinierad: ingen variation, alla parbara värden är lika',
    en: "Krippendorff's α: no variation: all pairable values are the same, so α is undefined",
  }),
  'cohen-no-shared-units': () => ({
    sv: 'Cohens κ är odefinierad: ingen enhet kodades av båda kodarna',
    en: "Cohen's κ: no unit was coded by both coders",
  }),
  'cohen-no-variation': () => ({
    sv: 'Cohens κ är odefinierad: ingen variation, den slumpförväntade överensstämmelsen är 1',
    en: "Cohen's κ: no variation: chance agreement is 1, so κ is undefined",
  }),
  'kappa-weights-need-numbers': () => ({
    sv: 'viktad Cohens κ på värdenas avstånd kräver numeriska värden',
    en: "Cohen's κ weighted by the values' distances needs numeric values",
  }),
  'one-coder': () => ({
    sv: 'bara en kodare: överensstämmelse kräver minst två kodare',
    en: 'only one coder: agreement needs at least two',
  }),
  'two-coder-coefficients': ({ coders }) => ({
    sv: `Cohens κ och Scotts π är definierade för två kodare; ${coders} kodade (se Fleiss κ och α)`,
    en: `Cohen's κ and Scott's π are defined for two coders; ${coders} coded (see Fleiss' κ and α)`,
  }),
  'bootstrap-undefined': ({ share }) => ({
    sv: `α var odefinierad i ${(share * 100).toFixed(1)} % av bootstrapurvalen (ingen variation); de räknas inte med`,
    en: `α was undefined in ${(share * 100).toFixed(1)}% of bootstrap samples (no variation); they are left out`,
  }),
  'pooled-nominal': () => ({
    sv: 'sammantaget över variablerna med nominal mätnivå och oviktad κ: avstånd mellan värden i olika variabler är inte definierade',
    en: 'pooled over variables with the nominal metric and unweighted κ: distances between values of different variables are not defined',
  }),
  'no-segments': () => ({
    sv: 'inga markeringar',
    en: 'no segments',
  }),
  'overlapping-codes': () => ({
    sv: 'några kodare markerade överlappande textavsnitt med olika koder; de positionerna räknas som den kombinerade koden',
    en: 'some coders marked overlapping passages with different codes; those positions count as the combined code',
  }),
  'alpha-u-undefined': ({ category }) => ({
    sv: `α_U för "${category}" är odefinierad: ingen variation`,
    en: `α_U for "${category}" is undefined: no variation`,
  }),
  'cu-alpha-undefined': () => ({
    sv: 'cuα är odefinierad: inget textavsnitt markerades av två eller fler kodare med olika koder',
    en: 'cuα is undefined: no stretch was marked by two or more coders with varying codes',
  }),
};

/** A note's text in Swedish and English. */
export function noteMessage(note: AgreementNote): UserMessage {
  return (AGREEMENT_NOTE_TEXTS[note.code] as (n: AgreementNote) => UserMessage)(note);
}

/** A note's text in one language. */
export function noteText(note: AgreementNote, lang: Language): string {
  return noteMessage(note)[lang];
}

/** Notes as English strings: the CLI's output and its JSON contract (`"notes": [string, …]`). */
export function notesInEnglish(notes: readonly AgreementNote[]): string[] {
  return notes.map((note) => noteText(note, 'en'));
}
