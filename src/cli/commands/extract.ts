/**
 * `overens extract <file>... [--json] [--text]`: run exactly the app's import extraction on
 * files, in Node. Reports every file, then exits 1 if any failed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractDocument, warningInEnglish, type IngestResult } from '../../ingest';
import { parseCommandArgs } from '../args';
import { UsageError, type CliCommand } from '../io';

const usage = `Usage: overens extract <file>... [--json] [--text] [--password <pw>]

Extract text from PDF, Word (.docx) and text files exactly as the app imports them.
  --json        print a JSON array, one object per file:
                {"file","kind","pages","characters","sha256","warnings":[...],"error":null|{"code","message"}}
  --text        print each file's normalised text
  --password    password for protected PDFs
Exit status 1 if any file failed (after reporting all of them).`;

interface FileReport {
  file: string;
  kind: string | null;
  pages: number | null;
  characters: number | null;
  sha256: string | null;
  warnings: { code: string; message: string }[];
  error: { code: string; message: string } | null;
}

function toReport(file: string, result: IngestResult): FileReport {
  if (!result.ok) return { file, kind: null, pages: null, characters: null, sha256: null, warnings: [], error: { code: result.error.code, message: result.error.message.en } };
  const d = result.document;
  return { file, kind: d.kind, pages: d.pageCount, characters: d.text.length, sha256: d.sha256, warnings: d.warnings.map((w) => ({ code: w.code, message: warningInEnglish(w) })), error: null };
}

export const extractCommand: CliCommand = {
  name: 'extract',
  summary: 'extract text from PDF/DOCX/TXT files as the app imports them',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { json: { type: 'boolean' }, text: { type: 'boolean' }, password: { type: 'string' } });
    const files = parsed.positionals;
    if (files.length === 0) throw new UsageError('give at least one file');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const reports: FileReport[] = [];
    for (const file of files) {
      let result: IngestResult;
      try {
        const bytes = new Uint8Array(await readFile(file));
        result = await extractDocument({ fileName: path.basename(file), bytes, password: parsed.values.password }, { pdfjs });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        result = { ok: false, error: { fileName: file, code: 'unknown', message: { sv: `${file}: kan inte läsas (${message})`, en: `${file}: cannot be read (${message})` } } };
      }
      reports.push(toReport(file, result));
      if (parsed.values.text && result.ok) {
        if (!parsed.values.json) io.stdout.write(files.length > 1 ? `==> ${file} <==\n` : '');
        io.stdout.write(result.document.text.endsWith('\n') ? result.document.text : `${result.document.text}\n`);
      }
    }
    if (parsed.values.json) {
      io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    } else if (!parsed.values.text) {
      for (const r of reports) {
        if (r.error) io.stdout.write(`FAILED  ${r.file}: ${r.error.message}\n`);
        else io.stdout.write(`ok      ${r.file}  ${r.kind}  ${r.pages} page(s)  ${r.characters} characters${r.warnings.length ? `  warnings: ${r.warnings.map((w) => w.code).join(', ')}` : ''}\n`);
      }
    }
    for (const r of reports) if (r.error && (parsed.values.text || parsed.values.json)) io.stderr.write(`${r.file}: ${r.error.message}\n`);
    return reports.some((r) => r.error) ? 1 : 0;
  },
};
