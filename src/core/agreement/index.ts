/** Inter-rater agreement on categorical judgements. */
export * from './reliability-data';
export * from './krippendorff';
export * from './categorical';
export * from './bootstrap';
export * from './report';
export * from './unitizing';
export * from './distributions';
export * from './notes';
