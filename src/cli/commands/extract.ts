/**
 * `overens extract <file>... [--json] [--text]`: run exactly the app's import extraction on
 * files, in Node. Reports every file, then exits 1 if any failed.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { warningInEnglish, type IngestResult } from '../../ingest';
import { parseCommandArgs } from '../args';
import { createQueue, drain } from '../extract-queue';
import type { OcrOptions, RecognisedDocument } from '../extract-ocr';
import { UsageError, type CliCommand } from '../io';

const usage = `Usage: overens extract <file>... [--json] [--text] [--password <pw>]

Extract text from PDF, Word (.docx) and text files exactly as the app imports them.
  --json        print a JSON array, one object per file:
                {"file","kind","pages","characters","sha256","warnings":[...],"error":null|{"code","message"}}
  --text        print each file's normalised text
  --password    password for protected PDFs
  --jobs N      threads extracting at once (default: one per core, at most one per file)
  --ocr         recognise the text of PDF pages without a text layer (Tesseract, offline);
                JSON adds "ocr": {"languages","pages":[{"page","confidence","words"}]}
  --ocr-lang L  OCR languages: swe (default), eng or swe+eng
  --ocr-pages P empty (default: pages without a text layer) or all (every page, replacing
                garbage text layers)
Exit status 1 if any file failed (after reporting all of them).`;

const sizeOf = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0; // reported by its extraction
  }
};

/**
 * Extract the files on `jobs` threads, results in the files' order: this thread and jobs − 1
 * workers (pdf.js loaded once per thread), all taking files from one shared queue, the largest
 * first so that no thread is left with a long one at the end. From the sources (tests) the worker
 * cannot start, so the files run here one by one.
 */
async function extractAll(files: readonly string[], password: string | undefined, jobs: number, ocr?: OcrOptions): Promise<IngestResult[]> {
  const results: IngestResult[] = new Array(files.length);
  const order = files.map((file, id) => ({ id, size: sizeOf(file) })).sort((x, y) => y.size - x.size || x.id - y.id).map((j) => j.id);
  const queue = createQueue(files, order, password, ocr);
  const threads = Math.min(jobs, files.length);
  const workers = import.meta.url.endsWith('.mjs') ? Array.from({ length: threads - 1 }, () => new Worker(new URL('./extract-worker.mjs', import.meta.url), { workerData: queue })) : [];
  const finished = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      worker.on('message', (m: { id: number; result: IngestResult } | { done: true }) => {
        if ('done' in m) resolve();
        else results[m.id] = m.result;
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`an extraction thread stopped (exit code ${code})`)));
    });
  try {
    await Promise.all([drain(queue, (id, result) => (results[id] = result)), ...workers.map(finished)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    if (ocr) await (await import('../extract-ocr')).closeOcr();
  }
  return results;
}

interface FileReport {
  file: string;
  kind: string | null;
  pages: number | null;
  characters: number | null;
  sha256: string | null;
  warnings: { code: string; message: string }[];
  error: { code: string; message: string } | null;
  ocr?: { languages: string; pages: { page: number; confidence: number | null; words: number }[] } | null;
}

function toReport(file: string, result: IngestResult, ocr: boolean): FileReport {
  if (!result.ok) return { file, kind: null, pages: null, characters: null, sha256: null, warnings: [], error: { code: result.error.code, message: result.error.message.en } };
  const d: RecognisedDocument = result.document;
  return {
    file, kind: d.kind, pages: d.pageCount, characters: d.text.length, sha256: d.sha256, warnings: d.warnings.map((w) => ({ code: w.code, message: warningInEnglish(w) })), error: null,
    ...(ocr ? { ocr: d.ocr ? { languages: d.ocr.languages, pages: d.ocr.pages } : null } : {}),
  };
}

function ocrSummary(r: FileReport): string {
  if (!r.ocr) return '';
  const c = r.ocr.pages.map((p) => Math.round(p.confidence ?? 0));
  return `  ocr: ${r.ocr.pages.length} page(s), confidence ${Math.min(...c)}–${Math.max(...c)} %`;
}

export const extractCommand: CliCommand = {
  name: 'extract',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { json: { type: 'boolean' }, text: { type: 'boolean' }, password: { type: 'string' }, jobs: { type: 'string' }, ocr: { type: 'boolean' }, 'ocr-lang': { type: 'string' }, 'ocr-pages': { type: 'string' } });
    const files = parsed.positionals;
    if (files.length === 0) throw new UsageError('give at least one file');
    const jobs = parsed.values.jobs === undefined ? availableParallelism() : Number(parsed.values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError('--jobs must be a whole number from 1 to 64');
    const languages = parsed.values['ocr-lang'] ?? 'swe';
    if (!['swe+eng', 'eng+swe', 'swe', 'eng'].includes(languages)) throw new UsageError('--ocr-lang must be swe, eng or swe+eng');
    if ((parsed.values['ocr-lang'] ?? parsed.values['ocr-pages']) !== undefined && !parsed.values.ocr) throw new UsageError('--ocr-lang and --ocr-pages need --ocr');
    const ocrPages = parsed.values['ocr-pages'] ?? 'empty';
    if (ocrPages !== 'empty' && ocrPages !== 'all') throw new UsageError('--ocr-pages must be empty or all');
    const results = await extractAll(files, parsed.values.password, jobs, parsed.values.ocr ? { languages, pages: ocrPages } : undefined);
    const reports: FileReport[] = [];
    for (const [i, file] of files.entries()) {
      const result = results[i]!;
      reports.push(toReport(file, result, parsed.values.ocr === true));
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
        else io.stdout.write(`ok      ${r.file}  ${r.kind}  ${r.pages} page(s)  ${r.characters} characters${ocrSummary(r)}${r.warnings.length ? `  warnings: ${r.warnings.map((w) => w.code).join(', ')}` : ''}\n`);
      }
    }
    for (const r of reports) if (r.error && (parsed.values.text || parsed.values.json)) io.stderr.write(`${r.file}: ${r.error.message}\n`);
    return reports.some((r) => r.error) ? 1 : 0;
  },
};
