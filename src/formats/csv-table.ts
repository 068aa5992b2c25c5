/**
 * Read a CSV file with a header row into records keyed by column name, keeping each record's
 * line number for messages (papaparse does the RFC 4180 parsing; a UTF-8 BOM is dropped).
 */
import Papa from 'papaparse';

export interface CsvProblem {
  /** 1-based line number (the header is line 1), when the problem has one. */
  line?: number;
  message: string;
}

export interface CsvRecord {
  line: number;
  get(column: string): string;
}

export interface CsvTable {
  columns: string[];
  records: CsvRecord[];
  problems: CsvProblem[];
}

export function readCsvTable(text: string, required: readonly string[]): CsvTable {
  const clean = text.replace(/^\uFEFF/, '');
  if (!clean.trim()) return { columns: [], records: [], problems: [{ message: `the file is empty; a header row with ${required.join(',')} is required` }] };
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy', delimiter: ',' });
  const problems: CsvProblem[] = parsed.errors.map((e) => ({ line: e.row === undefined ? undefined : e.row + 1, message: e.message }));
  const [header = [], ...body] = parsed.data;
  const columns = header.map((h) => h.trim());
  const missing = required.filter((r) => !columns.includes(r));
  if (missing.length > 0) {
    problems.push({ line: 1, message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} in the header (found: ${columns.join(', ') || 'nothing'}); the header must contain ${required.join(',')}` });
    return { columns, records: [], problems };
  }
  const index = new Map(columns.map((c, i) => [c, i]));
  const records: CsvRecord[] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.length !== columns.length) {
      problems.push({ line, message: `expected ${columns.length} fields, found ${cells.length}` });
      return;
    }
    records.push({ line, get: (column) => (cells[index.get(column) ?? -1] ?? '').trim() });
  });
  return { columns, records, problems };
}

export function formatProblems(file: string, problems: readonly CsvProblem[]): string {
  return problems.map((p) => `${file}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`).join('\n');
}

/** RFC 4180 CSV of rows (quotes where needed); `eol` "\r\n" for files opened in spreadsheets. */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[], eol = '\n'): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join(eol) + eol;
}
