/**
 * The OCR engine's files, shipped with the app as local assets (Vite copies them from
 * node_modules into the build): tesseract.js' worker script, the Tesseract WebAssembly core
 * (with and without SIMD) and the Swedish and English data. Nothing is fetched from the network;
 * the CSP allows the worker ('self'), its importScripts ('self') and the wasm ('wasm-unsafe-eval').
 */
import workerUrl from 'tesseract.js/dist/worker.min.js?url';
import coreSimdUrl from 'tesseract.js-core/tesseract-core-simd-lstm.wasm.js?url';
import corePlainUrl from 'tesseract.js-core/tesseract-core-lstm.wasm.js?url';
import sweUrl from '@tesseract.js-data/swe/4.0.0_best_int/swe.traineddata.gz?url';
import engUrl from '@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz?url';

export const OCR_WORKER_URL = workerUrl;

export const OCR_LANGUAGE_URLS: Record<string, string> = { swe: sweUrl, eng: engUrl };

/** A minimal module using a SIMD instruction (i8x16.splat): valid only where wasm SIMD is supported. */
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

/** The core for this machine: SIMD where WebAssembly supports it. */
export function ocrCoreUrl(): string {
  return WebAssembly.validate(SIMD_PROBE) ? coreSimdUrl : corePlainUrl;
}
