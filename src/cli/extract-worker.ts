/**
 * A worker thread of `overens extract`: takes files from the run's shared queue (workerData,
 * extract-queue.ts) until it is empty, posting { id, result } for each, then { done: true }.
 * pdf.js is loaded once, with the first file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { drain, type ExtractQueue } from './extract-queue';

const queue = workerData as ExtractQueue;
await drain(queue, (id, result) => parentPort!.postMessage({ id, result }));
if (queue.ocr) await (await import('./extract-ocr')).closeOcr();
parentPort!.postMessage({ done: true });
