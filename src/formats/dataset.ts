/**
 * Coded datasets for statistics packages (R, SPSS, Stata):
 * - long CSV: `document,coder,variable,value` plus what the statistics CLI needs to analyse it
 *   as the app does (`coder_kind` human/consensus; the codebook's `variable_kind`,
 *   `variable_level`, `value_code` = the value's position 1…k in the codebook's order and
 *   `value_count` = k) and the document attributes — the input of `overens agreement` and
 *   `overens prevalence`; a multi-valued judgement is one row, its labels and codes joined by "; ";
 * - wide CSV/XLSX: one row per document and coder, one numeric column per variable (value codes
 *   1…k in codebook order, empty = not coded) and a 0/1 indicator column per value, plus the
 *   attributes; a codebook sheet documents every column and code;
 * - long XLSX: the long CSV's columns in one sheet;
 * - segments CSV/XLSX: every coded passage with its position, page and quote;
 * - SPSS syntax with variable and value labels for the wide file.
 */
import ExcelJS from 'exceljs';
import { localize, type CodebookContent, type Coder, type DocumentMeta, type Judgement, type Language, type Segment } from '../core';

export interface DatasetInput {
  content: CodebookContent;
  documents: readonly DocumentMeta[];
  coders: readonly Coder[];
  judgements: readonly Judgement[];
  lang: Language;
}

const cell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (rows: readonly (readonly (string | number | null | undefined)[])[]) => rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

/** Document key in exports: the file name, with the version when there are several. */
export function documentKey(d: DocumentMeta): string {
  return d.version > 1 ? `${d.fileName} (v${d.version})` : d.fileName;
}

function attributeNames(documents: readonly DocumentMeta[]): string[] {
  return [...new Set(documents.flatMap((d) => Object.keys(d.attributes)))].sort();
}

