/** Document import: bytes → text, page offsets, sanitised HTML, warnings. */
export * from './types';
export * from './extract';
export * from './pdf-text';
export * from './sanitize-html';
export * from './normalise';
export { sniff } from './sniff';
