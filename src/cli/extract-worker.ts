/**
 * A worker thread of `overens extract`: loads pdf.js once, then extracts each file it is sent
 * ({ id, file, password }) and answers { id, result }.
 */
import { parentPort } from 'node:worker_threads';
import { extractFile } from './extract-file';

parentPort!.on('message', (job: { id: number; file: string; password?: string }) => {
  void extractFile(job.file, job.password).then((result) => parentPort!.postMessage({ id: job.id, result }));
});
