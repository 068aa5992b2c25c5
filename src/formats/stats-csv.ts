/**
 * The statistics CLI's input files (a contract other tools rely on):
 * - codings.csv  `document,coder,variable,value` — an empty value or an absent row = not coded;
 * - documents.csv `document` + attribute columns, optional `length` (text length, for unitizing);
 * - segments.csv `document,coder,code,start,end` — 0-based character offsets, end exclusive.
 * Every problem is reported with its line number; nothing is half-read.
 */
import { readCsvTable, type CsvProblem } from './csv-table';

export interface CodingRow {
  line: number;
  document: string;
  coder: string;
  variable: string;
  value: string | null;
}

export interface Parsed<T> {
  rows: T[];
  problems: CsvProblem[];
}

export function parseCodingsCsv(text: string): Parsed<CodingRow> {
  const table = readCsvTable(text, ['document', 'coder', 'variable', 'value']);
  const problems = [...table.problems];
  const rows: CodingRow[] = [];
  const seen = new Map<string, number>();
  for (const r of table.records) {
    const row = { line: r.line, document: r.get('document'), coder: r.get('coder'), variable: r.get('variable'), value: r.get('value') || null };
    const empty = (['document', 'coder', 'variable'] as const).filter((k) => !row[k]);
    if (empty.length > 0) {
      problems.push({ line: r.line, message: `empty ${empty.join(', ')}` });
      continue;
    }
    const key = JSON.stringify([row.document, row.coder, row.variable]);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ line: r.line, message: `duplicate row: coder "${row.coder}" already coded "${row.variable}" for document "${row.document}" on line ${earlier}` });
      continue;
    }
    seen.set(key, r.line);
    rows.push(row);
  }
  return { rows, problems };
}

export interface DocumentRow {
  line: number;
  document: string;
  attributes: Record<string, string>;
  length?: number;
}

export function parseDocumentsCsv(text: string, options: { requireLength?: boolean } = {}): Parsed<DocumentRow> {
  const table = readCsvTable(text, options.requireLength ? ['document', 'length'] : ['document']);
  const problems = [...table.problems];
  const rows: DocumentRow[] = [];
  const seen = new Map<string, number>();
  for (const r of table.records) {
    const document = r.get('document');
    if (!document) {
      problems.push({ line: r.line, message: 'empty document' });
      continue;
    }
    const earlier = seen.get(document);
    if (earlier !== undefined) {
      problems.push({ line: r.line, message: `document "${document}" is listed twice (lines ${earlier} and ${r.line})` });
      continue;
    }
    seen.set(document, r.line);
    const attributes: Record<string, string> = {};
    for (const c of table.columns) if (c !== 'document' && c !== 'length') attributes[c] = r.get(c);
    const row: DocumentRow = { line: r.line, document, attributes };
    if (table.columns.includes('length')) {
      const raw = r.get('length');
      if (!/^\d+$/.test(raw)) {
        problems.push({ line: r.line, message: `length "${raw}" is not a non-negative whole number` });
        continue;
      }
      row.length = Number(raw);
    }
    rows.push(row);
  }
  return { rows, problems };
}

export interface SegmentRow {
  line: number;
  document: string;
  coder: string;
  code: string;
  start: number;
  end: number;
}

/** Segments; when document lengths are given, segments beyond them are problems. */
export function parseSegmentsCsv(text: string, lengths?: ReadonlyMap<string, number>): Parsed<SegmentRow> {
  const table = readCsvTable(text, ['document', 'coder', 'code', 'start', 'end']);
  const problems = [...table.problems];
  const rows: SegmentRow[] = [];
  for (const r of table.records) {
    const document = r.get('document');
    const coder = r.get('coder');
    const code = r.get('code');
    const startRaw = r.get('start');
    const endRaw = r.get('end');
    const empty = [['document', document], ['coder', coder], ['code', code]].filter(([, v]) => !v).map(([k]) => k);
    if (empty.length > 0) {
      problems.push({ line: r.line, message: `empty ${empty.join(', ')}` });
      continue;
    }
    if (!/^\d+$/.test(startRaw) || !/^\d+$/.test(endRaw)) {
      problems.push({ line: r.line, message: `start and end must be non-negative whole numbers (found start "${startRaw}", end "${endRaw}")` });
      continue;
    }
    const start = Number(startRaw);
    const end = Number(endRaw);
    if (end <= start) {
      problems.push({ line: r.line, message: `end (${end}) must be greater than start (${start})` });
      continue;
    }
    if (lengths) {
      const length = lengths.get(document);
      if (length === undefined) {
        problems.push({ line: r.line, message: `document "${document}" is not in the documents file` });
        continue;
      }
      if (end > length) {
        problems.push({ line: r.line, message: `the segment ends at ${end}, beyond the end of document "${document}" (length ${length})` });
        continue;
      }
    }
    rows.push({ line: r.line, document, coder, code, start, end });
  }
  return { rows, problems };
}
