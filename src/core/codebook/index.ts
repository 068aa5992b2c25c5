/** Codebook templates and codebook operations. */
export * from './templates';
export * from './derived';
export * from './versions';
export * from './decisions';
export * from './edit';
