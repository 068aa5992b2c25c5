/**
 * Document attributes from a CSV keyed by file name (e.g. the corpus' documents.csv:
 * `file,level,county,municipality,valid_from,valid_to,title`). Every other column becomes an
 * attribute. Rows are matched to the project's documents by exact file name, then by file name
 * without extension (a DOCX twin of a listed PDF), comparing Unicode-normalised names (macOS
 * writes file names decomposed). Names in the CSV that match no document are reported. The limits
 * of the document model (names ≤ 64, values ≤ 10,000 characters) are checked here, so the preview
 * refuses what applying would; the file's own text is echoed at most 200 characters at a time.
 */
import Papa from 'papaparse';
import { MAX_ATTRIBUTE_NAME, MAX_ATTRIBUTE_VALUE } from '../core';
import { echo } from './csv-table';

export const FILE_COLUMNS = ['file', 'document', 'file_name', 'filename', 'fil', 'filnamn'] as const;

export interface AttributeRow {
  line: number;
  file: string;
  attributes: Record<string, string>;
}

export interface AttributeProblem {
  line?: number;
  message: string;
}

export interface ParsedAttributes {
  rows: AttributeRow[];
  problems: AttributeProblem[];
}

export function parseAttributesCsv(text: string): ParsedAttributes {
  const problems: AttributeProblem[] = [];
  const clean = text.replace(/^\uFEFF/, '');
  if (!clean.trim()) return { rows: [], problems: [{ message: 'the file is empty; a header row is required' }] };
  // The delimiter is detected: Swedish spreadsheet programs write semicolons.
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy' });
  for (const error of parsed.errors) {
    if (error.code === 'UndetectableDelimiter') continue;
    problems.push({ line: error.row === undefined ? undefined : error.row + 1, message: echo(error.message) });
  }
  const [header, ...body] = parsed.data;
  if (!header || header.length === 0) return { rows: [], problems: [...problems, { message: 'the file is empty; a header row is required' }] };
  const names = header.map((h) => h.trim());
  const keyIndex = names.findIndex((n) => (FILE_COLUMNS as readonly string[]).includes(n.toLowerCase()));
  if (keyIndex === -1) {
    return { rows: [], problems: [...problems, { line: 1, message: `no file name column: the header needs one of ${FILE_COLUMNS.join(', ')}` }] };
  }
  const seenColumns = new Set<string>();
  names.forEach((n, i) => {
    if (i === keyIndex) return;
    if (!n) problems.push({ line: 1, message: `column ${i + 1} has no name` });
    else if (n.length > MAX_ATTRIBUTE_NAME) problems.push({ line: 1, message: `column ${i + 1} has a name of ${n.length.toLocaleString('en')} characters; at most ${MAX_ATTRIBUTE_NAME} ("${echo(n, 60)}")` });
    else if (seenColumns.has(n)) problems.push({ line: 1, message: `column "${echo(n)}" appears twice` });
    seenColumns.add(n);
  });
  const rows: AttributeRow[] = [];
  const seenFiles = new Map<string, number>();
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.length !== names.length) {
      problems.push({ line, message: `expected ${names.length} fields, found ${cells.length}` });
      return;
    }
    const file = (cells[keyIndex] ?? '').trim();
    if (!file) {
      problems.push({ line, message: 'the file name is empty' });
      return;
    }
    if (file.length > 1000) {
      problems.push({ line, message: `the file name is ${file.length.toLocaleString('en')} characters long; at most 1000 ("${echo(file, 60)}")` });
      return;
    }
    const key = normaliseName(file);
    const earlier = seenFiles.get(key);
    if (earlier !== undefined) {
      problems.push({ line, message: `"${echo(file)}" is listed twice (lines ${earlier} and ${line})` });
      return;
    }
    const long = names.findIndex((n, j) => j !== keyIndex && n && (cells[j] ?? '').trim().length > MAX_ATTRIBUTE_VALUE);
    if (long !== -1) {
      const length = (cells[long] ?? '').trim().length;
      problems.push({ line, message: `the value of "${echo(names[long]!, 60)}" for "${echo(file, 100)}" is ${length.toLocaleString('en')} characters long; at most ${MAX_ATTRIBUTE_VALUE.toLocaleString('en')}` });
      return;
    }
    seenFiles.set(key, line);
    const attributes: Record<string, string> = {};
    names.forEach((n, j) => {
      if (j !== keyIndex && n) attributes[n] = (cells[j] ?? '').trim();
    });
    rows.push({ line, file, attributes });
  });
  return { rows, problems };
}

export function normaliseName(name: string): string {
  // Swedish has no special case mappings, so toLowerCase() is toLocaleLowerCase('sv') — without
  // ICU's cost per call (a million-row CSV took seconds longer).
  return name.normalize('NFC').trim().toLowerCase();
}

function stem(name: string): string {
  return name.replace(/\.[^.]+$/, '');
}

export interface AttributeMatch {
  documentId: string;
  fileName: string;
  row: AttributeRow;
  /** How the row was matched: same file name, or same name without extension. */
  by: 'name' | 'stem';
}

export interface AttributeMatching {
  matches: AttributeMatch[];
  /** CSV rows whose file name matches no document. */
  unknown: AttributeRow[];
  /** Documents no row matched. */
  unmatchedDocuments: { id: string; fileName: string }[];
}

/** Match CSV rows to documents: exact name first, then unique stem. */
export function matchAttributeRows(rows: readonly AttributeRow[], documents: readonly { id: string; fileName: string }[]): AttributeMatching {
  const byName = new Map<string, { id: string; fileName: string }[]>();
  const byStem = new Map<string, { id: string; fileName: string }[]>();
  for (const d of documents) {
    const n = normaliseName(d.fileName);
    byName.set(n, [...(byName.get(n) ?? []), d]);
    byStem.set(stem(n), [...(byStem.get(stem(n)) ?? []), d]);
  }
  const matches: AttributeMatch[] = [];
  const unknown: AttributeRow[] = [];
  const matchedDocs = new Set<string>();
  const normalised = rows.map((r) => normaliseName(r.file));
  const exactNames = new Set(normalised);
  for (const [i, row] of rows.entries()) {
    const n = normalised[i]!;
    const exact = byName.get(n) ?? [];
    // Same stem, other extension (a DOCX twin) — but never a document another row names exactly.
    const twins = (byStem.get(stem(n)) ?? []).filter((d) => !exact.includes(d) && !exactNames.has(normaliseName(d.fileName)));
    if (exact.length === 0 && twins.length === 0) {
      unknown.push(row);
      continue;
    }
    for (const d of exact) matches.push({ documentId: d.id, fileName: d.fileName, row, by: 'name' });
    for (const d of twins) matches.push({ documentId: d.id, fileName: d.fileName, row, by: 'stem' });
    for (const d of [...exact, ...twins]) matchedDocs.add(d.id);
  }
  // Two rows whose stems agree (a.pdf, a.txt) could both reach a third twin: keep the first.
  const seen = new Set<string>();
  const finalMatches = matches.filter((m) => (seen.has(m.documentId) ? false : (seen.add(m.documentId), true)));
  return {
    matches: finalMatches,
    unknown,
    unmatchedDocuments: documents.filter((d) => !matchedDocs.has(d.id)).map((d) => ({ id: d.id, fileName: d.fileName })),
  };
}
