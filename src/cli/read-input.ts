/** Reading CLI input files: a clear message naming the file when it cannot be read. */
import { readFile, stat } from 'node:fs/promises';
import { formatProblems, type CsvProblem } from '../formats/csv-table';
import { decodeText } from '../ingest/normalise';
import { InputError } from './io';

export { InputError };

function unreadable(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  return new InputError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : error instanceof Error ? error.message : String(error)}`);
}

export async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    throw unreadable(file, error);
  }
}

/** A file that exists and is not a folder (before streaming it). */
export async function assertFile(file: string): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await stat(file)).isFile();
  } catch (error) {
    throw unreadable(file, error);
  }
  if (!isFile) throw new InputError(`${file}: is a folder, not a file`);
}

/**
 * A text file decoded as the app decodes imported text files: UTF-8 (a BOM is dropped), else
 * Windows-1252 (what Swedish Excel writes as "CSV"), said on `warn`. A character U+FFFD in the
 * text means it was lost before the file reached us (saved in another encoding): refused, so that
 * "Jå" and "Jä" never become one category "J\uFFFD".
 */
export function decodeInput(file: string, bytes: Uint8Array, warn?: (message: string) => void): string {
  const { text, encoding } = decodeText(bytes);
  if (encoding === 'windows-1252') warn?.(`${file}: not UTF-8; read as Windows-1252`);
  const lost = text.indexOf('\uFFFD');
  if (lost !== -1) {
    const line = text.slice(0, lost).split('\n').length;
    throw new InputError(`${file}:${line}: contains the replacement character U+FFFD (a character lost when the file was saved in another encoding); save it as UTF-8 from the original and try again`);
  }
  return text.replace(/^\uFEFF/, '');
}

export async function readTextFile(file: string, warn?: (message: string) => void): Promise<string> {
  return decodeInput(file, await readBytes(file), warn);
}

export function failOnProblems(file: string, problems: readonly CsvProblem[]): void {
  if (problems.length > 0) throw new InputError(formatProblems(file, problems));
}

/** Render rows as an aligned text table. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

export { csvText } from '../formats/csv-table';

export function fmt(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined ? '—' : x.toFixed(digits);
}
