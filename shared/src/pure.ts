/**
 * The part of @selfserve/shared that browsers may import at run time: no zod, no schemas. The apps
 * import `@selfserve/shared/pure` for functions and constants, and `@selfserve/shared` for types only.
 */
export * from './money/index.js';
export * from './age/index.js';
export * from './lane/index.js';
export * from './staff/index.js';
export * from './order/index.js';
