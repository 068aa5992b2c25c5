/** Public surface of the pure core. */
export * from './model';
