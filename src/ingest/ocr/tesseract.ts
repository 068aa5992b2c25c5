/**
 * A small client for tesseract.js' worker script (the worker that runs Tesseract compiled to
 * WebAssembly). The app and the CLI start that worker themselves — a Web Worker from the app's
 * own assets, a Node worker thread from node_modules — and talk its message protocol
 * (load → loadLanguage → initialize → recognize), so the language data is handed over as bytes
 * the app ships and nothing is ever fetched from the network. One engine recognises one image at
 * a time; `terminate()` stops it at once (that is how a recognition is cancelled).
 */
import type { TesseractPage } from './layout';

/** The worker, as the environment provides it (Web Worker or worker_threads Worker). */
export interface PortLike {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  onMessage(handler: (data: unknown) => void): void;
  onError(handler: (error: unknown) => void): void;
  terminate(): unknown;
}

export interface TesseractLanguage {
  /** Tesseract language code, e.g. "swe". */
  code: string;
  /** The .traineddata file, gzipped or not. */
  data: Uint8Array;
}

export interface TesseractEngineOptions {
  spawn: () => PortLike;
  /** The core script (tesseract-core-*.wasm.js) for the browser worker; Node's worker finds its own. */
  corePath?: string;
  languages: readonly TesseractLanguage[];
}

export interface OcrEngine {
  /** Recognise one encoded image (PGM, PNG…); `dpi` is the image's resolution. */
  recognise(image: Uint8Array, dpi: number, onProgress?: (fraction: number) => void): Promise<TesseractPage>;
  terminate(): Promise<void>;
}

/** OEM 1: the LSTM engine only (the data shipped is LSTM-only). */
const OEM_LSTM_ONLY = 1;

interface Reply {
  jobId: string;
  status: 'resolve' | 'reject' | 'progress';
  data: unknown;
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && typeof (value as Reply).jobId === 'string' && typeof (value as Reply).status === 'string';
}

export async function createTesseractEngine(options: TesseractEngineOptions): Promise<OcrEngine> {
  const port = options.spawn();
  const pending = new Map<string, { resolve: (data: unknown) => void; reject: (error: Error) => void; progress?: (fraction: number) => void }>();
  let next = 0;
  let dead: Error | null = null;
  const fail = (error: Error) => {
    dead ??= error;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  port.onMessage((message) => {
    if (!isReply(message)) return;
    const job = pending.get(message.jobId);
    if (!job) return;
    if (message.status === 'progress') {
      const p = message.data as { status?: string; progress?: number } | null;
      if (p?.status === 'recognizing text' && typeof p.progress === 'number') job.progress?.(p.progress);
      return;
    }
    pending.delete(message.jobId);
    if (message.status === 'resolve') job.resolve(message.data);
    else job.reject(new Error(String(message.data)));
  });
  port.onError((error) => fail(error instanceof Error ? error : new Error(String((error as { message?: unknown })?.message ?? error))));
  const call = (action: string, payload: unknown, transfer?: ArrayBuffer[], progress?: (fraction: number) => void): Promise<unknown> => {
    if (dead) return Promise.reject(dead);
    return new Promise((resolve, reject) => {
      const jobId = `job-${++next}`;
      pending.set(jobId, { resolve, reject, progress });
      port.postMessage({ workerId: 'overens-ocr', jobId, action, payload }, transfer);
    });
  };
  try {
    await call('load', { options: { lstmOnly: true, corePath: options.corePath, logging: false } });
    await call('loadLanguage', { langs: options.languages.map((l) => ({ code: l.code, data: l.data })), options: { cacheMethod: 'none', gzip: true, lstmOnly: true } });
    await call('initialize', { langs: options.languages.map((l) => l.code).join('+'), oem: OEM_LSTM_ONLY, config: {} });
  } catch (error) {
    await port.terminate();
    throw error;
  }
  return {
    async recognise(image, dpi, onProgress) {
      const copy = image.slice();
      const result = await call(
        'recognize',
        { image: copy, options: { user_defined_dpi: String(Math.round(dpi)) }, output: { text: false, blocks: true } },
        [copy.buffer as ArrayBuffer],
        onProgress,
      );
      return result as TesseractPage;
    },
    async terminate() {
      fail(new Error('OCR stopped'));
      await port.terminate();
    },
  };
}
