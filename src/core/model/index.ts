/** The Överens data model: zod schemas at the trust boundaries, inferred types inside. */
export * from './common';
export * from './project';
export * from './codebook';
export * from './document';
export * from './ocr';
export * from './coding';
export * from './study';
export * from './backup';
export * from './coder-package';
