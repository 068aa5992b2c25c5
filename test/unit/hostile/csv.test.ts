/**
 * Huge CSVs: a header of 58 MB is echoed at most ~200 characters in the error; an attribute CSV
 * of 1,000,000 rows naming unknown files is parsed and matched within generous bounds (the dialog
 * shows 10 of them and "and 999,990 more", see test/e2e/import-hostile.e2e.ts); a 50 MB attribute
 * value is refused in the preview already, as applying it would be (values ≤ 10,000 characters,
 * DocumentAttributes).
 */
import { describe, expect, it } from 'vitest';
import { DocumentAttributes } from '../../../src/core';
import { matchAttributeRows, parseAttributesCsv } from '../../../src/formats/attributes-csv';
import { readCsvTable } from '../../../src/formats/csv-table';
import { measure, report } from './generate';

describe('hostile CSVs', () => {
  it('echoes at most ~200 characters of a 58 MB header', async () => {
    const header = `${'x'.repeat(58 * 1024 * 1024)},b`;
    const m = await measure(async () => readCsvTable(`${header}\n1,2\n`, ['document', 'coder']));
    report('CSV, 58 MB header line', m);
    const message = m.value.problems[0]!.message;
    expect(message.length).toBeLessThan(500);
    expect(message).toMatch(/^missing columns document, coder in the header \(found: x{200}… \([\d,]+ more characters\)\)/);
    expect(m.ms).toBeLessThan(20_000);
  });

  it('parses and matches 1,000,000 rows of unknown file names within bounds', async () => {
    const lines = ['file;level'];
    for (let i = 0; i < 1_000_000; i++) lines.push(`okand-${i}.pdf;county`);
    const text = lines.join('\n');
    const m = await measure(async () => matchAttributeRows(parseAttributesCsv(text).rows, [{ id: 'd1', fileName: 'avtal.pdf' }]));
    report('attribute CSV, 1,000,000 unknown file names', m);
    expect(m.value.unknown.length).toBe(1_000_000);
    expect(m.value.matches).toEqual([]);
    expect(m.ms).toBeLessThan(60_000);
    expect(m.rssMB).toBeLessThan(1500);
  });

  it('refuses a 50 MB attribute value in the preview, as applying it would', async () => {
    const value = 'v'.repeat(50 * 1024 * 1024);
    const m = await measure(async () => parseAttributesCsv(`file,title\navtal.pdf,${value}\nannat.pdf,Kort titel\n`));
    report('attribute CSV, one 50 MB value', m);
    expect(m.value.rows.map((r) => r.file)).toEqual(['annat.pdf']);
    expect(m.value.problems).toEqual([{ line: 2, message: 'the value of "title" for "avtal.pdf" is 52,428,800 characters long; at most 10,000' }]);
    // The model's own limit, which applying checks: the same value is refused there.
    expect(DocumentAttributes.safeParse({ title: value }).success).toBe(false);
    expect(DocumentAttributes.safeParse({ title: 'v'.repeat(10_000) }).success).toBe(true);
    expect(m.ms).toBeLessThan(20_000);
  });

  it('refuses a 1,000-character column name in the preview with a short echo', () => {
    const parsed = parseAttributesCsv(`file,${'n'.repeat(1000)}\navtal.pdf,x\n`);
    expect(parsed.problems[0]).toEqual({ line: 1, message: `column 2 has a name of 1,000 characters; at most 64 ("${'n'.repeat(60)}… (940 more characters)")` });
  });
});
