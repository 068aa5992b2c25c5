/** Worker thread for the extraction benchmark: extracts the files it is sent, reports text. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { extractDocument } from '../../src/ingest';

parentPort!.on('message', async (file: string) => {
  const result = await extractDocument({ fileName: path.basename(file), bytes: new Uint8Array(readFileSync(file)) }, { pdfjs });
  parentPort!.postMessage({ file, text: result.ok ? result.document.text : '', error: result.ok ? null : result.error.message.en });
});
