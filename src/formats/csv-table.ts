/**
 * Read a CSV file with a header row into records keyed by column name, keeping each record's
 * line number for messages (papaparse does the RFC 4180 parsing; a UTF-8 BOM is dropped). The
 * text is decoded by the caller (the CLI decodes as the app decodes text files).
 */
import Papa from 'papaparse';
import { csvField, restoreCell } from './csv-safe';

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

/** Delimiters a statistics CSV may use: comma (RFC 4180), semicolon (Swedish Excel), tab. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar "|"', ':': 'colon' };

/** Most characters of a file's own text echoed in a message. */
export const MAX_ECHO = 200;

/** `text` cut to MAX_ECHO characters, saying how much was left out (a hostile header can be 58 MB). */
export function echo(text: string, max = MAX_ECHO): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${(text.length - max).toLocaleString('en')} more characters)`;
}

/** The header row's cells for one delimiter (quotes honoured), trimmed. */
function headerCells(text: string, delimiter: string): string[] {
  const first = Papa.parse<string[]>(text, { delimiter, preview: 1 }).data[0] ?? [];
  return first.map((h) => h.trim());
}

/**
 * The delimiter whose header holds the required columns (comma first, then semicolon, then tab),
 * or null. Header names are compared case-insensitively.
 */
function detectDelimiter(text: string, required: readonly string[]): string | null {
  for (const d of CSV_DELIMITERS) {
    const names = new Set(headerCells(text, d).map((h) => h.toLowerCase()));
    if (required.every((r) => names.has(r))) return d;
  }
  return null;
}

/**
 * Read a CSV table. The delimiter is a comma, a semicolon or a tab, chosen by which of them makes
 * the header hold the required columns; the required column names are matched case-insensitively
 * (they are reported under their lower-case names, other columns keep theirs). A file whose
 * header uses another separator is refused with a message naming it.
 */
export function readCsvTable(text: string, required: readonly string[]): CsvTable {
  const clean = text.replace(/^\uFEFF/, '');
  if (!clean.trim()) return { columns: [], records: [], problems: [{ message: `the file is empty; a header row with ${required.join(',')} is required` }] };
  const delimiter = detectDelimiter(clean, required) ?? ',';
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy', delimiter });
  const problems: CsvProblem[] = parsed.errors.map((e) => ({ line: e.row === undefined ? undefined : e.row + 1, message: e.message }));
  const [header = [], ...body] = parsed.data;
  const requiredSet = new Set(required);
  const columns = header.map((h) => {
    const name = h.trim();
    return requiredSet.has(name.toLowerCase()) ? name.toLowerCase() : name;
  });
  const missing = required.filter((r) => !columns.includes(r));
  if (missing.length > 0) {
    const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
    const other = Object.keys(DELIMITER_NAMES).find((d) => !(CSV_DELIMITERS as readonly string[]).includes(d) && firstLine.includes(d) && required.every((r) => firstLine.toLowerCase().includes(r)));
    problems.push({
      line: 1,
      message: other
        ? `the columns are separated by a ${DELIMITER_NAMES[other]}; use a comma, a semicolon or a tab (the header must contain ${required.join(',')})`
        : `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} in the header (found: ${echo(columns.join(', ')) || 'nothing'}); the header must contain ${required.join(',')} (separated by commas, semicolons or tabs)`,
    });
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
    // Cells our exports neutralised against formula injection (csv-safe.ts) read back as they were.
    records.push({ line, get: (column) => restoreCell((cells[index.get(column) ?? -1] ?? '').trim()) });
  });
  return { columns, records, problems };
}

export function formatProblems(file: string, problems: readonly CsvProblem[]): string {
  return problems.map((p) => `${file}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`).join('\n');
}

/**
 * RFC 4180 CSV of rows (quotes where needed, cells a spreadsheet would take for a formula
 * neutralised: csv-safe.ts); `eol` "\r\n" for files opened in spreadsheets.
 */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[], eol = '\n'): string {
  return [header, ...rows].map((r) => r.map((v) => csvField(v)).join(',')).join(eol) + eol;
}
