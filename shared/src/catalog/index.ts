/** Catalog model and schemas. */
export * from './schema.js';
export * from './menu.js';
export * from './delta.js';
