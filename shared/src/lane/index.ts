/** The lane state machine. */
export * from './machine.js';
