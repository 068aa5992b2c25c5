/** Public surface of the pure core. */
export * from './model';
export * from './errors';
export * from './zip-entries';
export * from './files';
export * from './zip';
export * from './html/sanitize-html';
