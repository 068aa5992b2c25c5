/**
 * Benchmark: text extraction of the corpus PDFs with our import code (2 worker threads) against
 * poppler's `pdftotext` (2 processes at a time) on the same files in the same run: wall time and
 * word coverage (share of pdftotext's words, Swedish letters included, that our text contains).
 * Each side: best of three passes; our workers are started and have loaded pdf.js before timing,
 * as the app's import workers stay alive.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { BenchRow } from './types';

const run = promisify(execFile);
const CORPUS = path.resolve(new URL('../../../shared/corpus/', import.meta.url).pathname);

function pdfs(folder: string): string[] {
  return readdirSync(path.join(CORPUS, folder))
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => path.join(CORPUS, folder, f));
}

/** Run `work` over the items with `workers` lanes; each lane takes the next item when free. */
async function pool<T>(items: readonly string[], workers: number, work: (item: string, lane: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, lane) => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!, lane);
      }
    }),
  );
  return results;
}

async function ours(files: readonly string[], warmUp: string): Promise<{ ms: number; texts: Map<string, string> }> {
  // Worker threads cannot load .ts directly: register tsx inside each worker, then import it.
  const script = new URL('./extract-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(script)}); });`;
  const workers = Array.from({ length: 2 }, () => new Worker(boot, { eval: true }));
  const texts = new Map<string, string>();
  // The app keeps its import workers alive: start them and load pdf.js before timing.
  const extractOn = (worker: Worker, file: string) =>
    new Promise<string>((resolve) => {
      const onMessage = (msg: { file: string; text: string }) => {
        if (msg.file !== file) return;
        worker.off('message', onMessage);
        resolve(msg.text);
      };
      worker.on('message', onMessage);
      worker.postMessage(file);
    });
  await Promise.all(workers.map((worker) => extractOn(worker, warmUp)));
  // Best of three passes, as for the peer.
  let ms = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 3; pass++) {
    const t = performance.now();
    await pool(files, 2, async (file, lane) => {
      texts.set(file, await extractOn(workers[lane]!, file));
    });
    ms = Math.min(ms, performance.now() - t);
  }
  await Promise.all(workers.map((x) => x.terminate()));
  return { ms, texts };
}

async function poppler(files: readonly string[]): Promise<{ ms: number; texts: Map<string, string> }> {
  const texts = new Map<string, string>();
  let ms = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 3; pass++) {
    const t = performance.now();
    await pool(files, 2, async (file) => {
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 1 << 28 });
      texts.set(file, stdout);
    });
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, texts };
}

const words = (s: string) => s.normalize('NFC').match(/\p{L}+/gu) ?? [];

function coverage(reference: Map<string, string>, candidate: Map<string, string>): number {
  let found = 0;
  let total = 0;
  for (const [file, text] of reference) {
    const ourWords = new Map<string, number>();
    for (const w of words(candidate.get(file) ?? '')) ourWords.set(w, (ourWords.get(w) ?? 0) + 1);
    for (const w of words(text)) {
      total++;
      const n = ourWords.get(w) ?? 0;
      if (n > 0) {
        found++;
        ourWords.set(w, n - 1);
      }
    }
  }
  return total === 0 ? 1 : found / total;
}

export async function benchExtract(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [label, files] of [
    ['synthetic corpus', pdfs('synthetic')],
    ['400-page PDF', [path.join(CORPUS, 'bad', 'large-400-pages.pdf')]],
  ] as const) {
    // Warm both once (file cache, JIT), then measure.
    await poppler(files.slice(0, 1));
    const peer = await poppler(files);
    const own = await ours(files, pdfs('real')[0]!);
    const ratio = own.ms / peer.ms;
    const cov = coverage(peer.texts, own.texts);
    const swedish = [...peer.texts.values()].join('').match(/[åäöÅÄÖ]/g)?.length ?? 0;
    const ourSwedish = [...own.texts.values()].join('').match(/[åäöÅÄÖ]/g)?.length ?? 0;
    rows.push({
      area: 'PDF text extraction',
      input: `${label} (${files.length} PDF${files.length > 1 ? 's' : ''}), 2 workers each`,
      result: `${(own.ms / 1000).toFixed(2)} s; word coverage ${(cov * 100).toFixed(2)} %; å/ä/ö ${ourSwedish} vs ${swedish}`,
      peer: `pdftotext ${(peer.ms / 1000).toFixed(2)} s`,
      ratio: `${ratio.toFixed(2)}× pdftotext's time`,
      target: label === 'synthetic corpus' ? '≤ 3× pdftotext, ≥ 99 % words' : '≥ 99 % words',
      pass: (label !== 'synthetic corpus' || ratio <= 3) && cov >= 0.99,
    });
  }
  return rows;
}
