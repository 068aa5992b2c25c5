/** pdf.js ships its worker script without types; the import worker only registers it. */
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
