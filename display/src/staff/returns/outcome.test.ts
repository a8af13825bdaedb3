// A refused staff request keeps the hub's own message beside its code, so a tab can show why beneath its general words.
import { describe, expect, it } from 'vitest';
import { outcome } from '../store/outcome.js';

describe('what a staff request came to', () => {
  it('keeps the hub\'s message of a refusal beside its code', async () => {
    const refused = outcome(Promise.resolve({ ok: false as const, error: { code: 'not-allowed' as const, message: 'only 1 of Milk can still be returned' } }));
    expect(await refused).toEqual({ ok: false, code: 'not-allowed', message: 'only 1 of Milk can still be returned' });
  });

  it('has no message of the hub\'s when the hub did not answer', async () => {
    expect(await outcome(Promise.reject(new Error('operation has timed out')))).toEqual({ ok: false, code: 'no-answer' });
    expect(await outcome(Promise.resolve({ ok: true as const, data: 42 }))).toEqual({ ok: true, data: 42 });
  });
});
