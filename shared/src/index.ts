/** @selfserve/shared: the pure domain core and protocol, the one entry point of the package. */
export * from './money/index.js';
export * from './barcode/index.js';
export * from './catalog/index.js';
export * from './pricing/index.js';
export * from './age/index.js';
export * from './lane/index.js';
export * from './protocol/index.js';
export * from './receipt/index.js';
export * from './staff/index.js';
export * from './events/index.js';
export * from './order/index.js';
