// The notes that explain undefined agreement results: every note the statistics can give has a
// Swedish and an English text (the app shows the UI language, the CLI English), and the English
// texts are the ones the CLI has always printed.
import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_NOTE_TEXTS,
  agreementReport,
  noteMessage,
  noteText,
  notesInEnglish,
  unitizingAgreement,
  type AgreementNote,
  type AgreementNoteCode,
  type LongCoding,
  type UnitSegment,
} from '../../../../src/core/agreement';

const long = (rows: [string, string, string | null][], variable = 'v'): LongCoding[] => rows.map(([document, coder, value]) => ({ document, coder, variable, value }));
const seg = (coder: string, code: string, start: number, end: number, document = 'd'): UnitSegment => ({ document, coder, code, start, end });

/** Data that makes the statistics give each kind of note. */
function notesFromStatistics(): AgreementNote[] {
  const same = long([['d1', 'A', '1'], ['d1', 'B', '1']]);
  return [
    // One unit, one value used, only that category known: Fleiss' κ, BP/AC1, SEs, α and κ undefined.
    ...agreementReport(same, { categoryOrder: new Map([['v', ['1']]]) }).variables[0]!.notes,
    // No document coded by both: no pairable units; Cohen's κ has no shared units.
    ...agreementReport(long([['d1', 'A', 'Ja'], ['d2', 'B', 'Nej']])).variables[0]!.notes,
    ...agreementReport(long([['d1', 'A', 'Ja'], ['d2', 'A', 'Nej']])).variables[0]!.notes,
    ...agreementReport(long([['d1', 'A', 'Ja'], ['d1', 'B', 'Ja'], ['d1', 'C', 'Nej']])).variables[0]!.notes,
    ...agreementReport(long([['d1', 'A', '-1'], ['d1', 'B', '2'], ['d2', 'A', '3'], ['d2', 'B', '3']]), { level: 'ratio' }).variables[0]!.notes,
    ...(() => {
      const report = agreementReport(long([['d1', 'A', 'a'], ['d1', 'B', 'b'], ['d2', 'A', 'a'], ['d2', 'B', 'a']]), { level: 'interval' });
      return [...report.variables[0]!.notes, ...report.pooled.notes];
    })(),
    // Value-based κ weights on labels.
    ...agreementReport(long([['d1', 'A', 'Ja'], ['d1', 'B', 'Nej'], ['d2', 'A', 'Nej'], ['d2', 'B', 'Nej']]), { weights: 'linear', weightScale: 'value' }).variables[0]!.notes,
    // Three units, one disagreement: some bootstrap resamples have no variation.
    ...agreementReport(long([['d1', 'A', '1'], ['d1', 'B', '1'], ['d2', 'A', '1'], ['d2', 'B', '2'], ['d3', 'A', '1'], ['d3', 'B', '1']]), { bootstrap: 200, seed: 1 }).variables[0]!.notes,
    ...unitizingAgreement([], new Map([['d', 10]])).notes,
    ...unitizingAgreement([seg('A', 'x', 0, 4)], new Map([['d', 10]])).notes,
    // Identical marks: cuα has no variation; "y" lies in a document without a length: α_U undefined.
    ...unitizingAgreement([seg('A', 'x', 0, 4), seg('B', 'x', 0, 4), seg('A', 'y', 0, 3, 'e'), seg('B', 'y', 0, 2, 'e')], new Map([['d', 10]])).notes,
    ...unitizingAgreement([seg('A', 'x', 0, 4), seg('A', 'y', 2, 6), seg('B', 'x', 0, 6)], new Map([['d', 10]])).notes,
  ];
}

describe('agreement notes', () => {
  const produced = notesFromStatistics();

  it('the statistics give every kind of note there is', () => {
    expect([...new Set(produced.map((n) => n.code))].sort()).toEqual((Object.keys(AGREEMENT_NOTE_TEXTS) as AgreementNoteCode[]).sort());
  });

  it('every note has a Swedish and an English text, and they differ', () => {
    for (const note of produced) {
      const { sv, en } = noteMessage(note);
      expect(sv.trim(), note.code).not.toBe('');
      expect(en.trim(), note.code).not.toBe('');
      expect(sv, note.code).not.toBe(en);
      expect(`${sv} ${en}`, note.code).not.toMatch(/NaN|Infinity|\[object|\$\{|"undefined"/);
      // No English words left in the Swedish text, no Swedish letters in the English one.
      expect(sv, note.code).not.toMatch(/\b(the|no|is|are|coders?|units?|needs?|only|undefined|values?|with|of)\b/i);
      expect(en, note.code).not.toMatch(/[åäöÅÄÖ]/);
    }
  });

  it('keeps the English texts the CLI printed, and says the same in Swedish', () => {
    const text = (note: AgreementNote) => [noteText(note, 'en'), noteText(note, 'sv')];
    expect(text({ code: 'no-pairable-units' })).toEqual(['no unit was coded by two or more coders', 'ingen enhet kodades av två eller fler kodare']);
    expect(text({ code: 'fleiss-one-category' })).toEqual(["Fleiss' κ is undefined: all coders used one and the same category", 'Fleiss κ är odefinierad: alla kodare använde en och samma kategori']);
    expect(text({ code: 'alpha-no-pairable-values' })[0]).toBe("Krippendorff's α: fewer than two pairable values: no unit was coded by two or more coders");
    expect(text({ code: 'alpha-needs-numbers', level: 'ratio' })).toEqual(["Krippendorff's α: ratio data needs numeric values", 'Krippendorffs α är odefinierad: kvotdata kräver numeriska värden']);
    expect(text({ code: 'cohen-no-variation' })[0]).toBe("Cohen's κ: no variation: chance agreement is 1, so κ is undefined");
    expect(text({ code: 'two-coder-coefficients', coders: 4 })[0]).toBe("Cohen's κ and Scott's π are defined for two coders; 4 coded (see Fleiss' κ and α)");
    // Decimal points stay as they are in both languages.
    expect(text({ code: 'bootstrap-undefined', share: 0.125 })).toEqual([
      'α was undefined in 12.5% of bootstrap samples (no variation); they are left out',
      'α var odefinierad i 12.5 % av bootstrapurvalen (ingen variation); de räknas inte med',
    ]);
    expect(text({ code: 'alpha-u-undefined', category: 'Spel: Ja' })).toEqual(['α_U for "Spel: Ja" is undefined: no variation', 'α_U för "Spel: Ja" är odefinierad: ingen variation']);
    expect(text({ code: 'cu-alpha-undefined' })).toEqual([
      'cuα is undefined: no stretch was marked by two or more coders with varying codes',
      'cuα är odefinierad: inget textavsnitt markerades av två eller fler kodare med olika koder',
    ]);
  });

  it('gives the CLI English strings', () => {
    const notes = agreementReport(long([['d1', 'A', 'Ja'], ['d2', 'A', 'Nej']])).variables[0]!.notes;
    expect(notesInEnglish(notes)).toEqual(['no unit was coded by two or more coders', "Krippendorff's α: fewer than two pairable values: no unit was coded by two or more coders", 'only one coder: agreement needs at least two']);
  });
});
