export { buildCatalog } from './build';
export { CatalogError, formatProblem, type Problem } from './errors';
export * from './types';
