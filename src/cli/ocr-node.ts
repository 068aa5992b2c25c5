/**
 * OCR in Node (`overens extract --ocr`, the tests and the benchmark): tesseract.js' worker script
 * on a worker thread, and the Swedish and English data read from their npm packages in
 * node_modules — nothing is downloaded.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createTesseractEngine, type OcrEngine, type PortLike } from '../ingest/ocr';

const require = createRequire(import.meta.url);

/** The languages shipped (npm packages @tesseract.js-data/<code>, LSTM-only "best_int" models). */
export const SHIPPED_LANGUAGES = ['swe', 'eng'] as const;

/** The gzipped .traineddata of a shipped language, from node_modules. */
export function languageFile(code: string): string {
  if (!(SHIPPED_LANGUAGES as readonly string[]).includes(code)) throw new Error(`no OCR data for the language "${code}" (shipped: ${SHIPPED_LANGUAGES.join(', ')})`);
  const pkg = path.dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
  return path.join(pkg, '4.0.0_best_int', `${code}.traineddata.gz`);
}

function nodePort(): PortLike {
  const worker = new Worker(require.resolve('tesseract.js/src/worker-script/node/index.js'));
  return {
    postMessage: (message, transfer) => worker.postMessage(message, transfer),
    onMessage: (handler) => worker.on('message', handler),
    onError: (handler) => worker.on('error', handler),
    terminate: () => worker.terminate(),
  };
}

/** A Tesseract engine for `languages` ("swe+eng", "swe", …) on a worker thread. */
export async function createNodeOcrEngine(languages = 'swe'): Promise<OcrEngine> {
  const codes = languages.split('+');
  const data = await Promise.all(codes.map(async (code) => ({ code, data: new Uint8Array(await readFile(languageFile(code))) })));
  return createTesseractEngine({ spawn: nodePort, languages: data });
}
