/** Catalog model and schemas. */
export * from './schema.js';
