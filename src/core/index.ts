/** Public surface of the pure core. */
export * from './model';
export * from './errors';
export * from './zip-entries';
export * from './files';
export * from './backup-names';
export * from './zip';
export * from './html/sanitize-html';
export * from './text-decoding';
export * from './ocr-merge';
