/** Reading CLI input files: a clear message naming the file when it cannot be read. */
import { readFile } from 'node:fs/promises';
import { formatProblems, type CsvProblem } from '../formats/csv-table';
import { InputError } from './io';

export { InputError };

export async function readTextFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : error instanceof Error ? error.message : String(error)}`);
  }
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
