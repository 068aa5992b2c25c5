// Dataset exports: long CSV (readable by the statistics CLI's reader), wide CSV/XLSX with codes
// and indicator columns, SPSS syntax, segments CSV.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Coder, DocumentMeta, Judgement, Segment } from '../../../src/core';
import { getTemplate } from '../../../src/core/codebook';
import { longCsv, segmentsCsv, spssSyntax, wideCsv, wideXlsx, type DatasetInput } from '../../../src/formats/dataset';
import { parseCodingsCsv } from '../../../src/formats/stats-csv';

const content = getTemplate('oppna-jamforelser-2019')!.content;
const doc = (id: string, level: string, version = 1): DocumentMeta => ({
  id, projectId: 'p', fileName: `${id}.pdf`, kind: 'pdf', sha256: 'a'.repeat(64), size: 1, version, importedAt: 1, pageCount: 1, textLength: 10, hasText: true, attributes: { level }, warnings: [],
});
const coders: Coder[] = [
  { id: 'a', projectId: 'p', name: 'Anna', kind: 'human', createdAt: 1 },
  { id: 'k', projectId: 'p', name: 'Konsensus', kind: 'consensus', createdAt: 1 },
];
const j = (documentId: string, coderId: string, key: string, value: 'ja' | 'nej' | null): Judgement => ({
  id: `${documentId}-${coderId}-${key}`, projectId: 'p', documentId, coderId, codebookVersionId: 'v', variableId: `oj19.${key}`, valueIds: value ? [`oj19.${key}.${value}`] : [],
  status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1,
});
const input: DatasetInput = {
  content,
  documents: [doc('d1', 'county'), doc('d2', 'local', 2)],
  coders,
  judgements: [j('d1', 'a', 'gemensamma_mal', 'ja'), j('d1', 'a', 'resurs_ansvar', 'nej'), j('d2', 'a', 'gemensamma_mal', 'nej'), j('d2', 'k', 'gemensamma_mal', 'ja'), j('d2', 'a', 'resurs_ansvar', null)],
  lang: 'sv',
};

describe('dataset exports', () => {
  it('long CSV is the statistics CLI\'s input format, with attributes', () => {
    const text = longCsv(input);
    // After value: the coder's kind, the variable's kind and level, the value's position in the
    // codebook (Ja is the first of the variable's two values) — what `overens agreement` needs.
    expect(text.split('\r\n')[0]).toBe('document,coder,variable,value,coder_kind,variable_kind,variable_level,value_code,value_count,level');
    expect(text.split('\r\n')[1]).toBe('d1.pdf,Anna,Gemensamma mål med överenskommelsen,Ja,human,single,nominal,1,2,county');
    expect(text).toContain('d2.pdf (v2),Konsensus,Gemensamma mål med överenskommelsen,Ja,consensus,single,nominal,1,2,local');
    // Not coded: empty value and code; the variable's two values still counted.
    expect(text.split('\r\n').find((l) => l.startsWith('d2.pdf (v2),Anna,Resurs'))).toMatch(/^d2\.pdf \(v2\),Anna,[^,]+,,human,single,nominal,,2,local$/);
    const parsed = parseCodingsCsv(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toHaveLength(5);
    expect(parsed.rows.find((r) => r.document === 'd2.pdf (v2)' && r.variable.startsWith('Resurs'))?.value).toBeNull();
  });

  it('wide CSV has one row per document and coder, codes in codebook order and 0/1 indicators', () => {
    const lines = wideCsv(input).trim().split('\r\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 6)).toEqual(['document', 'coder', 'level', 'gemensamma_mal', 'gemensamma_mal__ja', 'gemensamma_mal__nej']);
    const anna1 = lines[1]!.split(',');
    expect(anna1.slice(0, 9)).toEqual(['d1.pdf', 'Anna', 'county', '1', '1', '0', '2', '0', '1']);
    // Not coded: empty code and empty indicators.
    const anna2 = lines.find((l) => l.startsWith('d2.pdf (v2),Anna'))!.split(',');
    expect(anna2.slice(6, 9)).toEqual(['', '', '']);
    expect(lines).toHaveLength(4);
  });

  it('wide XLSX has the data and a codebook sheet documenting every code', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await wideXlsx(input)).buffer as ArrayBuffer);
    expect(workbook.getWorksheet('data')!.getRow(2).values).toEqual(expect.arrayContaining(['d1.pdf', 'Anna', 'county', 1]));
    const book = workbook.getWorksheet('codebook')!;
    const rows = book.getSheetValues().slice(1) as unknown[][];
    expect(rows.some((r) => r[1] === 'gemensamma_mal' && r[3] === 1 && r[4] === 'Ja')).toBe(true);
  });

  it('SPSS syntax labels variables and values', () => {
    const sps = spssSyntax(input, 'data.csv');
    expect(sps).toContain("/FILE='data.csv'");
    expect(sps).toContain("gemensamma_mal 'Gemensamma mål med överenskommelsen'");
    expect(sps).toMatch(/VALUE LABELS\n {2}gemensamma_mal 1 'Ja' 2 'Nej' \//);
    expect(sps.trim().endsWith('EXECUTE.')).toBe(true);
  });

  it('segments CSV lists every passage with position, page, quote and memo', () => {
    const segment: Segment = {
      id: 's', projectId: 'p', documentId: 'd1', coderId: 'a', codebookVersionId: 'v', variableId: 'oj19.gemensamma_mal', valueId: 'oj19.gemensamma_mal.ja',
      selector: { position: { start: 3, end: 8 }, quote: { exact: 'mål, "x"', prefix: '', suffix: '' }, page: 2 }, memo: 'tydligt', orphaned: false, createdAt: 1, updatedAt: 1,
    };
    const lines = segmentsCsv([segment], input).trim().split('\r\n');
    expect(lines[1]).toBe('d1.pdf,Anna,Gemensamma mål med överenskommelsen,Ja,2,3,8,"mål, ""x""",tydligt,0');
  });
});
