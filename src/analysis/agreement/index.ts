export * from './types.js';
export * from './percent.js';
export * from './cohen.js';
export * from './fleiss.js';
export * from './krippendorff.js';
export * from './landis-koch.js';
export * from './bootstrap.js';
export * from './category-kappas.js';
