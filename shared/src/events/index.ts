/** The upstream events: CloudEvents with versioned types and strict data schemas. */
export * from './schemas.js';
export * from './json-schema.js';
