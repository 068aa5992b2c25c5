// CSV exports neutralise cells a spreadsheet would run as formulas (OWASP "CSV Injection": cells
// beginning with =, +, -, @, tab or carriage return get a leading apostrophe), keep plain numbers,
// and read back to the same values through our own readers. Wide-format column names stay unique
// after the 64-character cut (SPSS/Stata's limit).
import { describe, expect, it } from 'vitest';
import type { Coder, CodebookContent, DocumentMeta, Judgement } from '../../../src/core';
import { csvField, neutraliseCell, restoreCell } from '../../../src/formats/csv-safe';
import { csvText, readCsvTable } from '../../../src/formats/csv-table';
import { longCsv, uniqueColumnNames, wideCsv, type DatasetInput } from '../../../src/formats/dataset';
import { parseCodingsCsv } from '../../../src/formats/stats-csv';

describe('CSV formula neutralising (OWASP)', () => {
  it('prefixes formula-leading cells with an apostrophe, leaves numbers and other text alone, and is undone by restoreCell', () => {
    const cells = ['=1+1', '+SUM(A1:A9)', "-2+3+cmd|' /C calc'!A0", '@SUM(1)', '\t=1', '\r=1', "'=already", "''@twice"];
    expect(cells.map(neutraliseCell)).toEqual(["'=1+1", "'+SUM(A1:A9)", "'-2+3+cmd|' /C calc'!A0", "'@SUM(1)", "'\t=1", "'\r=1", "''=already", "'''@twice"]);
    expect(cells.map((c) => restoreCell(neutraliseCell(c)))).toEqual(cells);
    for (const plain of ['-1', '+2.5', '-0,75', '1e-5', 'Ja', "O'Brien", '', 'a=b']) expect(neutraliseCell(plain)).toBe(plain);
    expect(csvField('=A1,"x"')).toBe('"\'=A1,""x"""');
    expect(csvField(-3)).toBe('-3');
  });

  it('csvText and the long dataset write neutralised cells, and our readers get the original values back', () => {
    const text = csvText(['document', 'coder', 'variable', 'value'], [['=HYPERLINK("http://x")', '@Anna', 'LVM', '-ingen uppgift']]);
    expect(text.split('\n')[1]).toBe('"\'=HYPERLINK(""http://x"")",\'@Anna,LVM,\'-ingen uppgift');
    const table = readCsvTable(text, ['document', 'coder', 'variable', 'value']);
    expect(table.records.map((r) => [r.get('document'), r.get('coder'), r.get('value')])).toEqual([['=HYPERLINK("http://x")', '@Anna', '-ingen uppgift']]);

    const content: CodebookContent = { groups: [], variables: [{ id: 'v', key: 'lvm', label: { sv: '=LVM' }, description: {}, codingRule: {}, kind: 'single', level: 'nominal', values: [{ id: 'v.a', key: 'a', label: { sv: '+Ja' }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: [], colour: '#000000', absent: false }, { id: 'v.b', key: 'b', label: { sv: 'Nej' }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: [], colour: '#000000', absent: false }] }] };
    const doc: DocumentMeta = { id: 'd', projectId: 'p', fileName: '@avtal.pdf', kind: 'pdf', sha256: 'a'.repeat(64), size: 1, version: 1, importedAt: 1, pageCount: 1, textLength: 1, hasText: true, attributes: { county: '=cmd' }, warnings: [] };
    const coder: Coder = { id: 'c', projectId: 'p', name: 'Anna', kind: 'human', createdAt: 1 };
    const judgement: Judgement = { id: 'j', projectId: 'p', documentId: 'd', coderId: 'c', codebookVersionId: 'x', variableId: 'v', valueIds: ['v.a'], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1 };
    const input: DatasetInput = { content, documents: [doc], coders: [coder], judgements: [judgement], lang: 'sv' };
    const long = longCsv(input);
    expect(long.split('\r\n')[1]).toBe("'@avtal.pdf,Anna,'=LVM,'+Ja,human,single,nominal,1,2,'=cmd");
    const parsed = parseCodingsCsv(long);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.document, r.variable, r.value])).toEqual([['@avtal.pdf', '=LVM', '+Ja']]);
    expect(wideCsv(input).split('\r\n')[1]).toBe("'@avtal.pdf,Anna,'=cmd,1,1,0");
  });
});

describe('wide-format column names', () => {
  it('are unique after the 64-character cut (suffixes within the limit), case-insensitively', () => {
    const long = 'a'.repeat(60);
    // Both cut to the same 64 characters: the second gets "_2" within 64.
    const names = uniqueColumnNames([`${long}__value_one`, `${long}__value_two`, 'Lan', 'lan', 'x']);
    expect(names).toEqual([`${long}__va`, `${long}___2`, 'Lan', 'lan_2', 'x']);
    expect(names.every((n) => n.length <= 64)).toBe(true);
  });

  it('the wide export of a codebook whose keys collide after the cut has no duplicate columns', () => {
    const key = `v${'x'.repeat(62)}`; // 63 characters: every "key__value" cut to 64 is "key_"
    const value = (id: string, k: string) => ({ id, key: k, label: { sv: k }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: [], colour: '#000000', absent: false });
    const content: CodebookContent = { groups: [], variables: [{ id: 'v', key, label: { sv: 'V' }, description: {}, codingRule: {}, kind: 'single', level: 'nominal', values: [value('v.1', 'ja'), value('v.2', 'nej'), value('v.3', 'vet_ej')] }] };
    const doc: DocumentMeta = { id: 'd', projectId: 'p', fileName: 'a.pdf', kind: 'pdf', sha256: 'a'.repeat(64), size: 1, version: 1, importedAt: 1, pageCount: 1, textLength: 1, hasText: true, attributes: { 'Län': 'x', 'L_n': 'y' }, warnings: [] };
    const header = wideCsv({ content, documents: [doc], coders: [], judgements: [], lang: 'sv' }).split('\r\n')[0]!.split(',');
    expect(new Set(header.map((h) => h.toLowerCase())).size).toBe(header.length);
    expect(header).toEqual(['document', 'coder', 'L_n', 'L_n_2', key, `${key}_`, `${key.slice(0, 62)}_2`, `${key.slice(0, 62)}_3`]);
  });
});
