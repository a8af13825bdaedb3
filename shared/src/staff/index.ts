/** Staff roles and the permission matrix. */
export * from './roles.js';
