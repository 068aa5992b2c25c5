// The reliability table as CSV and XLSX: the CLI's columns, labels and notes in the chosen
// language, numbers read back. Expected values: the two-coder case computed by hand below.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { agreementReport } from '../../../src/core/agreement';
import { AGREEMENT_COLUMNS, agreementCsv, agreementXlsx } from '../../../src/formats/agreement-export';

// Anna: Ja, Ja, Nej; Bertil: Ja, Nej, Nej on LVM. By hand: p_o = 2/3; κ = (2/3 − 4/9)/(5/9) = 0.4;
// π: average marginals ½, ½ → p_e = ½, π = 1/3; α = 1 − 5·2/(2·3·3) = 4/9. "Gravida": one coder only.
const rows = [
  ...['Ja', 'Ja', 'Nej'].map((value, i) => ({ document: `d${i}`, coder: 'Anna', variable: 'lvm', value })),
  ...['Ja', 'Nej', 'Nej'].map((value, i) => ({ document: `d${i}`, coder: 'Bertil', variable: 'lvm', value })),
  { document: 'd0', coder: 'Anna', variable: 'gravida', value: 'Ja' },
];
const report = agreementReport(rows);
const labels = (lang: 'sv' | 'en') => ({ variable: (id: string) => (id === 'lvm' ? 'LVM' : 'Gravida'), pooled: lang === 'sv' ? 'Alla variabler' : 'All variables', lang });

describe('reliability table export', () => {
  it('CSV: the CLI columns, labels, numbers and notes in the chosen language', () => {
    const parsed = Papa.parse<Record<string, string>>(agreementCsv(report, labels('sv')), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(AGREEMENT_COLUMNS);
    const lvm = parsed.data.find((r) => r.variable === 'LVM')!;
    expect(Number(lvm.percent_agreement)).toBeCloseTo(2 / 3, 12);
    expect(Number(lvm.cohen_kappa)).toBeCloseTo(0.4, 12);
    expect(Number(lvm.scott_pi)).toBeCloseTo(1 / 3, 12);
    expect(Number(lvm.krippendorff_alpha)).toBeCloseTo(4 / 9, 12);
    expect(Number(lvm.scott_pi_ci_low)).toBeLessThan(Number(lvm.scott_pi));
    expect(lvm.krippendorff_alpha_ci_low).toBe('');
    const gravida = parsed.data.find((r) => r.variable === 'Gravida')!;
    expect(gravida.krippendorff_alpha).toBe('');
    expect(gravida.notes).toContain('ingen enhet kodades av två eller fler kodare');
    expect(parsed.data.at(-1)!.variable).toBe('Alla variabler');
    expect(agreementCsv(report, labels('en'))).toContain('no unit was coded by two or more coders');
  });

  it('XLSX: the table and a method sheet, read back', async () => {
    const bytes = await agreementXlsx(report, labels('en'), { title: 'Method', lines: ['Coders: Anna, Bertil.', '3 documents.'] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('Reliability')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(AGREEMENT_COLUMNS);
    const header = AGREEMENT_COLUMNS;
    const lvm = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(lvm[0]).toBe('LVM');
    expect(lvm[header.indexOf('krippendorff_alpha')]).toBe(0.444444);
    expect(lvm[header.indexOf('scott_pi')]).toBe(0.333333);
    expect(lvm[header.indexOf('cohen_kappa')]).toBe(0.4);
    expect(workbook.getWorksheet('Method')!.getRow(1).getCell(1).value).toBe('Coders: Anna, Bertil.');
  });
});
