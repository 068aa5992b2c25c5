/** pdf.js' legacy worker module has no types; the extract command only loads it (extract-file.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
