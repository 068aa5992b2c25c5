// XLSX versions of the segments and long datasets: read back with exceljs, the same columns and
// cells as the CSVs (numbers as numbers, empty cells for missing values).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Coder, DocumentMeta, Judgement, Segment } from '../../../src/core';
import { getTemplate } from '../../../src/core/codebook';
import { longCsv, longXlsx, segmentsCsv, segmentsXlsx, type DatasetInput } from '../../../src/formats/dataset';

const content = getTemplate('oppna-jamforelser-2019')!.content;
const doc = (id: string, level: string, version = 1): DocumentMeta => ({
  id, projectId: 'p', fileName: `${id}.pdf`, kind: 'pdf', sha256: 'a'.repeat(64), size: 1, version, importedAt: 1, pageCount: 3, textLength: 100, hasText: true, attributes: { level }, warnings: [],
});
const coders: Coder[] = [
  { id: 'a', projectId: 'p', name: 'Anna', kind: 'human', createdAt: 1 },
  { id: 'k', projectId: 'p', name: 'Konsensus', kind: 'consensus', createdAt: 1 },
];
const input: DatasetInput = { content, documents: [doc('d1', 'county'), doc('d2', 'local', 2)], coders, judgements: [], lang: 'sv' };
const segment = (id: string, documentId: string, coderId: string, valueKey: string, start: number, exact: string, extra: Partial<Segment> = {}): Segment => ({
  id, projectId: 'p', documentId, coderId, codebookVersionId: 'v', variableId: 'oj19.gemensamma_mal', valueId: `oj19.gemensamma_mal.${valueKey}`,
  selector: { position: { start, end: start + exact.length }, quote: { exact, prefix: '', suffix: '' }, page: 2 }, memo: '', orphaned: false, createdAt: 1, updatedAt: 1, ...extra,
});

async function sheet(bytes: Uint8Array, name: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet "${name}" (sheets: ${workbook.worksheets.map((w) => w.name).join(', ')})`);
  return ws;
}

describe('segments XLSX', () => {
  const segments = [
    segment('s1', 'd1', 'a', 'ja', 3, 'mål, "x"', { memo: 'tydligt\npå två rader' }),
    segment('s2', 'd2', 'k', 'nej', 40, 'inga mål', { orphaned: true, selector: { position: { start: 40, end: 48 }, quote: { exact: 'inga mål', prefix: '', suffix: '' } } }),
  ];

  it('has the CSV columns and one row per passage, with typed cells', async () => {
    const ws = await sheet(await segmentsXlsx(segments, input), 'segments');
    expect(ws.getRow(1).values).toEqual([undefined, 'document', 'coder', 'variable', 'code', 'page', 'start', 'end', 'quote', 'memo', 'orphaned']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    const row2 = ws.getRow(2);
    expect(row2.getCell(1).value).toBe('d1.pdf');
    expect(row2.getCell(2).value).toBe('Anna');
    expect(row2.getCell(3).value).toBe('Gemensamma mål med överenskommelsen');
    expect(row2.getCell(4).value).toBe('Ja');
    expect(row2.getCell(5).value).toBe(2);
    expect(row2.getCell(6).value).toBe(3);
    expect(row2.getCell(7).value).toBe(11);
    expect(row2.getCell(8).value).toBe('mål, "x"');
    expect(row2.getCell(9).value).toBe('tydligt\npå två rader');
    expect(row2.getCell(10).value).toBe(0);
    // No page and no memo: empty cells; a later version's document key; orphaned = 1.
    const row3 = ws.getRow(3);
    expect([row3.getCell(1).value, row3.getCell(2).value, row3.getCell(4).value, row3.getCell(5).value, row3.getCell(9).value, row3.getCell(10).value]).toEqual(['d2.pdf (v2)', 'Konsensus', 'Nej', null, null, 1]);
    expect(ws.rowCount).toBe(3);
  });

  it('holds the same values as the segments CSV', async () => {
    const ws = await sheet(await segmentsXlsx(segments, input), 'segments');
    const csvLines = segmentsCsv(segments, input).trim().split('\r\n');
    expect(csvLines[2]).toBe('d2.pdf (v2),Konsensus,Gemensamma mål med överenskommelsen,Nej,,40,48,inga mål,,1');
    const xlsxLine = (ws.getRow(3).values as unknown[]).slice(1);
    expect(Array.from({ length: 10 }, (_, i) => xlsxLine[i] ?? '').join(',')).toBe(csvLines[2]);
  });

  it('writes a header only when there are no passages', async () => {
    const ws = await sheet(await segmentsXlsx([], input), 'segments');
    expect(ws.rowCount).toBe(1);
  });
});

describe('long XLSX', () => {
  it('has the long CSV\'s rows in the sheet "codings"', async () => {
    const j = (documentId: string, coderId: string, value: 'ja' | 'nej' | null): Judgement => ({
      id: `${documentId}-${coderId}`, projectId: 'p', documentId, coderId, codebookVersionId: 'v', variableId: 'oj19.gemensamma_mal', valueIds: value ? [`oj19.gemensamma_mal.${value}`] : [],
      status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1,
    });
    const data = { ...input, judgements: [j('d1', 'a', 'ja'), j('d2', 'a', null)] };
    const ws = await sheet(await longXlsx(data), 'codings');
    expect(ws.getRow(1).values).toEqual([undefined, 'document', 'coder', 'variable', 'value', 'coder_kind', 'variable_kind', 'variable_level', 'value_code', 'value_count', 'level']);
    expect(ws.getRow(2).values).toEqual([undefined, 'd1.pdf', 'Anna', 'Gemensamma mål med överenskommelsen', 'Ja', 'human', 'single', 'nominal', '1', '2', 'county']);
    expect(ws.getRow(3).getCell(4).value).toBeNull();
    expect(longCsv(data).split('\r\n')[2]).toBe('d2.pdf (v2),Anna,Gemensamma mål med överenskommelsen,,human,single,nominal,,2,local');
  });
});
