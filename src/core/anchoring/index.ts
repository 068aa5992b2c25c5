/** Anchoring coded passages to text: describing selections and re-anchoring them. */
export * from './describe';
export * from './match-quote';
export * from './anchor';
