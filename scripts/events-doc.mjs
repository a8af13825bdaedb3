// Rewrites the generated part of docs/events.md from the event schemas in shared (run after `tsc -b shared`).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderEventSchemas } from '../shared/dist/index.js';

const file = fileURLToPath(new URL('../docs/events.md', import.meta.url));
const START = '<!-- generated: event schemas -->';
const END = '<!-- end of generated part -->';
const text = readFileSync(file, 'utf8');
const [before, rest] = text.split(START);
const after = rest?.split(END)[1];
if (before === undefined || after === undefined) throw new Error(`docs/events.md lacks the markers ${START} … ${END}`);
writeFileSync(file, `${before}${START}\n${renderEventSchemas()}\n${END}${after}`);
console.log('docs/events.md: event schemas regenerated');
