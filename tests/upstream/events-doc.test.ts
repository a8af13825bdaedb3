import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderEventSchemas } from '@selfserve/shared';

describe('docs/events.md', () => {
  it('carries the JSON Schema of every event type as the code defines it (run scripts/events-doc.mjs after a change)', () => {
    const doc = readFileSync(new URL('../../docs/events.md', import.meta.url), 'utf8');
    const generated = doc.split('<!-- generated: event schemas -->\n')[1]?.split('\n<!-- end of generated part -->')[0];
    expect(generated).toBe(renderEventSchemas());
  });
});