/** A one-sheet workbook: a bold header row, then the rows (numbers stay numbers, null = empty). */
async function sheetXlsx(name: string, table: readonly (readonly (string | number | null)[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Överens';
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const [header = [], ...rows] = table;
  sheet.addRow([...header]).font = { bold: true };
  for (const r of rows) sheet.addRow([...r]);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The long export's columns after `value`: who coded (human or consensus) and the codebook's variable and value. */
export const LONG_CODEBOOK_COLUMNS = ['coder_kind', 'variable_kind', 'variable_level', 'value_code', 'value_count'] as const;

export function longCsv(input: DatasetInput): string {
  return csv(longTable(input));
}

/** The long dataset as XLSX (sheet "codings"), the same columns as the CSV. */
export function longXlsx(input: DatasetInput): Promise<Uint8Array> {
  return sheetXlsx('codings', longTable(input));
}

function longTable(input: DatasetInput): (string | null)[][] {
  const attrs = attributeNames(input.documents);
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const coders = new Map(input.coders.map((c) => [c.id, c]));
  const variables = new Map(input.content.variables.map((v) => [v.id, v]));
  const rows: (string | null)[][] = [['document', 'coder', 'variable', 'value', ...LONG_CODEBOOK_COLUMNS, ...attrs]];
  for (const j of input.judgements) {
    const d = docs.get(j.documentId);
    const v = variables.get(j.variableId);
    if (!d || !v) continue;
    const chosen = j.valueIds.map((id) => v.values.findIndex((x) => x.id === id)).filter((i) => i >= 0);
    const labels = chosen.map((i) => localize(v.values[i]!.label, input.lang)).filter(Boolean);
    const coder = coders.get(j.coderId);
    rows.push([
      documentKey(d),
      coder?.name ?? j.coderId,
      localize(v.label, input.lang),
      labels.join('; ') || null,
      coder?.kind ?? 'human',
      v.kind,
      v.level,
      chosen.map((i) => String(i + 1)).join('; ') || null,
      String(v.values.length),
      ...attrs.map((a) => d.attributes[a] ?? null),
    ]);
  }
  return rows;
}

interface WideColumn {
  name: string;
  label: string;
  codes?: { code: number; label: string }[];
}

function wideTable(input: DatasetInput): { columns: WideColumn[]; rows: (string | number | null)[][] } {
  const attrs = attributeNames(input.documents);
  const variables = input.content.variables.filter((v) => v.kind !== 'thematic');
  const columns: WideColumn[] = [
    { name: 'document', label: 'Document (file name)' },
    { name: 'coder', label: 'Coder' },
    ...attrs.map((a) => ({ name: a.replace(/[^A-Za-z0-9_]/g, '_'), label: `Attribute: ${a}` })),
  ];
  for (const v of variables) {
    columns.push({ name: v.key, label: localize(v.label, input.lang), codes: v.values.map((x, i) => ({ code: i + 1, label: localize(x.label, input.lang) })) });
    for (const x of v.values) columns.push({ name: `${v.key}__${x.key}`.slice(0, 64), label: `${localize(v.label, input.lang)}: ${localize(x.label, input.lang)} (0/1)` });
  }
  const byDocCoder = new Map<string, Map<string, readonly string[]>>();
  for (const j of input.judgements) {
    const key = `${j.documentId}\u0000${j.coderId}`;
    const m = byDocCoder.get(key) ?? new Map<string, readonly string[]>();
    m.set(j.variableId, j.valueIds);
    byDocCoder.set(key, m);
  }
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const coders = new Map(input.coders.map((c) => [c.id, c]));
  const rows = [...byDocCoder.entries()]
    .flatMap(([key, values]) => {
      const [documentId, coderId] = key.split('\u0000') as [string, string];
      const d = docs.get(documentId);
      if (!d) return [];
      const row: (string | number | null)[] = [documentKey(d), coders.get(coderId)?.name ?? coderId, ...attrs.map((a) => d.attributes[a] ?? null)];
      for (const v of variables) {
        const chosen = values.get(v.id) ?? [];
        const coded = chosen.length > 0;
        row.push(v.kind === 'single' && coded ? v.values.findIndex((x) => x.id === chosen[0]) + 1 : null);
        for (const x of v.values) row.push(coded ? (chosen.includes(x.id) ? 1 : 0) : null);
      }
      return [row];
    })
    .sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'sv') || String(a[1]).localeCompare(String(b[1]), 'sv'));
  return { columns, rows };
}

export function wideCsv(input: DatasetInput): string {
  const { columns, rows } = wideTable(input);
  return csv([columns.map((c) => c.name), ...rows]);
}

export async function wideXlsx(input: DatasetInput): Promise<Uint8Array> {
  const { columns, rows } = wideTable(input);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Överens';
  const data = workbook.addWorksheet('data');
  data.addRow(columns.map((c) => c.name)).font = { bold: true };
  for (const r of rows) data.addRow(r);
  const book = workbook.addWorksheet('codebook');
  book.addRow(['column', 'label', 'code', 'value label']).font = { bold: true };
  for (const c of columns) {
    if (!c.codes) book.addRow([c.name, c.label]);
    else c.codes.forEach((code, i) => book.addRow([i === 0 ? c.name : '', i === 0 ? c.label : '', code.code, code.label]));
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export function spssSyntax(input: DatasetInput, fileName = 'overens-wide.csv'): string {
  const { columns } = wideTable(input);
  const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const lines = [
    '* Överens: variable and value labels for the wide dataset.',
    `GET DATA /TYPE=TXT /FILE=${quote(fileName)} /ENCODING='UTF8' /DELIMITERS="," /QUALIFIER='"' /FIRSTCASE=2`,
    `  /VARIABLES=${columns.map((c) => `${c.name} ${c.codes || c.name.includes('__') ? 'F2.0' : 'A255'}`).join(' ')}.`,
    'VARIABLE LABELS',
    ...columns.map((c, i) => `  ${c.name} ${quote(c.label)}${i === columns.length - 1 ? '.' : ''}`),
  ];
  const coded = columns.filter((c) => c.codes);
  if (coded.length) {
    lines.push('VALUE LABELS');
    coded.forEach((c, i) => lines.push(`  ${c.name} ${c.codes!.map((x) => `${x.code} ${quote(x.label)}`).join(' ')}${i === coded.length - 1 ? '.' : ' /'}`));
  }
  lines.push('EXECUTE.');
  return lines.join('\n') + '\n';
}

export function segmentsCsv(segments: readonly Segment[], input: Omit<DatasetInput, 'judgements'>): string {
  return csv(segmentsTable(segments, input));
}

/** The coded passages as XLSX (sheet "segments"), the same columns as the CSV. */
export function segmentsXlsx(segments: readonly Segment[], input: Omit<DatasetInput, 'judgements'>): Promise<Uint8Array> {
  return sheetXlsx('segments', segmentsTable(segments, input));
}

function segmentsTable(segments: readonly Segment[], input: Omit<DatasetInput, 'judgements'>): (string | number | null)[][] {
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const coders = new Map(input.coders.map((c) => [c.id, c]));
  const rows: (string | number | null)[][] = [['document', 'coder', 'variable', 'code', 'page', 'start', 'end', 'quote', 'memo', 'orphaned']];
  for (const s of segments) {
    const d = docs.get(s.documentId);
    const v = input.content.variables.find((x) => x.id === s.variableId);
    const value = v?.values.find((x) => x.id === s.valueId);
    rows.push([
      d ? documentKey(d) : s.documentId,
      coders.get(s.coderId)?.name ?? s.coderId,
      v ? localize(v.label, input.lang) : s.variableId,
      value ? localize(value.label, input.lang) : s.valueId,
      s.selector.page ?? null,
      s.selector.position.start,
      s.selector.position.end,
      s.selector.quote.exact,
      s.memo || null,
      s.orphaned ? 1 : 0,
    ]);
  }
  return rows;
}
