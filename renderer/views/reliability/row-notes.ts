/**
 * The notes of one row of the reliability table as the table shows them: only notes about
 * coefficients that have a column (no Fleiss note with two coders, no Cohen note with more), the
 * most telling one first — why the numbers are undefined before how standard errors or weights
 * were affected — so the row shows one short line and the rest on demand.
 */
import type { AgreementNote, AgreementNoteCode } from '../../../src/core/agreement';

/** Notes about a coefficient whose column is shown only with two coders, or only with more. */
const TWO_CODERS_ONLY: ReadonlySet<AgreementNoteCode> = new Set(['cohen-no-shared-units', 'cohen-no-variation', 'kappa-weights-need-numbers']);
const MORE_CODERS_ONLY: ReadonlySet<AgreementNoteCode> = new Set(['fleiss-one-category', 'two-coder-coefficients']);

/** Most telling first; codes not listed come after these, in their own order. */
const PRIORITY: readonly AgreementNoteCode[] = [
  'one-coder',
  'no-pairable-units',
  'alpha-no-pairable-values',
  'alpha-no-variation',
  'cohen-no-variation',
  'fleiss-one-category',
  'cohen-no-shared-units',
  'alpha-needs-numbers',
  'alpha-ratio-negative',
  'kappa-weights-need-numbers',
  'bp-ac1-one-category',
  'se-one-unit',
  'bootstrap-undefined',
  'two-coder-coefficients',
  'pooled-nominal',
];

export function rowNotes(notes: readonly AgreementNote[], coders: number): AgreementNote[] {
  const hidden = coders === 2 ? MORE_CODERS_ONLY : TWO_CODERS_ONLY;
  const rank = (n: AgreementNote) => {
    const i = PRIORITY.indexOf(n.code);
    return i === -1 ? PRIORITY.length : i;
  };
  const seen = new Set<string>();
  return notes
    .filter((n) => !hidden.has(n.code))
    .filter((n) => {
      const key = JSON.stringify(n);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((n, i) => ({ n, i }))
    .sort((a, b) => rank(a.n) - rank(b.n) || a.i - b.i)
    .map(({ n }) => n);
}
