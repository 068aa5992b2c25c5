/** Assisted coding: proposals learned from a project's own codings (see docs/ARCHITECTURE.md §6a). */
export * from './model';
export * from './prepare';
export * from './train';
export * from './predict';
export * from './calibration';
export { splitSentences, tokenize, type Span, type Token } from './text';
export * from './cross-validate';
export * from './session';
export * from './safeguards';
export * from './from-project';
