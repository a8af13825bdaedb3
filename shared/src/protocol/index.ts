/** The hub–client contract: events, payload schemas, snapshot types and error codes. */
export * from './errors.js';
export * from './events.js';
export * from './payloads.js';
export * from './snapshot.js';
export * from './staff-payloads.js';
export * from './staff.js';
export * from './insights.js';
export * from './card-number.js';
export * from './orders.js';
export * from './order-payloads.js';
export * from './store-day.js';
