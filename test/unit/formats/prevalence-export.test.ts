// Prevalence exports: CSV and XLSX (read back with exceljs), with labels and one sheet per table.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { prevalence } from '../../../src/core/prevalence';
import { prevalenceCsv, prevalenceXlsx, sheetName, type PrevalenceLabels } from '../../../src/formats/prevalence-export';

const tables = prevalence({
  documents: [
    { id: 'a', attributes: { level: 'county' } },
    { id: 'b', attributes: { level: 'local' } },
    { id: 'c', attributes: { level: 'local' } },
  ],
  judgements: [
    { documentId: 'a', variable: 'lvm', values: ['ja'] },
    { documentId: 'b', variable: 'lvm', values: ['ja'] },
    { documentId: 'c', variable: 'lvm', values: ['nej'] },
  ],
  variables: [{ id: 'lvm', values: ['ja', 'nej'] }],
  by: 'level',
  groupOrder: ['county', 'local'],
});
const labels: PrevalenceLabels = {
  by: 'Nivå',
  variable: () => 'LVM: tvångsvård [SoL]',
  value: (_, v) => (v === 'ja' ? 'Ja' : 'Nej'),
  group: (g) => (g === 'county' ? 'Länsgemensamma' : 'Lokala'),
  n: 'n',
  missing: 'Saknas',
};

describe('prevalence exports', () => {
  it('writes a long CSV with labels', () => {
    expect(prevalenceCsv(tables, labels).split('\r\n').slice(0, 3)).toEqual([
      'variable,Nivå,n,missing,value,count,percent',
      'LVM: tvångsvård [SoL],Länsgemensamma,1,0,Ja,1,100',
      'LVM: tvångsvård [SoL],Länsgemensamma,1,0,Nej,0,0',
    ]);
  });

  it('writes an XLSX with one sheet per variable that reads back with the right numbers', async () => {
    const bytes = await prevalenceXlsx(tables, labels);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('LVM tvångsvård SoL');
    expect(sheet.getRow(2).values).toEqual([undefined, 'Nivå', 'n', 'Saknas', 'Ja, %', 'Nej, %']);
    expect(sheet.getRow(3).values).toEqual([undefined, 'Länsgemensamma', 1, 0, 100, 0]);
    expect(sheet.getRow(4).values).toEqual([undefined, 'Lokala', 2, 0, 50, 50]);
  });

  it('makes valid, unique sheet names', () => {
    const taken = new Set<string>();
    expect(sheetName('Har brukarorganisationer fått möjlighet att lämna synpunkter?', taken)).toBe('Har brukarorganisationer fått m');
    expect(sheetName('Har brukarorganisationer fått möjlighet att påverka', taken)).toBe('Har brukarorganisationer fått 2');
  });
});
