import { describe, expect, it } from 'vitest';
import { jsonElementLines } from './json-lines.js';

describe('jsonElementLines', () => {
  it('names the line where each element of a section starts', () => {
    const text = '{\n  "currency": "DKK",\n  "products": [\n    {"id": "a"},\n    {\n      "id": "b ]}"\n    }\n  ],\n  "members": []\n}';
    const lines = jsonElementLines(text);
    expect(lines.get('products')).toEqual([4, 5]);
    expect(lines.get('members')).toEqual([]);
  });

  it('handles a top-level array of products', () => {
    expect(jsonElementLines('[\n{"id":"a"},\n{"id":"b"}\n]').get('')).toEqual([2, 3]);
  });
});
