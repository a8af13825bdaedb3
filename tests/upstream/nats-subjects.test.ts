/** Subject rules of the NATS sink and downstream: event subjects keep the type's dots; stream coverage. */
import { describe, expect, it } from 'vitest';
import { eventSubject, subjectCovers } from '../../hub/src/upstream/sinks/nats-subjects.js';

describe('NATS subjects', () => {
  it('puts an event on <prefix>.<store>.<type>, the type keeping its dots', () => {
    expect(eventSubject('sales', 'demo-store', 'sale.completed.v1')).toBe('sales.demo-store.sale.completed.v1');
  });

  it('refuses an event type with a wildcard, space or empty token', () => {
    for (const type of ['sale.*', 'sale.>', 'sale completed', 'sale..v1', '']) expect(() => eventSubject('sales', 's', type)).toThrow();
  });

  it('counts a stream subject as covering the store only when it matches every subject the store uses', () => {
    const store = 'sales.demo-store.>';
    for (const filter of ['>', 'sales.>', 'sales.*.>', 'sales.demo-store.>']) expect(subjectCovers(filter, store), filter).toBe(true);
    for (const filter of ['sales.other.>', 'sales.*', 'sales.*.*', 'sales.demo-store', 'sales.demo-store.sale.>', 'hq.>']) {
      expect(subjectCovers(filter, store), filter).toBe(false);
    }
  });
});
