/**
 * A worker thread of `overens extract`: loads pdf.js once, then extracts each file it is sent
 * ({ id, file, password }) and answers { id, result }.
 */
import { parentPort } from 'node:worker_threads';
import { extractFile } from './extract-file';
import type { OcrOptions } from './extract-ocr';

parentPort!.on('message', (job: { id: number; file: string; password?: string; ocr?: OcrOptions }) => {
  void extractFile(job.file, job.password, job.ocr).then((result) => parentPort!.postMessage({ id: job.id, result }));
});
