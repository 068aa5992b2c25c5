// The reliability table's notes per row (renderer/views/reliability/row-notes.ts): notes about a
// coefficient without a column are left out, the most telling note comes first. The note lists
// are what src/core/agreement gives a variable judged on one unit by two coders who agree.
import { describe, expect, it } from 'vitest';
import type { AgreementNote } from '../../src/core/agreement';
import { rowNotes } from '../../renderer/views/reliability/row-notes';

const oneUnit: AgreementNote[] = [{ code: 'se-one-unit' }, { code: 'fleiss-one-category' }, { code: 'cohen-no-variation' }, { code: 'alpha-no-variation' }];

describe('rowNotes', () => {
  it('drops the Fleiss note when two coders are compared (no Fleiss column), and puts α first', () => {
    expect(rowNotes(oneUnit, 2).map((n) => n.code)).toEqual(['alpha-no-variation', 'cohen-no-variation', 'se-one-unit']);
  });

  it('drops the Cohen notes with three coders (no κ column), keeping Fleiss', () => {
    expect(rowNotes([...oneUnit, { code: 'two-coder-coefficients', coders: 3 }], 3).map((n) => n.code)).toEqual(['alpha-no-variation', 'fleiss-one-category', 'se-one-unit', 'two-coder-coefficients']);
  });

  it('lists a repeated note once', () => {
    expect(rowNotes([{ code: 'se-one-unit' }, { code: 'se-one-unit' }], 2)).toEqual([{ code: 'se-one-unit' }]);
  });
});
