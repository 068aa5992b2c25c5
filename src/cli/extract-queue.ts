/**
 * The files of one `overens extract` run as a queue shared by its threads: each thread (the main
 * one and every worker) takes the next file by an atomic increment of one shared counter, so no
 * thread waits for another to hand it work — the main thread does not answer messages while
 * pdf.js reads a file, and a worker fed by it would stand idle meanwhile.
 */
import type { IngestResult } from '../ingest';
import { extractFile } from './extract-file';
import type { OcrOptions } from './extract-ocr';

export interface ExtractQueue {
  files: readonly string[];
  /** The order the files are taken in (indexes into `files`). */
  order: readonly number[];
  /** One Int32 on a SharedArrayBuffer: the position in `order` of the next file to take. */
  next: Int32Array;
  password?: string;
  ocr?: OcrOptions;
}

export function createQueue(files: readonly string[], order: readonly number[], password?: string, ocr?: OcrOptions): ExtractQueue {
  return { files, order, next: new Int32Array(new SharedArrayBuffer(4)), password, ocr };
}

/** Extract files from the queue until it is empty, handing each result to `done` (file index, result). */
export async function drain(queue: ExtractQueue, done: (id: number, result: IngestResult) => void): Promise<void> {
  for (let at = Atomics.add(queue.next, 0, 1); at < queue.order.length; at = Atomics.add(queue.next, 0, 1)) {
    const id = queue.order[at]!;
    done(id, await extractFile(queue.files[id]!, queue.password, queue.ocr));
  }
}
